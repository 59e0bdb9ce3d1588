import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { commitsByOthers, commitsByOthersNow, perVersion, storeVersion } from '../../src/store/version.js';

let dir: string;
let mine: Database.Database;
let theirs: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccv-version-'));
  mine = new Database(join(dir, 'center.db'));
  mine.pragma('journal_mode = WAL');
  mine.exec('CREATE TABLE t (v INTEGER)');
  theirs = new Database(join(dir, 'center.db'));
});
afterEach(() => {
  mine.close();
  theirs.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('storeVersion', () => {
  it('stays the same while nothing is written', async () => {
    const version = storeVersion(mine);
    const v0 = version();
    mine.prepare('SELECT count(*) FROM t').get();
    await Promise.resolve();
    expect(version()).toBe(v0);
  });

  it('changes at once after a write through this connection', () => {
    const version = storeVersion(mine);
    const v0 = version();
    mine.prepare('INSERT INTO t VALUES (1)').run();
    expect(version()).not.toBe(v0);
  });

  it('sees a commit by another connection once the synchronous run that asked has ended', async () => {
    const version = storeVersion(mine);
    const v0 = version();
    theirs.prepare('INSERT INTO t VALUES (1)').run();
    await Promise.resolve();
    expect(version()).not.toBe(v0);
  });
});

describe('commitsByOthers', () => {
  it('is read once per synchronous run; the Now variant at each call', () => {
    const once = commitsByOthers(mine);
    const now = commitsByOthersNow(mine);
    const [a, b] = [once(), now()];
    theirs.prepare('INSERT INTO t VALUES (1)').run();
    expect(once()).toBe(a);
    expect(now()).not.toBe(b);
  });
});

describe('perVersion', () => {
  it('loads again only when the version has changed', async () => {
    let loads = 0;
    const count = perVersion(storeVersion(mine), () => {
      loads++;
      return mine.prepare('SELECT count(*) FROM t').pluck().get() as number;
    });
    expect([count(), count()]).toEqual([0, 0]);
    expect(loads).toBe(1);
    theirs.prepare('INSERT INTO t VALUES (1)').run();
    await Promise.resolve();
    expect(count()).toBe(1);
    mine.prepare('INSERT INTO t VALUES (2)').run();
    expect(count()).toBe(2);
  });
});

describe('store.version', () => {
  it('moves on after a rolled-back transaction, so that nothing cached inside it outlives it', () => {
    const store = openStore(':memory:');
    try {
      expect(store.settings.apiLicensed()).toBe(true);
      expect(() =>
        store.transaction(() => {
          store.settings.set('license.api', 'false');
          expect(store.settings.apiLicensed()).toBe(false); // cached inside the transaction
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      expect(store.settings.apiLicensed()).toBe(true);
    } finally {
      store.close();
    }
  });
});
