/**
 * How many rows the world's main tables hold, by the names the health route and the seed
 * command print (components, flows, …). Statements prepared once.
 */
import type { Db } from './db.js';

const TABLES = { sensors: 'sensor', components: 'component', flows: 'flow', events: 'event', variables: 'variable', groups: 'grp' } as const;
export type CountedName = keyof typeof TABLES;

export function createRowCounts(db: Db) {
  const statements = Object.entries(TABLES).map(([name, table]) => [name as CountedName, db.prepare(`SELECT count(*) FROM ${table}`).pluck()] as const);
  return {
    /** Every counted table's rows, by name. */
    all(): Record<CountedName, number> {
      return Object.fromEntries(statements.map(([name, stmt]) => [name, stmt.get() as number])) as Record<CountedName, number>;
    },
  };
}
