/** Small helpers for the repositories' dynamic list queries. */
import type Database from 'better-sqlite3';
import type { Db } from './db.js';

/** Conjunctive WHERE clause with its positional parameters. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** `column IN (?, …)` when values are given; nothing otherwise. */
  anyOf(column: string, values: readonly unknown[] | undefined): this {
    if (values && values.length > 0) this.add(`${column} IN (${placeholders(values.length)})`, ...values);
    return this;
  }

  toString(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }

  /** The conditions alone, to follow another condition: `AND …`, or nothing. */
  and(): string {
    return this.parts.length > 0 ? `AND ${this.parts.join(' AND ')}` : '';
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }
}

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Prepared statements cached by their text: list queries are built per request. */
export function statementCache(db: Db, max = 500): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}

export const bool = (v: unknown): boolean => v === 1 || v === true;

export function parseJsonObject<T>(text: unknown): T {
  return JSON.parse(typeof text === 'string' ? text : '{}') as T;
}

/**
 * Puts rows fetched by rowid back in the order of the page. List queries run in two steps:
 * the ordered rowids of the page (from covering indexes, cheap even at a deep OFFSET), then
 * the rows themselves; joining wide rows while skipping OFFSET rows costs far more.
 */
export function inPageOrder<T extends { rowid: number }>(rowids: readonly number[], rows: readonly T[]): T[] {
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  return rowids.map((id) => byRowid.get(id)).filter((r): r is T => r !== undefined);
}
