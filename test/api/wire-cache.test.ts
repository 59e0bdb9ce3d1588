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

  it('holds at most `max` rows, across kinds, dropping the oldest', () => {
    const t = setup(3);
    t.page([1, 2, 3], 'component');
    t.page([10], 'flow'); // full: the flow kind holds nothing yet, so a component goes (1)
    t.page([2, 3], 'component');
    t.page([1], 'component');
    expect(t.fetched).toEqual([[1, 2, 3], [10], [1]]);
  });
});
