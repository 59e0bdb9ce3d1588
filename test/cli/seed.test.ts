/** `ccv-emulator seed`: builds a world into a file without serving it. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/seed.js';
import { openStore } from '../../src/store/store.js';

let dir: string;
let out: string;
let err: string;
const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccv-seed-'));
  out = '';
  err = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('seed', () => {
  it('builds the scenario into the file, with the given seed, and says what it built', async () => {
    const db = join(dir, 'world.db');
    expect(await run(['--scenario', 'small', '--db', db, '--seed', '5', '--now', '2026-01-01T00:00:00Z'], {}, io)).toBe(0);
    expect(out).toMatch(/world\.db: scenario "small", seed 5, \d+ components, \d+ flows, \d+ events/);
    expect(err).toMatch(/seeded "small" in/);
    const store = openStore(db);
    expect(store.settings.get('world.seed')).toBe('5');
    expect(store.settings.get('world.end')).toBe(String(Date.UTC(2026, 0, 1) * 1000));
    store.close();
  });

  it('writes its counts with thousands separators', async () => {
    const db = join(dir, 'world.db');
    expect(await run(['--scenario', 'default', '--db', db, '--now', '2026-01-01T00:00:00Z'], {}, io)).toBe(0);
    expect(out).toMatch(/world\.db: scenario "default", seed \d+, \d+ components, \d{1,3},\d{3} flows, \d{1,3},\d{3} events\n$/);
  });

  it('keeps the tokens of an existing file', async () => {
    const db = join(dir, 'world.db');
    await run(['--scenario', 'small', '--db', db], {}, io);
    let store = openStore(db);
    const before = store.tokens.list().map((t) => t.id);
    store.close();
    expect(await run(['--scenario=small', `--db=${db}`, '--seed', '9'], {}, io)).toBe(0);
    store = openStore(db);
    expect(store.tokens.list().map((t) => t.id)).toEqual(before);
    expect(store.settings.get('world.seed')).toBe('9');
    store.close();
  });

  it('reads CCV_DB and CCV_SCENARIO', async () => {
    const db = join(dir, 'env.db');
    expect(await run([], { CCV_DB: db, CCV_SCENARIO: 'small' }, io)).toBe(0);
    expect(out).toContain('scenario "small"');
  });

  it.each([
    [['--host', '0.0.0.0'], /Unknown flag --host/],
    [['extra'], /Unexpected argument "extra"/],
    [['--db', ':memory:'], /seed writes a file/],
    [['--seed', 'x'], /--seed/],
    [['--db'], /--db needs a value/],
    [['--scenario', 'nope'], /^Invalid --scenario \(CCV_SCENARIO\) = "nope": must be one of the scenarios in seeds\/: default, large, small$/m],
  ])('is a usage error (2) for %j: the message and where the help is, not the help', async (argv, message) => {
    expect(await run(argv, {}, io)).toBe(2);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(3);
    expect(err).toMatch(/\nSee seed --help\.\n$/);
  });

  it('is a usage error (2) for an unknown CCV_SCENARIO, and builds nothing', async () => {
    const db = join(dir, 'x.db');
    expect(await run(['--db', db], { CCV_SCENARIO: 'nope' }, io)).toBe(2);
    expect(err).toMatch(/^Invalid CCV_SCENARIO \(--scenario\) = "nope"/);
    expect(existsSync(db)).toBe(false);
  });

  it('prints its help', async () => {
    expect(await run(['--help'], {}, io)).toBe(0);
    expect(out).toMatch(/Usage: ccv-emulator seed[\s\S]*--scenario/);
  });
});
