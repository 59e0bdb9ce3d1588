/**
 * Putting the Center in a known state (control plane): rebuild the world from a scenario, or
 * save it under a name and bring it back. Both replace the world in one transaction, from a
 * file (src/store/world-copy.ts): restoring is a copy, not a re-seed. Tokens, the admin key
 * and the licence are not part of the world and stay as they are. Used by the HTTP routes and
 * the command line alike.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Clock } from '../clock.js';
import type { Micros } from '../domain/time.js';
import { ApiError, errors } from '../errors.js';
import { listProfiles } from '../seed/profile.js';
import { buildWorldFile, removeDbFiles } from '../startup.js';
import type { Store } from '../store/store.js';
import { replaceWorld, saveWorld } from '../store/world-copy.js';

export const SNAPSHOT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface SnapshotInfo {
  name: string;
  /** When it was saved, by the emulator's clock. */
  createdAt: Micros;
  sizeBytes: number;
}

export interface ResetResult {
  scenario: string;
  seed: number;
  seconds: number;
}

/** Where the snapshots of a store live: beside its file, or in a temporary directory for `:memory:`. */
export function snapshotDir(store: Store): string {
  return store.path === ':memory:' ? mkdtempSync(join(tmpdir(), 'ccv-snapshots-')) : join(dirname(store.path), 'snapshots');
}

export function createWorldControl(store: Store, clock: Clock, givenDir?: string) {
  // Made on first use: a `:memory:` store's temporary directory exists only once something needs it.
  let made: string | undefined = givenDir;
  const dirOf = (): string => (made ??= snapshotDir(store));
  const fileOf = (name: string): string => {
    if (!SNAPSHOT_NAME_RE.test(name)) throw errors.badSnapshotName(name);
    return join(dirOf(), `${name}.db`);
  };
  const existing = (name: string): string => {
    const file = fileOf(name);
    if (!existsSync(file)) throw errors.notFound('Snapshot', name);
    return file;
  };
  // The emulator's time of each save (a file's mtime is the real time).
  const savedAt = new Map<string, Micros>();

  return {
    /** Rebuilds the world from a scenario (default: the current one) and a seed (default: the scenario's). */
    reset(opts: { scenario?: string; seed?: number } = {}): ResetResult {
      const scenario = opts.scenario ?? store.settings.get('world.scenario') ?? 'default';
      if (!listProfiles().includes(scenario)) throw errors.unknownScenario(scenario, listProfiles());
      mkdirSync(dirOf(), { recursive: true });
      const file = join(dirOf(), `.reset-${process.pid}.db`);
      const { store: fresh, built } = buildWorldFile(file, { scenario, ...(opts.seed === undefined ? {} : { seed: opts.seed }), clock });
      fresh.close();
      try {
        replaceWorld(store, file);
      } finally {
        removeDbFiles(file);
      }
      return { scenario: built.scenario, seed: built.seed, seconds: built.seconds };
    },

    list(): SnapshotInfo[] {
      if (made === undefined && store.path === ':memory:') return [];
      const dir = dirOf();
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith('.db') && SNAPSHOT_NAME_RE.test(f.slice(0, -3)))
        .map((f) => {
          const name = f.slice(0, -3);
          const stat = statSync(join(dir, f));
          return { name, createdAt: savedAt.get(name) ?? Math.round(stat.mtimeMs * 1000), sizeBytes: stat.size };
        })
        .sort((a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : 1));
    },

    /** Saves the whole state under a new name (409 when the name is taken). */
    save(name: string): SnapshotInfo {
      const file = fileOf(name);
      if (existsSync(file)) throw errors.snapshotTaken(name);
      mkdirSync(dirOf(), { recursive: true });
      saveWorld(store, file);
      savedAt.set(name, clock.now());
      return this.list().find((s) => s.name === name) as SnapshotInfo;
    },

    /** Brings a saved world back, in one transaction. */
    restore(name: string): SnapshotInfo {
      const file = existing(name);
      try {
        replaceWorld(store, file);
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw errors.badSnapshot(name, (err as Error).message);
      }
      return this.list().find((s) => s.name === name) as SnapshotInfo;
    },

    delete(name: string): void {
      removeDbFiles(existing(name));
      savedAt.delete(name);
    },

    /** Removes the directory when it was a temporary one (a `:memory:` store's). */
    close(): void {
      if (store.path === ':memory:' && made !== undefined && givenDir === undefined) rmSync(made, { recursive: true, force: true });
    },
  };
}

export type WorldControl = ReturnType<typeof createWorldControl>;
