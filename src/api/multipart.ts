/**
 * multipart/form-data (RFC 7578) read from a whole body: the parts, each with its name, file
 * name, content type and bytes. Enough for a form of a few parts (a logo upload); no nested
 * multipart, no transfer encodings (RFC 7578 4.7: none is used).
 */

export interface FormPart {
  name: string;
  filename: string | undefined;
  contentType: string;
  data: Buffer;
}

/** The boundary of a multipart/form-data Content-Type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function headerParam(header: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  const v = m?.[1] ?? m?.[2];
  return v?.replace(/\\(.)/g, '$1');
}

/** The parts of the body; undefined when it is not a well-formed multipart body of that boundary. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return parts;
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') return undefined;
    at += 2;
    const headersEnd = body.indexOf('\r\n\r\n', at);
    if (headersEnd < 0) return undefined;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
    if (next < 0) return undefined;
    const headers = body.subarray(at, headersEnd).toString('utf8').split('\r\n');
    const header = (n: string) => headers.find((h) => h.toLowerCase().startsWith(`${n}:`))?.slice(n.length + 1).trim();
    const disposition = header('content-disposition') ?? '';
    const name = headerParam(disposition, 'name');
    if (!/^form-data/i.test(disposition) || name === undefined) return undefined;
    parts.push({ name, filename: headerParam(disposition, 'filename'), contentType: header('content-type') ?? '', data: body.subarray(headersEnd + 4, next) });
    at = next + 2;
  }
}
