import { describe, expect, it } from 'vitest';
import { componentStates } from '../../src/ingest/component-states.js';
import type { ComponentState } from '../../src/store/components.js';

const state = (rowid: number): ComponentState => ({ rowid, creationTime: 1, lastActiveTime: 2, tags: {}, properties: {}, deviceRowid: null });

/** A reader over a fixed table that records what it was asked. */
function reader(table: Record<string, number>) {
  const asked: string[][] = [];
  const read = (ids: readonly string[]) => {
    asked.push([...ids]);
    return new Map(ids.filter((id) => id in table).map((id) => [id, state(table[id] as number)]));
  };
  return { read, asked };
}

describe('componentStates', () => {
  it('reads only the ids it does not hold while the version stands', () => {
    const { read, asked } = reader({ a: 1, b: 2, c: 3 });
    const held = componentStates(() => 'v1', read);
    expect(held.get(['a', 'b']).get('a')?.rowid).toBe(1);
    held.keep([{ id: 'a', ...state(1), lastActiveTime: 9 }, { id: 'b', ...state(2) }]);
    const got = held.get(['a', 'b', 'c']);
    expect(asked).toEqual([['a', 'b'], ['c']]);
    expect(got.get('a')?.lastActiveTime).toBe(9); // as the last batch left it
    expect(got.get('c')?.rowid).toBe(3);
  });

  it('holds new components too: what a batch created is not read again', () => {
    const { read, asked } = reader({});
    const held = componentStates(() => 'v1', read);
    expect(held.get(['n']).has('n')).toBe(false);
    held.keep([{ id: 'n', ...state(7) }]);
    expect(held.get(['n']).get('n')?.rowid).toBe(7);
    expect(asked).toEqual([['n'], []]);
  });

  it('reads everything again once the version has moved (another write, a commit elsewhere, a rollback)', () => {
    const { read, asked } = reader({ a: 1 });
    let version = 'v1';
    const held = componentStates(() => version, read);
    held.get(['a']);
    held.keep([{ id: 'a', ...state(1), lastActiveTime: 9 }]);
    version = 'v2';
    expect(held.get(['a']).get('a')?.lastActiveTime).toBe(2);
    expect(asked).toEqual([['a'], ['a']]);
  });

  it('forgets all and reads again past the bound', () => {
    const { read, asked } = reader({ a: 1, b: 2, c: 3 });
    const held = componentStates(() => 'v1', read, 2);
    held.get(['a', 'b']);
    held.keep([{ id: 'a', ...state(1) }, { id: 'b', ...state(2) }]);
    expect([...held.get(['c']).keys()]).toEqual(['c']);
    held.get(['a']); // forgotten with the rest
    expect(asked).toEqual([['a', 'b'], ['c'], ['a']]);
  });

  it('holds nothing with a bound of 0', () => {
    const { read, asked } = reader({ a: 1 });
    const held = componentStates(() => 'v1', read, 0);
    expect(held.get(['a']).get('a')?.rowid).toBe(1);
    held.keep([{ id: 'a', ...state(1) }]);
    held.get(['a']);
    expect(asked).toEqual([['a'], ['a']]);
  });

  it('reads again after forget, whatever the version', () => {
    const { read, asked } = reader({ a: 1 });
    const held = componentStates(() => 'v1', read);
    held.get(['a']);
    held.keep([{ id: 'a', ...state(1) }]);
    held.forget();
    held.get(['a']);
    expect(asked).toEqual([['a'], ['a']]);
  });
});
