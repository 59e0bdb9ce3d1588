/**
 * A small PDF 1.4 writer (ISO 32000-1), the emulator's own: text only, in the two standard fonts
 * every reader has (Helvetica, Helvetica-Bold, WinAnsiEncoding), pages of lines laid out top to
 * bottom, a cross-reference table with each object's byte offset. Enough for a report's titles
 * and tables; no images, no compression (so that the text can be read back in tests).
 */

export interface PdfLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Left offset from the margin, in points. */
  indent?: number;
  /** Space before the line, in points (beside its own height). */
  gap?: number;
  /** A table row: each cell drawn at its column, `cellWidth` points apart (`text` is then unused). */
  cells?: readonly string[];
  cellWidth?: number;
}

export interface PdfDocument {
  title: string;
  /** When it was made: written as the Info dictionary's CreationDate (UTC). */
  created: Date;
  landscape: boolean;
  lines: readonly PdfLine[];
}

const MARGIN = 40;
const A4: readonly [number, number] = [595, 842];

/** A string as a PDF literal: Latin-1 (other characters as "?"), `\`, `(` and `)` escaped. */
export function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    const c = code >= 32 && code <= 255 && code !== 127 ? ch : '?';
    out += c === '\\' || c === '(' || c === ')' ? `\\${c}` : c;
  }
  return `(${out})`;
}

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** The lines as pages: each page holds what fits between the margins. */
function paginate(lines: readonly PdfLine[], height: number): PdfLine[][] {
  const pages: PdfLine[][] = [[]];
  let y = height - MARGIN;
  for (const line of lines) {
    const step = line.size * 1.3 + (line.gap ?? 0);
    if (y - step < MARGIN && (pages[pages.length - 1] as PdfLine[]).length > 0) {
      pages.push([]);
      y = height - MARGIN;
    }
    (pages[pages.length - 1] as PdfLine[]).push(line);
    y -= step;
  }
  return pages;
}

function contentStream(lines: readonly PdfLine[], height: number, footer: string): string {
  const ops: string[] = [];
  let y = height - MARGIN;
  for (const line of lines) {
    y -= line.size * 1.3 + (line.gap ?? 0);
    const font = `/${line.bold ? 'F2' : 'F1'} ${line.size} Tf`;
    const x = MARGIN + (line.indent ?? 0);
    if (line.cells) line.cells.forEach((cell, i) => ops.push(`BT ${font} ${(x + i * (line.cellWidth ?? 0)).toFixed(2)} ${y.toFixed(2)} Td ${pdfString(cell)} Tj ET`));
    else ops.push(`BT ${font} ${x} ${y.toFixed(2)} Td ${pdfString(line.text)} Tj ET`);
  }
  ops.push(`BT /F1 8 Tf ${MARGIN} ${MARGIN / 2} Td ${pdfString(footer)} Tj ET`);
  return ops.join('\n');
}

/** The document, as the bytes of a PDF file. */
export function writePdf(doc: PdfDocument): Buffer {
  const [width, height] = doc.landscape ? [A4[1], A4[0]] : A4;
  const pages = paginate(doc.lines, height);
  // Objects: 1 catalog, 2 pages, 3 and 4 the fonts, 5 the info, then a page and its contents each.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${pdfString(doc.title)} /Producer (Cisco Cyber Vision Center emulator) /CreationDate (${pdfDate(doc.created)}) >>`;
  pages.forEach((lines, i) => {
    const id = pageIds[i] as number;
    const stream = contentStream(lines, height, `${doc.title} - page ${i + 1} of ${pages.length}`);
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id] as string}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
