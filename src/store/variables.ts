/** Variables and their accesses (guide 5.6, 6.3.12, 6.7.1). */
import type { Page } from '../domain/queries.js';
import type { Variable, VariableAuthor } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { VariableAccessType } from '../domain/vocabulary.js';
import type { Db } from './db.js';

const ACCESSES = `SELECT a.variable_rowid, c.id AS author_id, coalesce(c.custom_name, c.name, c.ip, c.mac) AS author_name,
    a.type, a.first, a.last
  FROM variable_access a JOIN component c ON c.rowid = a.author_rowid
  WHERE a.variable_rowid IN (SELECT value FROM json_each(?))
  ORDER BY a.variable_rowid, c.rowid, a.type`;

interface VariableRow {
  rowid: number;
  id: string;
  name: string;
  component_id: string;
}

export function createVariableRepo(db: Db) {
  const page = {
    asc: db.prepare(
      `SELECT v.rowid, v.id, v.name, c.id AS component_id FROM variable v JOIN component c ON c.rowid = v.component_rowid
       ORDER BY v.first_access ASC, v.rowid ASC LIMIT ? OFFSET ?`,
    ),
    desc: db.prepare(
      `SELECT v.rowid, v.id, v.name, c.id AS component_id FROM variable v JOIN component c ON c.rowid = v.component_rowid
       ORDER BY v.first_access DESC, v.rowid DESC LIMIT ? OFFSET ?`,
    ),
  };
  const ofComponent = db.prepare(
    `SELECT v.rowid, v.id, v.name, c.id AS component_id FROM variable v JOIN component c ON c.rowid = v.component_rowid
     WHERE v.component_rowid = ? ORDER BY v.rowid`,
  );
  const ofDevice = db.prepare(
    `SELECT v.rowid, v.id, v.name, c.id AS component_id FROM device d JOIN component c ON c.device_rowid = d.rowid
     JOIN variable v ON v.component_rowid = c.rowid WHERE d.id = ? ORDER BY v.rowid`,
  );
  const accesses = db.prepare(ACCESSES);
  const insertStmt = db.prepare('INSERT INTO variable (id, component_rowid, name) VALUES (?, ?, ?)');
  const upsertAccess = db.prepare(
    `INSERT INTO variable_access (variable_rowid, author_rowid, type, first, last) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last)`,
  );
  const touchFirst = db.prepare('UPDATE variable SET first_access = min(coalesce(first_access, ?), ?) WHERE rowid = ?');

  function hydrate(rows: VariableRow[]): Variable[] {
    const authors = new Map<number, Map<string, VariableAuthor>>();
    if (rows.length > 0) {
      const all = accesses.all(JSON.stringify(rows.map((r) => r.rowid))) as {
        variable_rowid: number;
        author_id: string;
        author_name: string;
        type: VariableAccessType;
        first: number;
        last: number;
      }[];
      for (const a of all) {
        let byAuthor = authors.get(a.variable_rowid);
        if (!byAuthor) authors.set(a.variable_rowid, (byAuthor = new Map()));
        let author = byAuthor.get(a.author_id);
        if (!author) byAuthor.set(a.author_id, (author = { componentId: a.author_id, name: a.author_name, read: null, write: null }));
        author[a.type] = { type: a.type, first: a.first, last: a.last };
      }
    }
    return rows.map((r) => ({
      id: r.id,
      componentId: r.component_id,
      name: r.name,
      authors: [...(authors.get(r.rowid)?.values() ?? [])],
    }));
  }

  return {
    /** guide 6.7.1: a page of variables, ordered by their first access ("asc": the oldest first). */
    list(q: Page): Variable[] {
      return hydrate(page[q.order].all(q.limit, q.offset) as VariableRow[]);
    },

    /** guide 6.3.12 */
    ofComponent(componentRowid: number): Variable[] {
      return hydrate(ofComponent.all(componentRowid) as VariableRow[]);
    },

    /** The variables a device's components hold (API 3.0 GET /devices/{id}/variables), in the order they were made. */
    ofDevice(deviceId: string): Variable[] {
      return hydrate(ofDevice.all(deviceId) as VariableRow[]);
    },

    insert(id: string, componentRowid: number, name: string): number {
      return Number(insertStmt.run(id, componentRowid, name).lastInsertRowid);
    },

    /** guide 6.3.14: removes the variables the given components hold (with their accesses), or all. */
    clear(componentRowids?: readonly number[]): void {
      if (!componentRowids) db.prepare('DELETE FROM variable').run();
      else db.prepare('DELETE FROM variable WHERE component_rowid IN (SELECT value FROM json_each(?))').run(JSON.stringify(componentRowids));
    },

    recordAccess(variableRowid: number, authorRowid: number, type: VariableAccessType, first: Micros, last: Micros): void {
      upsertAccess.run(variableRowid, authorRowid, type, first, last);
      touchFirst.run(first, first, variableRowid);
    },
  };
}

export type VariableRepo = ReturnType<typeof createVariableRepo>;
