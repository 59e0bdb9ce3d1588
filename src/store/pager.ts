/**
 * Offset pagination that remembers where pages start (guide 6.2: every list takes `limit` and
 * `offset`). A plain `LIMIT ? OFFSET ?` steps over every skipped index entry: 10 000 of them
 * cost about 300 µs per request on `large`, and a client that walks a list page by page pays
 * that over and over. So each query shape keeps marks: "the row at offset N - 1 sorts at
 * (key, rowid)". A request starts from the nearest mark at or before its offset and seeks past
 * it in the index (`key >= ? AND (key > ? OR rowid > ?)`), so it skips only the distance from
 * that mark. Each request leaves two marks: where its page starts and where the next one does.
 *
 * The rowids of the pages read are kept too (up to MAX_PAGE_ROWIDS): a client that polls the
 * same page gets it without a query until something changes.
 *
 * Never stale: marks and pages belong to one store version (src/store/version.ts) and any write
 * drops them all, like the 1.0 JSON cache.
 */
import type { Db } from './db.js';
import { type Where, statementCache } from './sql.js';
import type { Version } from './version.js';

export interface PageQuery {
  /** What follows FROM: a table with its alias, and joins. */
  from: string;
  where: Where;
  /** The sort column and the unique tie-break, both NOT NULL: the order is (key, rowid). */
  key: string;
  rowid: string;
  order: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
}

/** A sort key as SQLite gives it: a number, or text (e.g. a device's id). */
type Key = number | string;

interface Mark {
  offset: number;
  key: Key;
  rowid: number;
}

interface Shape {
  /** Sorted by offset. */
  marks: Mark[];
  /** The pages read at this version, by `offset:limit`. */
  pages: Map<string, readonly number[]>;
}

/** Query shapes remembered at most (the oldest go first), marks per shape, rowids of pages held. */
const MAX_SHAPES = 256;
const MAX_MARKS = 4096;
const MAX_PAGE_ROWIDS = 200_000;

export function createPager(db: Db, version: Version) {
  const prepare = statementCache(db);
  const shapes = new Map<string, Shape>();
  let shapesVersion = '';
  let pageRowids = 0;

  /** The last mark at or before `offset` (marks are sorted by offset). */
  function nearest(marks: readonly Mark[], offset: number): Mark | undefined {
    let lo = 0;
    let hi = marks.length - 1;
    let found: Mark | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = marks[mid] as Mark;
      if (m.offset <= offset) {
        found = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Whether `offset` has a mark (one is added only once: finding its key costs a lookup). */
  function marked(marks: readonly Mark[], offset: number): boolean {
    return nearest(marks, offset)?.offset === offset;
  }

  function remember(marks: Mark[], mark: Mark): void {
    if (marks.length >= MAX_MARKS) {
      // Full: every other mark goes, the deepest stays. A walk past MAX_MARKS pages keeps marks
      // all along the list, twice as far apart, instead of none beyond the last one.
      const kept = marks.filter((_, i) => (marks.length - 1 - i) % 2 === 0);
      marks.splice(0, marks.length, ...kept);
    }
    const before = nearest(marks, mark.offset);
    marks.splice(before ? marks.indexOf(before) + 1 : 0, 0, mark);
  }

  /** What a kept page costs against MAX_PAGE_ROWIDS: its rowids, and one for itself (an empty page is held too). */
  const cost = (rowids: readonly number[]): number => 1 + rowids.length;

  function shapeOf(key: string): Shape {
    const v = version();
    if (v !== shapesVersion) {
      shapes.clear();
      pageRowids = 0;
      shapesVersion = v;
    }
    let shape = shapes.get(key);
    if (!shape) {
      if (shapes.size >= MAX_SHAPES) {
        const [oldest, dropped] = shapes.entries().next().value as [string, Shape];
        for (const page of dropped.pages.values()) pageRowids -= cost(page);
        shapes.delete(oldest);
      }
      shapes.set(key, (shape = { marks: [], pages: new Map() }));
    }
    return shape;
  }

  function keep(shape: Shape, page: string, rowids: readonly number[]): void {
    if (pageRowids + cost(rowids) > MAX_PAGE_ROWIDS) {
      for (const s of shapes.values()) s.pages.clear();
      pageRowids = 0;
    }
    shape.pages.set(page, rowids);
    pageRowids += cost(rowids);
  }

  return {
    /** The rowids of the page, in order: what `ORDER BY key, rowid LIMIT limit OFFSET offset` gives. */
    rowids(q: PageQuery): readonly number[] {
      const dir = q.order === 'desc' ? 'DESC' : 'ASC';
      const [gt, ge] = q.order === 'desc' ? ['<', '<='] : ['>', '>='];
      const base = `SELECT ${q.rowid} FROM ${q.from}`;
      const orderBy = `ORDER BY ${q.key} ${dir}, ${q.rowid} ${dir} LIMIT ? OFFSET ?`;
      const shape = shapeOf(`${base} ${q.where} ${orderBy}\0${JSON.stringify(q.where.params)}`);
      const pageKey = `${q.offset}:${q.limit}`;
      const held = shape.pages.get(pageKey);
      if (held) return held;
      const { marks } = shape;

      const from = nearest(marks, q.offset);
      const skip = q.offset - (from?.offset ?? 0);
      // The row before the page, when the page does not start at a mark: it marks the page's start.
      const before = skip > 0 ? 1 : 0;
      let rows: number[];
      if (from) {
        const seek = `${q.key} ${ge} ? AND (${q.key} ${gt} ? OR ${q.rowid} ${gt} ?)`;
        const sql = `${base} WHERE ${seek} ${q.where.and()} ${orderBy}`;
        rows = prepare(sql).pluck().all(from.key, from.key, from.rowid, ...q.where.params, q.limit + before, skip - before) as number[];
      } else {
        rows = prepare(`${base} ${q.where} ${orderBy}`).pluck().all(...q.where.params, q.limit + before, skip - before) as number[];
      }
      // Rowids alone: reading the keys of every row would cost more than the query (objects).
      const keyOf = (rowid: number): Key =>
        prepare(`SELECT ${q.key} FROM ${q.from} WHERE ${q.rowid} = ? ${q.where.and()}`).pluck().get(rowid, ...q.where.params) as Key;
      const first = rows[0];
      if (before === 1 && first !== undefined && !marked(marks, q.offset)) {
        remember(marks, { offset: q.offset, key: keyOf(first), rowid: first });
      }
      const page = before === 1 ? rows.slice(1) : rows;
      const last = page[page.length - 1];
      const next = q.offset + q.limit;
      if (last !== undefined && page.length === q.limit && !marked(marks, next)) {
        remember(marks, { offset: next, key: keyOf(last), rowid: last });
      }
      keep(shape, pageKey, page);
      return page;
    },
  };
}

export type Pager = ReturnType<typeof createPager>;
