/**
 * `format=csv` (Cisco's document: "expected format of the returned data"): the same rows as the
 * JSON answer, one line each, under a header of every top-level field the rows have, in the order
 * they first appear (a field some rows lack is an empty cell there; no rows: an empty header line). divergence: the document gives no CSV layout; a scalar is written as it is, a list
 * of scalars joined with "; ", null as an empty cell, and an object or a list of objects as its
 * JSON. Cells are quoted as RFC 4180 says (a comma, a quote or a line break).
 */
const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.map(cell).join('; ');
  return JSON.stringify(v);
};

const quoted = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(items: readonly Record<string, unknown>[]): string {
  const columns = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const lines = [columns.map(quoted).join(',')];
  for (const item of items) lines.push(columns.map((c) => quoted(cell(item[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
