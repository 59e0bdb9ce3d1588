/**
 * The Center's parameters (Cisco 3.0 "Parameters"): keys and values in the `parameter` table
 * (migration 006), apart from the emulator's own settings (src/store/settings.ts). A value is
 * a string, a number or a boolean, kept as its JSON text. The sensors' global credentials are
 * two of them (src/store/global-credentials.ts).
 */
import type { Db } from './db.js';

export type ParameterValue = string | number | boolean;
export type Parameters = Record<string, ParameterValue>;

const parse = (rows: { key: string; value_json: string }[]): Parameters =>
  Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as ParameterValue]));

export function createParameterRepo(db: Db) {
  const getStmt = db.prepare('SELECT value_json FROM parameter WHERE key = ?').pluck();
  // instr, not LIKE: the key or pattern is text, its '%' and '_' stand for themselves.
  const containing = db.prepare('SELECT key, value_json FROM parameter WHERE instr(key, ?) > 0 ORDER BY key');
  const under = db.prepare("SELECT key, value_json FROM parameter WHERE key = ? OR substr(key, 1, length(?) + 1) = ? || '.' ORDER BY key");
  const setStmt = db.prepare('INSERT INTO parameter (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json');
  const removeStmt = db.prepare('DELETE FROM parameter WHERE key = ?');
  return {
    get(key: string): ParameterValue | undefined {
      const json = getStmt.get(key) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as ParameterValue);
    },
    /** The parameters whose key contains `pattern`, by key. */
    matching(pattern: string): Parameters {
      return parse(containing.all(pattern) as { key: string; value_json: string }[]);
    },
    /** The parameter `key` and those under it (`key.…`), by key. */
    under(key: string): Parameters {
      return parse(under.all(key, key, key) as { key: string; value_json: string }[]);
    },
    set(key: string, value: ParameterValue): void {
      setStmt.run(key, JSON.stringify(value));
    },
    /** Whether the key was set. */
    delete(key: string): boolean {
      return removeStmt.run(key).changes > 0;
    },
  };
}

export type ParameterRepo = ReturnType<typeof createParameterRepo>;
