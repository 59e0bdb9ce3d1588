/** Property and port analyzer rules (guide 6.8.2, 6.8.3), kept in creation order. */
import type { PortRule, PropertyRule } from '../domain/rules.js';
import type { Db } from './db.js';

function createRuleRepo<T extends { id: string }>(db: Db, table: 'property_rule' | 'port_rule') {
  const all = db.prepare(`SELECT id, body FROM ${table} ORDER BY rowid`);
  const byId = db.prepare(`SELECT id, body FROM ${table} WHERE id = ?`);
  const insertStmt = db.prepare(`INSERT INTO ${table} (id, body) VALUES (?, ?)`);
  const updateStmt = db.prepare(`UPDATE ${table} SET body = ? WHERE id = ?`);
  const deleteStmt = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  // Counts the writes through this repository, so that compiled rule sets know when to recompile.
  let writes = 0;
  const toRule = (r: { id: string; body: string }): T => ({ ...(JSON.parse(r.body) as Omit<T, 'id'>), id: r.id }) as T;
  return {
    list(): T[] {
      return (all.all() as { id: string; body: string }[]).map(toRule);
    },
    get(id: string): T | undefined {
      const r = byId.get(id) as { id: string; body: string } | undefined;
      return r ? toRule(r) : undefined;
    },
    insert(rule: T): void {
      const { id, ...body } = rule;
      insertStmt.run(id, JSON.stringify(body));
      writes++;
    },
    /** Replaces a rule's body; it keeps its place in the creation order. */
    update(rule: T): void {
      const { id, ...body } = rule;
      updateStmt.run(JSON.stringify(body), id);
      writes++;
    },
    delete(id: string): void {
      deleteStmt.run(id);
      writes++;
    },
    /** Says that the rules changed by other means (a world replaced as a whole). */
    invalidate(): void {
      writes++;
    },
    /** Changes with every write through this repository. */
    writes(): number {
      return writes;
    },
  };
}

export const createPropertyRuleRepo = (db: Db) => createRuleRepo<PropertyRule>(db, 'property_rule');
export const createPortRuleRepo = (db: Db) => createRuleRepo<PortRule>(db, 'port_rule');
export type RuleRepo<T extends { id: string }> = ReturnType<typeof createRuleRepo<T>>;
export type PropertyRuleRepo = ReturnType<typeof createPropertyRuleRepo>;
export type PortRuleRepo = ReturnType<typeof createPortRuleRepo>;
