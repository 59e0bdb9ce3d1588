/**
 * A report's documents, written from its tables (src/operations/reports.ts reads them from the
 * world): a PDF of the emulator's own writer (./pdf.ts), or CSV. divergence: Cisco's document
 * gives no layout. The PDF has a title page header (the report's name, type, description, when
 * it was made and on what) then each table under its section; the CSV is one block per table,
 * its title on a line of its own, then its header and rows (RFC 4180 quoting), blocks separated
 * by an empty line, lines ended by CRLF.
 */
import { writePdf, type PdfLine } from './pdf.js';
import type { ReportFormat, ReportTable, ReportType } from './report.js';

export interface ReportHeading {
  name: string;
  description: string;
  type: ReportType;
  /** When it was made, and on what ("All data", or the preset's label). */
  created: Date;
  scope: string;
}

const quoted = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function reportCsv(tables: readonly ReportTable[]): Buffer {
  const blocks = tables.map((t) => [quoted(t.title), t.columns.map(quoted).join(','), ...t.rows.map((r) => r.map((v) => quoted(String(v))).join(','))].join('\r\n'));
  return Buffer.from(`${blocks.join('\r\n\r\n')}\r\n`, 'utf8');
}

/** A cell cut to its column's width (Helvetica's average glyph is about half its size wide). */
function fit(text: string, width: number, size: number): string {
  const max = Math.max(3, Math.floor(width / (size * 0.52)));
  return text.length > max ? `${text.slice(0, max - 1)}~` : text;
}

export function reportPdf(h: ReportHeading, tables: readonly ReportTable[]): Buffer {
  const landscape = h.type.layout === 'landscape';
  const usable = (landscape ? 842 : 595) - 80;
  const lines: PdfLine[] = [
    { text: h.name, size: 20, bold: true },
    { text: h.type.title, size: 12, gap: 4 },
    ...(h.description ? [{ text: h.description, size: 10, gap: 2 }] : []),
    { text: `Generated ${h.created.toISOString().replace('T', ' ').slice(0, 19)} UTC on ${h.scope}`, size: 9, gap: 2 },
  ];
  let section = '';
  for (const t of tables) {
    const name = h.type.sections.find((s) => s.id === t.sectionId)?.name ?? t.sectionId;
    if (name !== section) {
      lines.push({ text: name, size: 14, bold: true, gap: 14 });
      section = name;
    }
    lines.push({ text: t.title, size: 11, bold: true, gap: 6 });
    const size = 8;
    const width = usable / Math.max(1, t.columns.length);
    const row = (cells: readonly (string | number)[], bold = false): PdfLine => ({ text: '', size, bold, cells: cells.map((c) => fit(String(c), width - 6, size)), cellWidth: width });
    lines.push({ ...row(t.columns, true), gap: 2 });
    if (t.rows.length === 0) lines.push({ text: '(none)', size });
    for (const r of t.rows) lines.push(row(r));
  }
  return writePdf({ title: h.name, created: h.created, landscape, lines });
}

export function reportDocument(format: ReportFormat, h: ReportHeading, tables: readonly ReportTable[]): Buffer {
  return format === 'PDF' ? reportPdf(h, tables) : reportCsv(tables);
}
