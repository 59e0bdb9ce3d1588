/** `ccv-emulator snapshot save|restore|list|delete`: the control plane's snapshots on a file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as seed } from '../../src/cli/seed.js';
import { run } from '../../src/cli/snapshot.js';
import { openStore } from '../../src/store/store.js';

let dir: string;
let db: string;
let out: string;
let err: string;
const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } };
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccv-snapshot-'));
  db = join(dir, 'center.db');
  await seed(['--scenario', 'small', '--db', db], {}, { stdout: { write: () => 0 }, stderr: { write: () => 0 } });
  out = '';
  err = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const groupLabels = () => {
  const store = openStore(db);
  const labels = store.db.prepare('SELECT label FROM grp ORDER BY label').pluck().all();
  store.close();
  return labels;
};

describe('snapshot', () => {
  it('saves, lists, restores after a change, and deletes', async () => {
    const before = groupLabels();
    expect(await run(['save', 'clean', '--db', db], {}, io)).toBe(0);
    expect(out).toContain('Saved snapshot "clean"');
    const store = openStore(db);
    store.db.exec('DELETE FROM group_property; UPDATE component SET group_rowid = NULL; DELETE FROM grp');
    store.close();
    expect(groupLabels()).toEqual([]);
    expect(await run(['restore', 'clean', '--db', db], {}, io)).toBe(0);
    expect(groupLabels()).toEqual(before);
    expect(await run(['list', '--db', db], {}, io)).toBe(0);
    expect(out).toMatch(/^clean\t\d{4}-\d\d-\d\dT[^\t]+Z\t\d+ bytes$/m);
    expect(await run(['delete', 'clean', '--db', db], {}, io)).toBe(0);
    out = '';
    await run(['list', '--db', db], {}, io);
    expect(out).toBe('');
  });

  it('fails (1) with the control plane\'s message for an unknown or taken name', async () => {
    expect(await run(['restore', 'missing', '--db', db], {}, io)).toBe(1);
    expect(err).toMatch(/Snapshot not found: missing/);
    await run(['save', 'one', '--db', db], {}, io);
    expect(await run(['save', 'one', '--db', db], {}, io)).toBe(1);
    expect(err).toMatch(/already exists/);
  });

  it('fails (1) naming the path when the file is not a database', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    expect(await run(['list', '--db', notes], {}, io)).toBe(1);
    expect(err).toBe(`Cannot use the database ${notes}: it is not a SQLite database (nothing was changed)\n`);
  });

  it('fails (1) without a database, and never creates one', async () => {
    const missing = join(dir, 'none.db');
    expect(await run(['list', '--db', missing], {}, io)).toBe(1);
    expect(err).toMatch(/No database at/);
  });

  it.each([
    [[], /^Expected one of save, restore, list, delete$/m],
    [['frobnicate'], /^Expected one of save, restore, list, delete, not "frobnicate"$/m],
    [['save'], /^snapshot save needs a name$/m],
    [['list', 'extra'], /^Unexpected argument "extra"$/m],
    [['save', 'x', '--scenario', 'large'], /^Unknown flag --scenario$/m],
  ])('is a usage error (2) for %j: the message and where the help is, not the help', async (argv, message) => {
    expect(await run([...argv, '--db', db], {}, io)).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(3);
    expect(err).toMatch(/\nSee snapshot --help\.\n$/);
  });
});
