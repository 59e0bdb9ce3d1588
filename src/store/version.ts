/**
 * The version of everything in the database, which caches of derived data key on: it changes
 * whenever a row is written through this connection (total_changes), and once another connection
 * has committed (data_version), e.g. the command line on the same file.
 */
import type { Db } from './db.js';

export type Version = () => string;

/**
 * Counts the commits of other connections (PRAGMA data_version, which takes a read transaction:
 * ~3 µs). Read at most once per synchronous run: one request asks several caches in one run
 * (token, licence; then page marks, JSON rows). A commit by another connection is seen from the
 * next run on.
 */
export function commitsByOthers(db: Db): () => number {
  const now = commitsByOthersNow(db);
  let seen: number | undefined;
  const forget = () => {
    seen = undefined;
  };
  return () => {
    if (seen === undefined) {
      seen = now();
      queueMicrotask(forget);
    }
    return seen;
  };
}

/** The same count, read afresh at each call. */
export function commitsByOthersNow(db: Db): () => number {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  return () => dataVersion.get() as number;
}

export function storeVersion(db: Db, others: () => number = commitsByOthers(db)): Version {
  const changes = db.prepare('SELECT total_changes()').pluck(); // a counter: no lock, ~0.1 µs
  return () => `${changes.get() as number}:${others()}`;
}

/** `load()`, computed again only when the version has changed since the last call. */
export function perVersion<T>(version: Version, load: () => T): () => T {
  let at: string | undefined;
  let value: T;
  return () => {
    const v = version();
    if (v !== at) {
      value = load();
      at = v;
    }
    return value;
  };
}
