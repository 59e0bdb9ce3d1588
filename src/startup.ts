/**
 * Opens (or builds) the Center a server will serve: the store, its world, the admin key and the
 * default API token. Used by the server and the command line; knows nothing of HTTP.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { Clock } from './clock.js';
import { checkDbPath, dbError } from './db-file.js';
import type { Micros } from './domain/time.js';
import { loadProfile } from './seed/profile.js';
import { WORLD_VERSION, buildWorld, isCurrentWorld, type WorldSummary } from './seed/world.js';
import { useJournal, withoutJournal } from './store/db.js';
import { openStore, type Store } from './store/store.js';
import { takeAccessFrom } from './store/world-copy.js';

export interface CenterOptions {
  db: string;
  scenario: string;
  seed?: number;
  /** Pins the end of the seeded history (CCV_NOW). */
  now?: Micros;
  token?: string;
  adminKey?: string;
  reset: boolean;
  clock: Clock;
  onProgress?: (done: number, total: number) => void;
  /** Told, before it starts, that a world of an earlier version is rebuilt, and why. */
  onRebuild?: (why: string) => void;
}

export interface Center {
  store: Store;
  adminKey: string;
  /** The token to show the user: CCV_TOKEN, or the default one while it still works. */
  token: string | undefined;
  /** Set when this start built the world. */
  built?: WorldSummary & { seconds: number };
}


/** The default token is derived from a secret kept in the DB, so every start can show it. */
function defaultToken(seed: string): string {
  const part = (label: string) => createHmac('sha256', seed).update(label).digest('hex').slice(0, 40);
  return `ics-${part('default-token-1')}-${part('default-token-2')}`;
}

function seedInto(store: Store, opts: WorldFileOptions): WorldSummary & { seconds: number } {
  const started = process.hrtime.bigint();
  const profile = loadProfile(opts.scenario);
  if (opts.seed !== undefined) profile.seed = opts.seed;
  const end = opts.now ?? (profile.now ? Date.parse(profile.now) * 1000 : opts.clock.now());
  const summary = buildWorld(store, { profile, end, onProgress: opts.onProgress });
  return { ...summary, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

export type WorldFileOptions = Pick<CenterOptions, 'scenario' | 'seed' | 'now' | 'clock' | 'onProgress'>;

/**
 * Builds a world into a new file at `path` and returns it open; the file is removed again if
 * the build fails. It needs no journal while it is built (no batch is ever rolled back into a
 * world that is kept: a failed build is thrown away whole).
 */
export function buildWorldFile(path: string, opts: WorldFileOptions): { store: Store; built: WorldSummary & { seconds: number } } {
  removeDbFiles(path);
  const store = openStore(path);
  try {
    withoutJournal(store.db);
    return { store, built: seedInto(store, opts) };
  } catch (err) {
    store.close();
    removeDbFiles(path);
    throw err;
  }
}

/**
 * A file DB is built beside the target and renamed over it, so that a failed or interrupted
 * build leaves the previous world whole. Tokens and the kept settings move to the new file.
 */
function rebuildFile(opts: CenterOptions): WorldSummary & { seconds: number } {
  const next = `${opts.db}.building`;
  const { store: fresh, built } = buildWorldFile(next, opts);
  try {
    if (existsSync(opts.db)) takeAccessFrom(fresh, opts.db);
    useJournal(fresh.db);
  } catch (err) {
    // The previous world stays as it was, and no half-made file is left beside it.
    fresh.close();
    removeDbFiles(next);
    throw err;
  }
  fresh.close();
  // The old file was closed cleanly (its WAL is empty); the rename replaces it atomically.
  for (const suffix of ['-wal', '-shm']) rmSync(opts.db + suffix, { force: true });
  renameSync(next, opts.db);
  return built;
}

export function openCenter(opts: CenterOptions): Center {
  let built: Center['built'];
  let store: Store;
  if (opts.db === ':memory:') {
    store = openStore(':memory:');
    built = seedInto(store, opts);
  } else {
    checkDbPath(opts.db);
    try {
      const existing = existsSync(opts.db) ? openStore(opts.db) : undefined;
      if (existing && !opts.reset && existing.isSeeded() && isCurrentWorld(existing)) {
        store = existing;
      } else {
        let rebuild: CenterOptions = opts;
        if (existing && !opts.reset && existing.isSeeded()) {
          // An earlier version's world lacks what this one serves (API 3.0's devices, presets…):
          // it is built again from its own scenario and seed, as a reset would, tokens and the
          // admin key kept.
          const scenario = existing.settings.get('world.scenario') ?? opts.scenario;
          const seed = existing.settings.get('world.seed');
          rebuild = { ...opts, scenario, ...(seed === undefined ? {} : { seed: Number(seed) }) };
          opts.onRebuild?.(
            `${opts.db} holds a world built by an earlier version of the emulator (world version ${existing.settings.get('world.version') ?? 1}, this one builds ${WORLD_VERSION}): ` +
              `rebuilding it from scenario "${scenario}"; tokens and the admin key are kept, changes made to the world through the API are not.`,
          );
        }
        existing?.close();
        built = rebuildFile(rebuild);
        store = openStore(opts.db);
      }
    } catch (err) {
      throw dbError(opts.db, err);
    }
  }

  const settings = store.settings;
  const adminKey = opts.adminKey ?? settings.get('admin_key') ?? randomBytes(24).toString('hex');
  if (!opts.adminKey && settings.get('admin_key') === undefined) settings.set('admin_key', adminKey);

  let seed = settings.get('token_seed');
  let token: string | undefined;
  if (seed === undefined) {
    seed = randomBytes(32).toString('hex');
    settings.set('token_seed', seed);
    store.tokens.create({ id: randomUUID(), name: 'default', token: defaultToken(seed), now: opts.clock.now() });
  }
  const derived = defaultToken(seed);
  if (store.tokens.check(derived, opts.clock.now()).ok) token = derived;
  if (opts.token !== undefined) {
    if (!store.tokens.exists(opts.token)) {
      // The variable pins the token: a token named CCV_TOKEN whose secret has changed since (a
      // refresh, another value of the variable) takes the variable's secret again, keeping its
      // id, state and expiry. A second token of that name would make the name ambiguous.
      const [pinned] = store.tokens.withName('CCV_TOKEN');
      if (pinned) store.tokens.refresh(pinned.id, opts.token);
      else store.tokens.create({ id: randomUUID(), name: 'CCV_TOKEN', token: opts.token, now: opts.clock.now() });
    }
    token = opts.token;
  }
  return { store, adminKey, token, built };
}
