import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_CACHE_KIB, SERVING_CACHE_KIB, openDb, withoutJournal } from '../../src/store/db.js';

const dir = mkdtempSync(join(tmpdir(), 'ccv-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDb', () => {
  it('opens a file in WAL mode, with the serving page cache', () => {
    const db = openDb(join(dir, 'wal.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('cache_size', { simple: true })).toBe(-SERVING_CACHE_KIB);
    db.close();
  });

  it('applies every migration: their numbers are distinct and follow on (a second 004 would be skipped)', () => {
    const numbers = readdirSync(new URL('../../src/store/migrations/', import.meta.url))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => Number.parseInt(f, 10))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const db = openDb(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(numbers.length);
    db.close();
  });
});

describe('withoutJournal', () => {
  it('turns the journal off for real (defensive mode would ignore the pragma) and writes no WAL', () => {
    const path = join(dir, 'off.db');
    const db = openDb(path);
    withoutJournal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('off');
    expect(db.pragma('synchronous', { simple: true })).toBe(0);
    expect(db.pragma('cache_size', { simple: true })).toBe(-BUILD_CACHE_KIB);
    db.exec("INSERT INTO setting (key, value) VALUES ('k', 'v')");
    expect(existsSync(`${path}-wal`)).toBe(false);
    // Defensive mode is back on afterwards: only this pragma was let through.
    db.pragma('journal_mode = WAL');
    expect(db.pragma('journal_mode = OFF', { simple: true })).toBe('wal');
    db.close();
  });
});
