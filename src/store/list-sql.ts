/**
 * The SQL of a 3.0 list request (src/domain/list-request.ts): its filters as conditions, its sort
 * keys as ORDER BY (with a unique tie-break, so that pages never overlap), its page as LIMIT and
 * OFFSET. The route has checked the fields and values against the list's vocabulary.
 */
import type { FieldKind, ListRequest } from '../domain/list-request.js';
import type Database from 'better-sqlite3';
import type { Pager } from './pager.js';
import type { Where } from './sql.js';

export interface ListColumn {
  sql: string;
  kind: FieldKind;
  /** The column holds µs where the answer shows ms (a time): a filter value in ms matches that millisecond. */
  micros?: true;
}

export interface ListShape<F extends string> {
  columns: Record<F, ListColumn>;
  /** The order when the request sorts on nothing, e.g. `c.last_active_time DESC`. */
  defaultOrder: string;
  /** A unique column, last in every order, e.g. `c.rowid`. */
  tieBreak: string;
  /** The columns of the activity window (`from`/`to`), when the list has one. */
  activity?: { first: string; last: string };
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function condition(column: ListColumn, value: string): [string, unknown[]] {
  switch (column.kind) {
    case 'text':
      return [`${column.sql} LIKE ? ESCAPE '\\'`, [`%${escapeLike(value)}%`]];
    case 'exact':
      return [`${column.sql} = ? COLLATE NOCASE`, [value]];
    case 'number':
      if (column.micros) return [`(${column.sql} >= ? AND ${column.sql} < ?)`, [Number(value) * 1000, (Number(value) + 1) * 1000]];
      return [`${column.sql} = ?`, [Number(value)]];
    case 'boolean':
      return [`${column.sql} = ?`, [value.toLowerCase() === 'true' ? 1 : 0]];
  }
}

/** Adds the request's filters and window to `where`; one filter's values are alternatives. */
export function listConditions<F extends string>(where: Where, req: ListRequest<F>, shape: ListShape<F>): Where {
  for (const f of req.filters) {
    const column = shape.columns[f.field];
    const parts = f.values.map((v) => condition(column, v));
    where.add(`(${parts.map(([sql]) => sql).join(' OR ')})`, ...parts.flatMap(([, p]) => p));
  }
  if (shape.activity) {
    if (req.from !== undefined) where.add(`${shape.activity.last} >= ?`, req.from);
    if (req.to !== undefined) where.add(`${shape.activity.first} <= ?`, req.to);
  }
  return where;
}

/** `ORDER BY …, tieBreak LIMIT ? OFFSET ?` (without LIMIT when the request wants every row), and its parameters. */
export function listOrder<F extends string>(req: ListRequest<F>, shape: ListShape<F>): { sql: string; params: number[] } {
  const keys = req.sort.map((k) => `${shape.columns[k.field].sql} ${k.desc ? 'DESC' : 'ASC'}`);
  const order = `ORDER BY ${[...(keys.length > 0 ? keys : [shape.defaultOrder]), shape.tieBreak].join(', ')}`;
  if (!req.window) return { sql: order, params: [] };
  return { sql: `${order} LIMIT ? OFFSET ?`, params: [req.window.limit, req.window.offset] };
}

/**
 * The rowids a list request asks for, in order: `SELECT rowid FROM from WHERE … ORDER BY …`, its
 * page or every row. A page in the list's default order, when that order is the tie-break alone
 * (rowid order: components, flows), goes through the pager's marks (./pager.ts), as the 1.0
 * lists do: a client walking the pages seeks to each one instead of stepping over every row
 * before it (page 9 000 of `/flows?size=100` on `large`: from ~180 ms to a page's cost).
 */
export function listRowids<F extends string>(
  run: { prepare: (sql: string) => Database.Statement; pager: Pager },
  select: { rowid: string; from: string },
  where: Where,
  req: ListRequest<F>,
  shape: ListShape<F>,
): readonly number[] {
  const page = req.window;
  if (page && req.sort.length === 0 && shape.defaultOrder === shape.tieBreak && shape.tieBreak === select.rowid) {
    return run.pager.rowids({ from: select.from, where, key: select.rowid, rowid: select.rowid, order: 'asc', limit: page.limit, offset: page.offset });
  }
  const order = listOrder(req, shape);
  return run.prepare(`SELECT ${select.rowid} FROM ${select.from} ${where.toString()} ${order.sql}`).pluck().all(...where.params, ...order.params) as number[];
}
