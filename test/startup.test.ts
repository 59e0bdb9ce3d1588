import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../src/clock.js';
import { buildWorldFile, openCenter, type CenterOptions } from '../src/startup.js';
import { TOKEN_RE } from '../src/store/tokens.js';

const dir = mkdtempSync(join(tmpdir(), 'ccv-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (db: string, over: Partial<CenterOptions> = {}): CenterOptions => ({
  db,
  scenario: 'small',
  reset: false,
  clock: new FixedClock(Date.UTC(2026, 0, 20) * 1000),
  ...over,
});

describe('openCenter', () => {
  it('builds the world on first start, with a default token and an admin key', () => {
    const c = openCenter(options(join(dir, 'a.db')));
    expect(c.built?.scenario).toBe('small');
    expect(c.token).toMatch(TOKEN_RE);
    expect(c.store.tokens.check(c.token, Date.UTC(2026, 0, 20) * 1000).ok).toBe(true);
    expect(c.adminKey).toMatch(/^[0-9a-f]{48}$/);
    // Served in WAL (the build ran without a journal: see buildWorldFile below).
    expect(c.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    c.store.close();
  });

  it('reuses the database, the token and the admin key on a second start', () => {
    const db = join(dir, 'b.db');
    const first = openCenter(options(db));
    const flows = first.store.db.prepare('SELECT count(*) FROM flow').pluck().get();
    first.store.close();
    const second = openCenter(options(db));
    expect(second.built).toBeUndefined();
    expect(second.token).toBe(first.token);
    expect(second.adminKey).toBe(first.adminKey);
    expect(second.store.db.prepare('SELECT count(*) FROM flow').pluck().get()).toBe(flows);
    second.store.close();
  });

  it('rebuilds a world of an earlier version from its own scenario and seed, keeping tokens and the admin key, and says why first', () => {
    const db = join(dir, 'b2.db');
    // A world of the 1.0-only version: no world.version, none of API 3.0's objects.
    const first = openCenter(options(db, { scenario: 'small', seed: 11 }));
    const devices = first.store.devices.count();
    const components = first.store.db.prepare('SELECT count(*) FROM component').pluck().get();
    first.store.db.exec(`UPDATE component SET device_rowid = NULL; DELETE FROM device; DELETE FROM preset;
      DELETE FROM setting WHERE key IN ('world.version', 'center.id')`);
    first.store.close();
    const told: string[] = [];
    // Started with another scenario: the world is rebuilt as it was (small, seed 11), not as asked.
    const second = openCenter(options(db, { scenario: 'default', onRebuild: (why) => told.push(why) }));
    expect(told).toEqual([expect.stringMatching(new RegExp(`^${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} holds a world built by an earlier version.*scenario "small".*tokens and the admin key are kept`))]);
    expect(second.built).toMatchObject({ scenario: 'small', seed: 11 });
    expect(second.store.db.prepare('SELECT count(*) FROM component').pluck().get()).toBe(components);
    expect(second.store.devices.count()).toBe(devices);
    expect(second.store.presets.list().length).toBeGreaterThan(0);
    expect(second.token).toBe(first.token);
    expect(second.adminKey).toBe(first.adminKey);
    second.store.close();
    const third = openCenter(options(db, { onRebuild: (why) => told.push(why) }));
    expect(third.built).toBeUndefined();
    expect(told).toHaveLength(1);
    third.store.close();
  });

  it('creates CCV_TOKEN once and shows it', () => {
    const db = join(dir, 'c.db');
    const token = `ics-${'a'.repeat(40)}-${'b'.repeat(40)}`;
    const first = openCenter(options(db, { token }));
    expect(first.token).toBe(token);
    first.store.close();
    const second = openCenter(options(db, { token }));
    expect(second.store.tokens.list().filter((t) => t.name === 'CCV_TOKEN')).toHaveLength(1);
    second.store.close();
  });

  it('gives its secret back to the CCV_TOKEN token after a refresh or a new value, never a second token of that name', () => {
    const db = join(dir, 'c2.db');
    const now = Date.UTC(2026, 0, 20) * 1000;
    const a = `ics-${'a'.repeat(40)}-${'b'.repeat(40)}`;
    const b = `ics-${'c'.repeat(40)}-${'d'.repeat(40)}`;
    const first = openCenter(options(db, { token: a }));
    const [pinned] = first.store.tokens.withName('CCV_TOKEN');
    first.store.tokens.refresh(pinned?.id as string); // through the API or the token page
    expect(first.store.tokens.check(a, now).ok).toBe(false);
    first.store.close();

    const second = openCenter(options(db, { token: a }));
    expect(second.store.tokens.withName('CCV_TOKEN').map((t) => t.id)).toEqual([pinned?.id]);
    expect(second.store.tokens.check(a, now).ok).toBe(true);
    second.store.close();

    const third = openCenter(options(db, { token: b }));
    expect(third.store.tokens.withName('CCV_TOKEN').map((t) => t.id)).toEqual([pinned?.id]);
    expect([third.store.tokens.check(b, now).ok, third.store.tokens.check(a, now).ok]).toEqual([true, false]);
    third.store.close();
  });

  it('takes CCV_ADMIN_KEY over the stored key', () => {
    const c = openCenter(options(join(dir, 'd.db'), { adminKey: 'from-the-environment' }));
    expect(c.adminKey).toBe('from-the-environment');
    c.store.close();
  });

  it('rebuilds on --reset, keeping the tokens and the admin key', () => {
    const db = join(dir, 'e.db');
    const first = openCenter(options(db));
    first.store.db.prepare("DELETE FROM flow_prop").run();
    first.store.close();
    const again = openCenter(options(db, { reset: true, seed: 99 }));
    expect(again.built?.seed).toBe(99);
    expect(again.token).toBe(first.token);
    expect(again.adminKey).toBe(first.adminKey);
    expect(again.store.db.prepare('SELECT count(*) FROM flow_prop').pluck().get()).toBeGreaterThan(0);
    again.store.close();
  });

  it('leaves the previous world whole when a rebuild fails', () => {
    const db = join(dir, 'f.db');
    const first = openCenter(options(db));
    const components = first.store.db.prepare('SELECT count(*) FROM component').pluck().get();
    first.store.close();
    expect(() => openCenter(options(db, { reset: true, scenario: 'no-such-scenario' }))).toThrow(/no-such-scenario/);
    const after = openCenter(options(db));
    expect(after.built).toBeUndefined();
    expect(after.store.db.prepare('SELECT count(*) FROM component').pluck().get()).toBe(components);
    after.store.close();
  });

  it('leaves the previous world whole, and no build file, when its tokens cannot be copied', () => {
    const db = join(dir, 'g.db');
    const first = openCenter(options(db));
    const components = first.store.db.prepare('SELECT count(*) FROM component').pluck().get();
    // A token table the new file's cannot take row for row.
    first.store.db.exec('ALTER TABLE token ADD COLUMN extra TEXT');
    first.store.close();
    expect(() => openCenter(options(db, { reset: true }))).toThrow(/columns/);
    expect(existsSync(`${db}.building`)).toBe(false);
    const after = openCenter(options(db));
    expect(after.built).toBeUndefined();
    expect(after.token).toBe(first.token);
    expect(after.store.db.prepare('SELECT count(*) FROM component').pluck().get()).toBe(components);
    after.store.close();
  });

  describe('a database path that cannot be used', () => {
    it.each([
      ['a path under a file', (d: string) => (writeFileSync(join(d, 'file'), 'x'), join(d, 'file', 'center.db')), (d: string) => `${join(d, 'file')} is not a directory`],
      ['a directory', (d: string) => (mkdirSync(join(d, 'dir')), join(d, 'dir')), () => 'it is a directory, not a file'],
      ['a file that is not SQLite', (d: string) => (writeFileSync(join(d, 'notes.txt'), 'my notes\n'), join(d, 'notes.txt')), () => 'it is not a SQLite database (nothing was changed)'],
    ])('names the path the user gave: %s', (_, make, why) => {
      const d = mkdtempSync(join(dir, 'bad-'));
      const db = make(d);
      expect(() => openCenter(options(db))).toThrow(`Cannot use the database ${db}: ${why(d)}`);
      expect(existsSync(`${db}.building`)).toBe(false);
      if (db.endsWith('notes.txt')) expect(readFileSync(db, 'utf8')).toBe('my notes\n');
    });

    it('names the path the user gave in a folder this user cannot write', () => {
      const d = mkdtempSync(join(dir, 'ro-'));
      for (const open of [dir, d]) chmodSync(open, 0o755);
      const ro = join(d, 'ro');
      mkdirSync(ro, { mode: 0o555 });
      chmodSync(ro, 0o555);
      const db = join(ro, 'center.db');
      const expected = `Cannot use the database ${db}: the folder ${ro} is not writable by this user`;
      if (process.getuid?.() === 0) {
        // root writes anywhere: the command line runs as nobody, as a user without rights would.
        const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'seed', '--db', db, '--scenario', 'small'], { uid: 65534, gid: 65534, encoding: 'utf8' });
        expect({ status: cli.status, stderr: cli.stderr }).toEqual({ status: 1, stderr: `${expected}\n` });
      } else {
        expect(() => openCenter(options(db))).toThrow(expected);
      }
      expect(existsSync(db)).toBe(false);
    });
  });

  it('keeps nothing with :memory:', () => {
    const c = openCenter(options(':memory:'));
    expect(c.built).toBeDefined();
    c.store.close();
  });
});

describe('buildWorldFile', () => {
  it('builds without a journal: no WAL file, every page written once', () => {
    const path = join(dir, 'build.db');
    const { store, built } = buildWorldFile(path, { scenario: 'small', clock: new FixedClock(Date.UTC(2026, 0, 20) * 1000) });
    expect(built.observations).toBeGreaterThan(0);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('off');
    expect(existsSync(`${path}-wal`)).toBe(false);
    store.close();
  });
});
