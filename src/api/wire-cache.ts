/**
 * The JSON of rows as a surface answers them (1.0 components, flows and events…), kept per row
 * as UTF-8 bytes so that a list page is one copy (TOOLCHAIN: turning 100 rows into objects and
 * JSON caps a page near 800 req/s).
 * Never stale: every entry belongs to one store version (src/store/version.ts), and any
 * write anywhere — through this process or another one — drops them all.
 */
import type { Store } from '../store/store.js';

/** What the rows are and which surface shapes them, e.g. `component` (1.0) or `v3-device`: one JSON per row and kind. */
export type WireKind = string;

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** A row's JSON; a row the fetch did not find (deleted meanwhile) is null. */
function encode<T>(value: T | undefined, serialize: (value: T) => unknown): string {
  return JSON.stringify(value === undefined ? null : serialize(value));
}

export class WireCache {
  private version = '';
  /**
   * Per kind, by rowid: the UTF-8 bytes of the row's JSON (a page is then one copy, not an
   * encoding). A row may be a view of the page it was first read in, and what `page` and `one`
   * answer may be these very bytes: nothing writes into them.
   */
  private readonly entries = new Map<WireKind, Map<number, Buffer>>();
  private size = 0;

  constructor(
    private readonly store: Store,
    /** Entries held at most; when full, the oldest go first (of the kind being read, if it has any). */
    private readonly max = 60_000,
  ) {}

  /**
   * The JSON array of the given rows, in order: rows already held are reused, the others are
   * fetched (one query) and serialized.
   */
  page<T>(kind: WireKind, rowids: readonly number[], fetch: (rowids: number[]) => T[], serialize: (value: T) => unknown): Buffer {
    const held = this.held(kind);
    const parts: (Buffer | undefined)[] = rowids.map((r) => held.get(r));
    const missing = rowids.filter((_, i) => parts[i] === undefined);
    if (rowids.length > 0 && missing.length === rowids.length) return this.fresh(held, missing, fetch(missing), serialize);
    if (missing.length > 0) {
      const values = fetch(missing);
      let next = 0;
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] !== undefined) continue;
        const json = Buffer.from(encode(values[next++], serialize));
        parts[i] = json;
        this.set(held, rowids[i] as number, json);
      }
    }
    const list: Buffer[] = [OPEN];
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) list.push(COMMA);
      list.push(parts[i] as Buffer);
    }
    list.push(CLOSE);
    return Buffer.concat(list);
  }

  /**
   * A page none of whose rows is held (a client walking the list): its JSON encoded once, each
   * row then held as a view of those bytes, rather than encoded row by row and copied together
   * (issue 17: a hundred allocations and a concatenation less a page of 100; server CPU per page
   * of 100 1.0 components read for the first time 3.54 → 3.38 ms on `large`).
   */
  private fresh<T>(held: Map<number, Buffer>, rowids: readonly number[], values: T[], serialize: (value: T) => unknown): Buffer {
    const texts = rowids.map((_, i) => encode(values[i], serialize));
    const page = Buffer.from(`[${texts.join(',')}]`);
    let at = 1;
    texts.forEach((text, i) => {
      const end = at + Buffer.byteLength(text);
      this.set(held, rowids[i] as number, page.subarray(at, end));
      at = end + 1;
    });
    return page;
  }

  /** The JSON of one row. */
  one<T>(kind: WireKind, rowid: number, fetch: (rowids: number[]) => T[], serialize: (value: T) => unknown): Buffer {
    const array = this.page(kind, [rowid], fetch, serialize);
    return array.subarray(1, -1);
  }

  /** The rows held for this kind, once any write since the last read has emptied them all. */
  private held(kind: WireKind): Map<number, Buffer> {
    const version = this.store.version();
    if (version !== this.version) {
      this.entries.clear();
      this.size = 0;
      this.version = version;
    }
    let held = this.entries.get(kind);
    if (!held) this.entries.set(kind, (held = new Map()));
    return held;
  }

  private set(held: Map<number, Buffer>, rowid: number, json: Buffer): void {
    if (this.size >= this.max && !held.has(rowid)) {
      for (const kind of [held, ...this.entries.values()]) {
        const oldest = kind.keys().next();
        if (oldest.done) continue;
        kind.delete(oldest.value);
        this.size--;
        break;
      }
    }
    if (!held.has(rowid)) this.size++;
    held.set(rowid, json);
  }
}
