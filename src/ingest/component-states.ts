/**
 * Component states held across ingest batches. A busy PLC is in most batches: reading its row
 * and parsing its tags and properties again for each one was the largest read of seeding. The
 * states are valid while the database is as the last batch left it (the store version, which
 * moves on any other write, another process's commit, or a rollback); otherwise they are read
 * again. The version is read afresh (Store.versionNow) under the batch's write lock: these states
 * are written back, so a commit another process made since the run began must not be missed.
 */
import type { ComponentState } from '../store/components.js';

/** States held at most (a plant has about 100 000); past that, all are forgotten and read again. 0 holds none. */
export const MAX_HELD_STATES = 200_000;

/**
 * States a server's ingest holds at most: about 8 MB (every component of `large`, 100 000, took
 * about 80 MB). Reading them again for each batch was 6.5 % of the pipeline bench's new
 * conversations in a CPU profile (100 rules, batches of 1 000 over 5 000 devices); holding them
 * took its CPU time per flow down by about 10 % (8 198-8 289 → 9 083-9 094 flows per CPU
 * second, two pairs run side by side, load 7.5).
 */
export const LIVE_HELD_STATES = 10_000;

export interface ComponentStates {
  /**
   * A map that has the state of every component among `ids` that exists (those held, the others
   * read), and may have others. The caller changes the states' tags and properties in place, so
   * it must `forget` them if its batch fails.
   */
  get(ids: readonly string[]): ReadonlyMap<string, ComponentState>;
  /** After a batch's writes: hold the states it wrote, as of the version they made. */
  keep(states: Iterable<ComponentState & { id: string }>): void;
  /** Drops every held state (a batch that failed may have changed them). */
  forget(): void;
}

export function componentStates(
  version: () => string,
  read: (ids: readonly string[]) => Map<string, ComponentState>,
  max = MAX_HELD_STATES,
): ComponentStates {
  const held = new Map<string, ComponentState>();
  let at: string | undefined;
  const forget = (): void => {
    held.clear();
    at = undefined;
  };
  return {
    get(ids) {
      if (version() !== at) held.clear();
      let missing = ids.filter((id) => !held.has(id));
      if (held.size + missing.length > max) {
        held.clear();
        missing = [...ids];
      }
      for (const [id, state] of read(missing)) held.set(id, state);
      return held;
    },
    keep(states) {
      for (const { id, rowid, creationTime, lastActiveTime, tags, properties, deviceRowid } of states) {
        held.set(id, { rowid, creationTime, lastActiveTime, tags, properties, deviceRowid });
      }
      if (held.size > max) forget();
      else at = version();
    },
    forget,
  };
}
