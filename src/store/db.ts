/**
 * Opens the SQLite file: WAL, foreign keys, and the plain SQL migrations in ./migrations
 * applied in order (PRAGMA user_version records how far a file has come).
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

/** The page cache of a served database, and of one being built (a bulk load wants more). */
export const SERVING_CACHE_KIB = 32 * 1024;
export const BUILD_CACHE_KIB = 64 * 1024;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // A checkpoint every 20 000 WAL pages (80 MiB) rather than SQLite's 1 000: live ingest commits
  // a batch at a time, and each checkpoint copied the same hot index pages back again (100 rules,
  // new conversations: about +10 %, known ones +10 %; docs/performance.md). The WAL is emptied
  // when the store closes.
  db.pragma('wal_autocheckpoint = 20000');
  // 32 MiB of page cache: the file is in the OS's cache anyway, and each MiB here is a MiB of the
  // server's RSS (64 MiB made the `large` bench peak at 288 MB against 257; docs/performance.md).
  db.pragma(`cache_size = -${SERVING_CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort();
  for (const file of files) {
    const version = Number.parseInt(file, 10);
    if (version <= current) continue;
    const sql = readFileSync(MIGRATIONS_DIR + file, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

/**
 * For a file that is thrown away whole if its build fails: no rollback journal (each page is
 * written once, instead of to the WAL and then again to the file), no syncs, a larger cache.
 * better-sqlite3 opens databases in SQLite's defensive mode, which ignores `journal_mode = OFF`
 * without an error (the pragma answers the mode unchanged), so it is lifted for that pragma.
 */
export function withoutJournal(db: Db): void {
  db.unsafeMode(true);
  try {
    const mode = db.pragma('journal_mode = OFF', { simple: true });
    if (mode !== 'off') throw new Error(`journal_mode stayed ${String(mode)}`);
  } finally {
    db.unsafeMode(false);
  }
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
  // The index builds at the end sort on disk rather than in memory (the seeding peak RSS).
  db.pragma('temp_store = FILE');
}

/** A built file made ready to serve: the WAL journal every served database has (openStore). */
export function useJournal(db: Db): void {
  db.pragma('journal_mode = WAL');
}

/**
 * Runs a bulk load with the secondary indexes of `tables` dropped, then builds them again:
 * building an index once over sorted data is far cheaper than maintaining it row by row.
 * Unique indexes stay (ingest looks rows up by id while it loads).
 */
export function withDeferredIndexes<T>(db: Db, tables: readonly string[], load: () => T): T {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
       AND tbl_name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  try {
    return load();
  } finally {
    for (const i of indexes) db.exec(i.sql);
  }
}
