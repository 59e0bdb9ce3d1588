import { describe, expect, it } from 'vitest';
import { WireCache } from '../../src/api/wire-cache.js';
import type { Store } from '../../src/store/store.js';

/** A store whose version the test moves, and rows that say which fetch served them. */
function setup(max?: number) {
  let version = 1;
  const store = { version: () => String(version) } as unknown as Store;
  const cache = new WireCache(store, max);
  const fetched: number[][] = [];
  let generation = 0;
  const fetch = (rowids: number[]) => {
    fetched.push(rowids);
    return rowids.map((rowid) => ({ rowid, generation }));
  };
  const serialize = (row: { rowid: number; generation: number }) => ({ id: row.rowid, g: row.generation, name: 'Siemens AG – 日本' });
  return {
    cache,
    fetched,
    page: (rowids: number[], kind: 'component' | 'flow' = 'component') => JSON.parse(cache.page(kind, rowids, fetch, serialize).toString('utf8')) as unknown,
    write: () => {
      version++;
      generation++;
    },
  };
}

describe('WireCache', () => {
  it('answers the JSON array of the rows in the order asked, fetching only rows it does not hold', () => {
    const t = setup();
    expect(t.page([3, 1])).toEqual([
      { id: 3, g: 0, name: 'Siemens AG – 日本' },
      { id: 1, g: 0, name: 'Siemens AG – 日本' },
    ]);
    expect(t.page([1, 2, 3])).toEqual([1, 2, 3].map((id) => ({ id, g: 0, name: 'Siemens AG – 日本' })));
    expect(t.fetched).toEqual([[3, 1], [2]]);
    expect(t.page([])).toEqual([]);
  });

  it('holds the rows of a page read for the first time as they are alone, whatever their bytes', () => {
    const names = ['a', 'Siemens AG – 日本', '', '"quoted" \\ \u2028', '🏭 plant'];
    const store = { version: () => '1' } as unknown as Store;
    const cache = new WireCache(store);
    const fetch = (rowids: number[]) => rowids.map((r) => names[r - 1] as string);
    const serialize = (name: string) => ({ name });
    const page = cache.page('component', [1, 2, 3, 4, 5], fetch, serialize);
    expect(page.toString('utf8')).toBe(JSON.stringify(names.map(serialize)));
    const none = () => {
      throw new Error('fetched a held row');
    };
    for (const [i, name] of names.entries()) expect(cache.one('component', i + 1, none, serialize).toString('utf8')).toBe(JSON.stringify({ name }));
    expect(cache.page('component', [5, 1, 3], none, serialize).toString('utf8')).toBe(JSON.stringify([5, 1, 3].map((r) => serialize(names[r - 1] as string))));
  });

  it('makes a long page a hundred rows after another, each hundred fetched once', () => {
    const t = setup();
    const rowids = Array.from({ length: 250 }, (_, i) => i + 1);
    t.page([150, 5]);
    expect(t.page(rowids)).toEqual(rowids.map((id) => ({ id, g: 0, name: 'Siemens AG – 日本' })));
    expect(t.fetched.map((f) => f.length)).toEqual([2, 99, 99, 50]);
    expect(t.fetched[1]).not.toContain(5);
    expect(t.fetched[3]).toEqual(rowids.slice(200));
    // The rows of each hundred are held as they are alone, the first and last of one included.
    expect(t.page([250, 201, 200, 101, 1])).toEqual([250, 201, 200, 101, 1].map((id) => ({ id, g: 0, name: 'Siemens AG – 日本' })));
    expect(t.fetched).toHaveLength(4);
  });

  it('answers one row as a JSON object', () => {
    const t = setup();
    const one = t.cache.one('flow', 7, (rowids) => rowids, (rowid) => ({ id: rowid }));
    expect(JSON.parse(one.toString('utf8'))).toEqual({ id: 7 });
  });

  it('keeps kinds apart: the same rowid is another row in another kind', () => {
    const t = setup();
    t.page([1], 'component');
    t.page([1], 'flow');
    expect(t.fetched).toEqual([[1], [1]]);
  });

  it('drops everything after a write', () => {
    const t = setup();
    t.page([1, 2]);
    t.write();
    expect(t.page([1, 2])).toEqual([1, 2].map((id) => ({ id, g: 1, name: 'Siemens AG – 日本' })));
    expect(t.fetched).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it('holds at most `maxBytes` of rows, across kinds; when full, frees a quarter, the oldest rows of the kind being read first', () => {
    const row = Buffer.byteLength(JSON.stringify({ id: 1, g: 0, name: 'Siemens AG – 日本' }));
    const t = setup(4 * row);
    t.page([1, 2, 3, 4], 'component');
    t.page([5], 'flow'); // full, and the flow kind holds nothing: components go (1, 2)
    t.page([3, 4], 'component');
    t.page([6], 'flow');
    t.page([1], 'component'); // full: the components go first (3, 4), though not the oldest rows
    t.page([7], 'flow');
    t.page([8], 'flow'); // full: the flows go first (5, 6)
    t.page([1], 'component');
    t.page([7, 8], 'flow');
    expect(t.fetched).toEqual([[1, 2, 3, 4], [5], [6], [1], [7], [8]]);
    t.page([5, 3], 'flow');
    t.page([3, 4], 'component');
    expect(t.fetched.slice(6)).toEqual([[5, 3], [3, 4]]);
  });

  it('counts nothing held before a write once it has emptied the cache', () => {
    const row = Buffer.byteLength(JSON.stringify({ id: 1, g: 0, name: 'Siemens AG – 日本' }));
    const t = setup(4 * row);
    t.page([1, 2, 3, 4]);
    t.write();
    t.page([1, 2]);
    t.page([3]); // three rows held: no room to make
    t.page([1, 2, 3]);
    expect(t.fetched).toEqual([[1, 2, 3, 4], [1, 2], [3]]);
  });

  it('counts bytes, not rows: a large row pushes out as many small ones as it needs', () => {
    const store = { version: () => '1' } as unknown as Store;
    const small = Buffer.byteLength(JSON.stringify({ name: 'a' }));
    const cache = new WireCache(store, 4 * small);
    const fetched: number[][] = [];
    const fetch = (rowids: number[]) => (fetched.push(rowids), rowids);
    const serialize = (rowid: number) => ({ name: rowid === 9 ? 'a'.repeat(small + 1) : 'a' });
    cache.page('component', [1, 2, 3, 4], fetch, serialize);
    cache.page('flow', [9], fetch, serialize); // as large as 2 small rows, and a quarter freed beside it: 1, 2 and 3 go
    cache.page('component', [4], fetch, serialize);
    cache.page('flow', [9], fetch, serialize);
    cache.page('component', [2], fetch, serialize);
    expect(fetched).toEqual([[1, 2, 3, 4], [9], [2]]);
    // A row larger than the whole cache is answered, and not held: it pushes nothing out.
    const huge = () => ({ name: 'a'.repeat(4 * small) });
    for (let i = 0; i < 2; i++) expect(JSON.parse(cache.one('flow', 8, fetch, huge).toString('utf8'))).toEqual(huge());
    cache.page('flow', [9], fetch, serialize);
    cache.page('component', [4, 2], fetch, serialize);
    expect(fetched.slice(3)).toEqual([[8], [8]]);
  });
});
