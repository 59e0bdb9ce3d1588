/**
 * The Center's parameters (migration 006): a file written before it, with the global
 * credentials among the settings, has them as parameters after it, and the settings lose them.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';

const dir = mkdtempSync(join(tmpdir(), 'ccv-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url);

describe('migration 006', () => {
  it('moves the global credentials out of the settings into the parameters, as JSON strings', () => {
    const path = join(dir, 'before-006.db');
    // The file as migration 005 left it, the credentials among the settings.
    const before = new Database(path);
    for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql') && Number.parseInt(f, 10) <= 5).sort()) before.exec(readFileSync(new URL(file, MIGRATIONS), 'utf8'));
    before.pragma('user_version = 5');
    before.exec("INSERT INTO setting (key, value) VALUES ('sensor.security.login', 'admin'), ('sensor.security.password', '8'), ('token_seed', 'kept')");
    before.close();

    const after = openDb(path);
    expect(after.prepare('SELECT key, value_json FROM parameter ORDER BY key').all()).toEqual([
      { key: 'sensor.security.login', value_json: '"admin"' },
      { key: 'sensor.security.password', value_json: '"8"' },
    ]);
    expect(after.prepare('SELECT key FROM setting ORDER BY key').pluck().all()).toEqual(['token_seed']);
    after.close();
  });
});
