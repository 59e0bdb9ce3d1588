/**
 * The Center's parameters (migration 006): a file written before it, with the global
 * credentials among the settings, has them as parameters after it, and the settings lose them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';

const dir = mkdtempSync(join(tmpdir(), 'ccv-parameters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 006', () => {
  it('moves the global credentials out of the settings into the parameters, as JSON strings', () => {
    const path = join(dir, 'before-006.db');
    const before = openDb(path);
    // The file as migration 005 left it: no parameter table (nor 007's template of sensors), the credentials as settings.
    before.exec('DROP TABLE parameter');
    before.exec('DROP TABLE sensor_template_update');
    before.exec('ALTER TABLE sensor DROP COLUMN template_id');
    before.exec("INSERT INTO setting (key, value) VALUES ('sensor.security.login', 'admin'), ('sensor.security.password', '8'), ('token_seed', 'kept')");
    before.pragma('user_version = 5');
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
