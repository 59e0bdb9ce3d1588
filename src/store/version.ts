/**
 * The version of everything in the database, which caches of derived data key on: it changes
 * whenever a row is written through this connection (total_changes), and once another connection
 * has committed (data_version), e.g. the command line on the same file.
 */
import type { Db } from './db.js';

export type Version = () => string;

export function storeVersion(db: Db): Version {
  const changes = db.prepare('SELECT total_changes()').pluck(); // a counter: no lock, ~0.1 µs
  const dataVersion = db.prepare('PRAGMA data_version').pluck(); // a read transaction: ~3 µs
  // Another connection's commit is seen from the next synchronous run on: one request asks
  // several caches in one run (token, licence; then page marks, JSON rows), so it reads once.
  let others: number | undefined;
  const forget = () => {
    others = undefined;
  };
  return () => {
    if (others === undefined) {
      others = dataVersion.get() as number;
      queueMicrotask(forget);
    }
    return `${changes.get() as number}:${others}`;
  };
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
