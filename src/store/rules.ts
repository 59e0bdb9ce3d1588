/** Property and port analyzer rules (guide 6.8.2, 6.8.3), kept in creation order. */
import type { PortRule, PropertyRule } from '../domain/rules.js';
import type { Db } from './db.js';

function createRuleRepo<T extends { id: string }>(db: Db, table: 'property_rule' | 'port_rule', others: () => number) {
  const all = db.prepare(`SELECT id, body FROM ${table} ORDER BY rowid`);
  const byId = db.prepare(`SELECT id, body FROM ${table} WHERE id = ?`);
  const insertStmt = db.prepare(`INSERT INTO ${table} (id, body) VALUES (?, ?)`);
  const updateStmt = db.prepare(`UPDATE ${table} SET body = ? WHERE id = ?`);
  const deleteStmt = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  // Counts the writes through this repository: with the commits of other connections (the
  // command line on the same file), compiled rule sets know when to compile again. Not the whole
  // store's version: ingest writes with every batch, and the rules would be compiled each time.
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
    /** Changes with every write through this repository, and after another connection's commit. */
    version(): string {
      return `${writes}:${others()}`;
    },
  };
}

export const createPropertyRuleRepo = (db: Db, others: () => number) => createRuleRepo<PropertyRule>(db, 'property_rule', others);
export const createPortRuleRepo = (db: Db, others: () => number) => createRuleRepo<PortRule>(db, 'port_rule', others);
export type RuleRepo<T extends { id: string }> = ReturnType<typeof createRuleRepo<T>>;
export type PropertyRuleRepo = ReturnType<typeof createPropertyRuleRepo>;
export type PortRuleRepo = ReturnType<typeof createPortRuleRepo>;
