/**
 * A list request applied to rows already in memory: the short lists of one component or device
 * (its variables, its external communications), where SQL would gain nothing. The same
 * semantics as src/store/list-sql.ts: `text` contains the value without case, `exact` equals it
 * without case, `number` and `boolean` equal it once parsed; one field's values are alternatives;
 * the window keeps rows active at some time in [from, to]; sort keys in order, then the rows'
 * own order; a page past the end is empty.
 */
import type { FieldKind, ListFields, ListRequest } from './list-request.js';
import type { Micros } from './time.js';

export type FieldValue = string | number | boolean | null;

export interface InMemoryShape<T, F extends string> {
  fields: ListFields<F>;
  /** Each field's value of a row, as the wire shows it (times in the unit `from`/`to` use: µs). */
  value: Record<F, (row: T) => FieldValue>;
  /** The row's activity, for `from`/`to`. */
  activity?: (row: T) => { first: Micros; last: Micros };
}

function matches(kind: FieldKind, v: FieldValue, wanted: string): boolean {
  if (v === null) return false;
  switch (kind) {
    case 'text':
      return String(v).toLowerCase().includes(wanted.toLowerCase());
    case 'exact':
      return String(v).toLowerCase() === wanted.toLowerCase();
    case 'number':
      return Number(v) === Number(wanted);
    case 'boolean':
      return v === (wanted.toLowerCase() === 'true');
  }
}

/** null sorts first, as SQLite sorts NULL. */
function compare(a: FieldValue, b: FieldValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function listInMemory<T, F extends string>(rows: readonly T[], req: ListRequest<F>, shape: InMemoryShape<T, F>): T[] {
  let out = rows.filter((row) => req.filters.every((f) => f.values.some((v) => matches(shape.fields[f.field].kind, shape.value[f.field](row), v))));
  const activity = shape.activity;
  if (activity) {
    if (req.from !== undefined) out = out.filter((r) => activity(r).last >= (req.from as Micros));
    if (req.to !== undefined) out = out.filter((r) => activity(r).first <= (req.to as Micros));
  }
  if (req.sort.length > 0) {
    const indexed = out.map((row, i) => ({ row, i }));
    indexed.sort((a, b) => {
      for (const k of req.sort) {
        const c = compare(shape.value[k.field](a.row), shape.value[k.field](b.row));
        if (c !== 0) return k.desc ? -c : c;
      }
      return a.i - b.i;
    });
    out = indexed.map((x) => x.row);
  }
  if (req.window) out = out.slice(req.window.offset, req.window.offset + req.window.limit);
  return out;
}
