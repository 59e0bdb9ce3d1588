/**
 * A database file the user named (CCV_DB, --db): its failures in the user's terms, naming the
 * path they gave. Used by the server's start, and by the seed, token and snapshot commands.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openStore, type Store } from './store/store.js';

/**
 * Refuses, in the user's terms, a database path that cannot work, before SQLite fails on it
 * naming the `.building` file beside it, or no file at all ("unable to open database file").
 */
export function checkDbPath(db: string): void {
  const fail = (why: string) => new Error(`Cannot use the database ${db}: ${why}`);
  // The folder that holds it, or the nearest one that exists (openDb creates the rest).
  let dir = dirname(resolve(db));
  while (!existsSync(dir)) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) throw fail(`${dir} is not a directory`);
  // Writing happens beside the file too: the WAL, and the world built in a file then renamed.
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw fail(`the folder ${dir} is not writable by this user`);
  }
  if (!existsSync(db)) return;
  if (statSync(db).isDirectory()) throw fail('it is a directory, not a file');
  try {
    accessSync(db, constants.R_OK | constants.W_OK);
  } catch {
    throw fail('this user cannot read and write it');
  }
}

/** Why SQLite or the file system refused the database, for the errors checkDbPath cannot see coming (e.g. as root on a read-only mount). */
export function dbError(db: string, err: unknown): unknown {
  const code = String((err as { code?: unknown }).code ?? '');
  const why =
    code === 'SQLITE_NOTADB'
      ? 'it is not a SQLite database (nothing was changed)'
      : code === 'ENOSPC' || code === 'SQLITE_FULL'
        ? 'the disk is full'
        : code === 'EROFS' || code.startsWith('SQLITE_READONLY')
          ? `it, or the folder ${dirname(db)}, is read-only`
          : code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM'
            ? `cannot create or open files in ${dirname(db)} (${err instanceof Error ? err.message : code})`
            : code.startsWith('SQLITE_IOERR')
              ? `a read or write failed (${err instanceof Error ? err.message : code})`
              : undefined;
  return why === undefined ? err : new Error(`Cannot use the database ${db}: ${why}`, { cause: err });
}

/** openStore on a file the user named, with its failures in the user's terms (also for the token and snapshot commands). */
export function openStoreFile(db: string): Store {
  checkDbPath(db);
  try {
    return openStore(db);
  } catch (err) {
    throw dbError(db, err);
  }
}
