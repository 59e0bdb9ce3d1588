/**
 * The 1.0 JSON of components, flows and events, kept per row so that a list page is a join of
 * strings (TOOLCHAIN: turning 100 rows into objects and JSON caps a page near 800 req/s).
 * Never stale: every entry belongs to one store version (src/store/store.ts `version`), and any
 * write anywhere — through this process or another one — drops them all.
 */
import type { Store } from '../../store/store.js';

export type WireKind = 'component' | 'flow' | 'event';

export class WireCache {
  private version = '';
  private readonly entries = new Map<string, string>();

  constructor(
    private readonly store: Store,
    /** Entries held at most; the oldest go first. */
    private readonly max = 60_000,
  ) {}

  /**
   * The JSON array of the given rows, in order: rows already held are reused, the others are
   * fetched (one query) and serialized.
   */
  page<T>(kind: WireKind, rowids: readonly number[], fetch: (rowids: number[]) => T[], serialize: (value: T) => unknown): string {
    this.check();
    const parts: (string | undefined)[] = rowids.map((r) => this.entries.get(`${kind}:${r}`));
    const missing = rowids.filter((_, i) => parts[i] === undefined);
    if (missing.length > 0) {
      const values = fetch(missing);
      let next = 0;
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] !== undefined) continue;
        const value = values[next++];
        const json = JSON.stringify(value === undefined ? null : serialize(value));
        parts[i] = json;
        this.set(`${kind}:${rowids[i]}`, json);
      }
    }
    return `[${parts.join(',')}]`;
  }

  /** The JSON of one row. */
  one<T>(kind: WireKind, rowid: number, fetch: (rowids: number[]) => T[], serialize: (value: T) => unknown): string {
    const array = this.page(kind, [rowid], fetch, serialize);
    return array.slice(1, -1);
  }

  private check(): void {
    const version = this.store.version();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
  }

  private set(key: string, json: string): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, json);
  }
}
