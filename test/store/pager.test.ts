import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PageQuery, createPager } from '../../src/store/pager.js';
import { Where } from '../../src/store/sql.js';
import { Random } from '../../src/random.js';

type Db = Database.Database;

/** 600 rows over 3 groups, with many equal keys so the rowid tie-break matters. */
function makeDb(): Db {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE item (k INTEGER NOT NULL, g TEXT NOT NULL); CREATE INDEX item_g ON item (g, k); CREATE INDEX item_k ON item (k)');
  const insert = db.prepare('INSERT INTO item (k, g) VALUES (?, ?)');
  const random = new Random(11);
  for (let i = 0; i < 600; i++) insert.run(random.int(0, 40), ['a', 'b', 'c'][random.int(0, 2)]);
  return db;
}

const changes = (db: Db) => () => String(db.prepare('SELECT total_changes()').pluck().get());

/** `target`, whose page queries (those with ORDER BY) are listed with their arguments as they run. */
function spyPages(target: Db): { db: Db; pages: { sql: string; args: unknown[] }[] } {
  const pages: { sql: string; args: unknown[] }[] = [];
  const db = Object.assign(Object.create(target) as Db, {
    prepare: (sql: string) => {
      const stmt = target.prepare(sql);
      if (!sql.includes('ORDER BY')) return stmt;
      const all = stmt.all.bind(stmt);
      return Object.assign(stmt, {
        all: (...args: unknown[]) => {
          pages.push({ sql, args });
          return all(...args);
        },
      });
    },
  });
  return { db, pages };
}

/** What the pager must always answer: the plain OFFSET query. */
function plain(db: Db, q: PageQuery): number[] {
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  return db
    .prepare(`SELECT ${q.rowid} FROM ${q.from} ${q.where} ORDER BY ${q.key} ${dir}, ${q.rowid} ${dir} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...q.where.params, q.limit, q.offset) as number[];
}

function query(group: string | null, order: 'asc' | 'desc', limit: number, offset: number): PageQuery {
  const where = new Where();
  if (group !== null) where.add('i.g = ?', group);
  return { from: 'item i', where, key: 'i.k', rowid: 'i.rowid', order, limit, offset };
}

describe('createPager', () => {
  let db: Db;
  beforeEach(() => {
    db = makeDb();
  });
  afterEach(() => db.close());

  it('answers what LIMIT/OFFSET answers, for any sequence of pages, orders and filters', () => {
    const pager = createPager(db, changes(db));
    const random = new Random(3);
    for (let i = 0; i < 2000; i++) {
      const q = query([null, 'a', 'b', 'c'][random.int(0, 3)] ?? null, random.chance(0.5) ? 'asc' : 'desc', random.int(0, 30), random.int(0, 650));
      expect(pager.rowids(q), JSON.stringify(q)).toEqual(plain(db, q));
    }
  });

  it('walks a list page by page without gaps or repeats', () => {
    const pager = createPager(db, changes(db));
    for (const order of ['asc', 'desc'] as const) {
      const walked: number[] = [];
      for (let offset = 0; offset < 700; offset += 7) walked.push(...pager.rowids(query(null, order, 7, offset)));
      expect(walked).toEqual(plain(db, query(null, order, 1000, 0)));
      expect(new Set(walked).size).toBe(600);
    }
  });

  /** A pager over `db` that lists the page queries it runs (not the key lookups of its marks). */
  function traced(): { pager: ReturnType<typeof createPager>; pages: () => string[] } {
    const spied = spyPages(db);
    return { pager: createPager(spied.db, changes(db)), pages: () => spied.pages.map((p) => p.sql) };
  }

  it('starts a deep page from the nearest mark, not from the top', () => {
    const { pager, pages } = traced();
    expect(pager.rowids(query(null, 'asc', 10, 500))).toEqual(plain(db, query(null, 'asc', 10, 500))); // marks 500 and 510
    expect(pager.rowids(query(null, 'asc', 10, 505))).toEqual(plain(db, query(null, 'asc', 10, 505)));
    expect(pages()).toHaveLength(2);
    expect(pages()[0]).not.toMatch(/i\.k >= \?/);
    expect(pages()[1]).toMatch(/i\.k >= \? AND \(i\.k > \? OR i\.rowid > \?\)/);
  });

  it('answers a page read before, at the same version, without a query', () => {
    const { pager, pages } = traced();
    const first = pager.rowids(query('b', 'desc', 20, 40));
    expect(pager.rowids(query('b', 'desc', 20, 40))).toBe(first);
    expect(pages()).toHaveLength(1);
    // Another limit, order or filter is another page.
    pager.rowids(query('b', 'desc', 21, 40));
    pager.rowids(query('b', 'asc', 20, 40));
    pager.rowids(query('c', 'desc', 20, 40));
    expect(pages()).toHaveLength(4);
  });

  it('keeps marks all along a walk longer than the marks it can hold', () => {
    const long = new Database(':memory:');
    try {
      long.exec('CREATE TABLE item (k INTEGER NOT NULL); CREATE INDEX item_k ON item (k)');
      long.exec('WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999) INSERT INTO item (k) SELECT i / 3 FROM n');
      const spied = spyPages(long);
      const pager = createPager(spied.db, changes(long));
      for (let offset = 0; offset < 10_000; offset++) pager.rowids(query(null, 'asc', 1, offset));
      spied.pages.length = 0;
      // 10 000 pages walked, 4 096 marks held: a deep page still starts a few rows from a mark.
      for (const offset of [9_999, 7_001, 5_003, 123]) {
        expect(pager.rowids(query(null, 'asc', 2, offset))).toEqual(plain(long, query(null, 'asc', 2, offset)));
      }
      // The last argument of a page query is the OFFSET it still steps over.
      expect(Math.max(...spied.pages.map((p) => p.args[p.args.length - 1] as number))).toBeLessThan(4);
    } finally {
      long.close();
    }
  });

  it('forgets its marks when the data changes', () => {
    const pager = createPager(db, changes(db));
    const deep = query('a', 'asc', 5, 100);
    expect(pager.rowids(deep)).toEqual(plain(db, deep));
    // Rows that sort before the marked position: a stale mark would now answer the old page.
    db.prepare("INSERT INTO item (k, g) VALUES (-1, 'a'), (-1, 'a'), (-1, 'a')").run();
    expect(pager.rowids(deep)).toEqual(plain(db, deep));
    db.prepare("DELETE FROM item WHERE rowid IN (SELECT rowid FROM item WHERE g = 'a' ORDER BY k LIMIT 10)").run();
    expect(pager.rowids(deep)).toEqual(plain(db, deep));
  });
});
