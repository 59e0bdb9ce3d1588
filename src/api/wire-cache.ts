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
/**
 * Rows fetched and serialized at a time: a page of 2 000 is made 100 rows after another, so that
 * each hundred's objects die young instead of all living until the page is done (issue 17: the
 * server's peak RSS under pages of 2 000).
 */
const CHUNK = 100;

/** A row's JSON; a row the fetch did not find (deleted meanwhile) is null. */
function encode<T>(value: T | undefined, serialize: (value: T) => unknown): string {
  return JSON.stringify(value === undefined ? null : serialize(value));
}

export class WireCache {
  private version = '';
  /**
   * Per kind, by rowid: the UTF-8 bytes of the row's JSON (a page is then one copy, not an
   * encoding). A row may be a view of the bytes of the page or hundred rows it was first read
   * in, and what `page` and `one` answer may be those very bytes: nothing writes into them.
   */
  private readonly entries = new Map<WireKind, Map<number, Buffer>>();
  /** The JSON bytes of the rows held (a row held as a view counts its own; the Maps' own cost is not counted). */
  private bytes = 0;

  constructor(
    private readonly store: Store,
    /**
     * Bytes held at most; when full, the oldest rows go first (of the kind being read, if it has
     * any). The warm path needs a page per client; a client walking a list reads each row once,
     * so holding more only raises the server's RSS (issue 17: 60 000 rows, about 30 MB, pushed
     * a run of the distinct-page workloads on `large` past 300 MB).
     */
    private readonly maxBytes = 8 * 1024 * 1024,
  ) {}

  /**
   * The JSON array of the given rows, in order: rows already held are reused, the others are
   * fetched (one query a chunk) and serialized.
   */
  page<T>(kind: WireKind, rowids: readonly number[], fetch: (rowids: number[]) => T[], serialize: (value: T) => unknown): Buffer {
    const held = this.held(kind);
    const list: Buffer[] = [OPEN];
    for (let i = 0; i < rowids.length; i += CHUNK) {
      if (i > 0) list.push(COMMA);
      this.rows(held, rowids.slice(i, i + CHUNK), fetch, serialize, list);
    }
    list.push(CLOSE);
    return Buffer.concat(list);
  }

  /** Adds the JSON of some rows, separated by commas, to `list` (copied together once, by `page`). */
  private rows<T>(held: Map<number, Buffer>, rowids: readonly number[], fetch: (rowids: number[]) => T[], serialize: (value: T) => unknown, list: Buffer[]): void {
    const parts: (Buffer | undefined)[] = rowids.map((r) => held.get(r));
    const missing = rowids.filter((_, i) => parts[i] === undefined);
    if (missing.length === rowids.length) {
      list.push(this.fresh(held, missing, fetch(missing), serialize));
      return;
    }
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
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) list.push(COMMA);
      list.push(parts[i] as Buffer);
    }
  }

  /**
   * Rows none of which is held (a client walking the list): their JSON encoded once, separated
   * by commas, each row then held as a view of those bytes, rather than encoded row by row
   * (issue 17: a hundred allocations less a page of 100; server CPU per page of 100 1.0
   * components read for the first time 3.54 → 3.38 ms on `large`). `page` then copies them into
   * the answer with its brackets: writing the brackets here for a page of one hundred, to spare
   * that copy, made no difference measured (3 pairs).
   */
  private fresh<T>(held: Map<number, Buffer>, rowids: readonly number[], values: T[], serialize: (value: T) => unknown): Buffer {
    const texts = rowids.map((_, i) => encode(values[i], serialize));
    const bytes = Buffer.from(texts.join(','));
    let at = 0;
    texts.forEach((text, i) => {
      const end = at + Buffer.byteLength(text);
      this.set(held, rowids[i] as number, bytes.subarray(at, end));
      at = end + 1;
    });
    return bytes;
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
      this.bytes = 0;
      this.version = version;
    }
    let held = this.entries.get(kind);
    if (!held) this.entries.set(kind, (held = new Map()));
    return held;
  }

  private set(held: Map<number, Buffer>, rowid: number, json: Buffer): void {
    this.drop(held, rowid);
    if (json.length > this.maxBytes) return;
    if (this.bytes + json.length > this.maxBytes) this.makeRoom(held, json.length);
    held.set(rowid, json);
    this.bytes += json.length;
  }

  /**
   * Drops the oldest rows (of the kind being read first) until a quarter of the cache is free
   * beside `bytes`: once full, rows go by the thousand in one walk, not one at a time (taking
   * a Map's first entry again after each delete costs ~10 µs a row once many are gone).
   */
  private makeRoom(held: Map<number, Buffer>, bytes: number): void {
    const goal = this.maxBytes * 0.75 - bytes;
    for (const kind of [held, ...this.entries.values()]) {
      for (const [rowid, json] of kind) {
        if (this.bytes <= goal) return;
        kind.delete(rowid);
        this.bytes -= json.length;
      }
    }
  }

  private drop(held: Map<number, Buffer>, rowid: number): void {
    const json = held.get(rowid);
    if (json === undefined) return;
    held.delete(rowid);
    this.bytes -= json.length;
  }
}
