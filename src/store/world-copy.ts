/**
 * The world as a whole: saved to a file, or replaced by the world in another file, in one
 * transaction (control plane: reset and snapshots). Who may call is not part of the world:
 * tokens and the kept settings (admin key, default token secret, licence) stay as they are.
 */
import type { Store } from './store.js';

/** Settings that belong to the Center's access, not to its world (the deployment JWTs' signing key is one). */
export const KEPT_SETTINGS = ['admin_key', 'token_seed', 'license.api', 'license.mode', 'deployment.jwt_secret'] as const;
const ACCESS_TABLES = new Set(['token', 'setting']);

function worldTables(store: Store): string[] {
  const names = store.db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return names.filter((n) => !ACCESS_TABLES.has(n));
}

/** A consistent copy of the whole database (VACUUM INTO), tokens included: it is a file of ours. */
export function saveWorld(store: Store, file: string): void {
  store.db.prepare('VACUUM INTO ?').run(file);
}

/** Replaces this store's world by the one in `file` (same schema version), all or nothing. */
export function replaceWorld(store: Store, file: string): void {
  const { db } = store;
  db.prepare('ATTACH DATABASE ? AS src').run(file);
  try {
    const version = (schema: string) => db.pragma(`${schema}.user_version`, { simple: true }) as number;
    if (version('src') !== version('main')) {
      throw new Error(`${file} has schema version ${version('src')}, this emulator ${version('main')}`);
    }
    const kept = KEPT_SETTINGS.map(() => '?').join(', ');
    // Rows point at each other: foreign keys are off while the tables are swapped (no ON DELETE
    // action may reach a row already copied), and the whole copy is checked before it commits.
    db.pragma('foreign_keys = OFF');
    try {
      store.transaction(() => {
        const tables = worldTables(store);
        for (const table of tables) db.exec(`DELETE FROM main.${table}`);
        for (const table of tables) db.exec(`INSERT INTO main.${table} SELECT * FROM src.${table}`);
        db.prepare(`DELETE FROM main.setting WHERE key NOT IN (${kept})`).run(...KEPT_SETTINGS);
        db.prepare(`INSERT INTO main.setting SELECT * FROM src.setting WHERE key NOT IN (${kept})`).run(...KEPT_SETTINGS);
        const broken = db.pragma('main.foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`${broken.length} rows of ${file} point at rows that do not exist`);
      });
    } finally {
      db.pragma('foreign_keys = ON');
    }
  } finally {
    db.exec('DETACH DATABASE src');
  }
  // The rules changed under the compiled rule sets.
  store.propertyRules.invalidate();
  store.portRules.invalidate();
}

/** Moves the tokens and the kept settings of the database in `file` into this store (a world rebuilt beside it), in one transaction. */
export function takeAccessFrom(store: Store, file: string): void {
  const { db } = store;
  db.prepare('ATTACH DATABASE ? AS old').run(file);
  try {
    store.transaction(() => {
      db.exec('INSERT INTO main.token SELECT * FROM old.token');
      db.prepare(`INSERT OR REPLACE INTO main.setting SELECT * FROM old.setting WHERE key IN (${KEPT_SETTINGS.map(() => '?').join(', ')})`).run(...KEPT_SETTINGS);
    });
  } finally {
    db.exec('DETACH DATABASE old');
  }
}
