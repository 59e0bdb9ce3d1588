import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { testCenter, type TestCenter } from '../helpers.js';

let c: TestCenter;
let store: Store;
beforeAll(async () => {
  c = await testCenter();
  store = c.store;
});
afterAll(() => c.close());

describe('flows.ofComponent', () => {
  /** The page as one query over both ends would give it (the way before the merge). */
  function byBothEnds(component: number, q: { order: 'asc' | 'desc'; limit: number; offset: number; start?: number; end?: number }): string[] {
    const dir = q.order === 'desc' ? 'DESC' : 'ASC';
    return store.db
      .prepare(
        `SELECT id FROM flow WHERE (src_component = @c OR dst_component = @c) AND last_seen >= @start AND last_seen <= @end
         ORDER BY last_seen ${dir}, rowid ${dir} LIMIT @limit OFFSET @offset`,
      )
      .pluck()
      .all({ c: component, start: q.start ?? -1, end: q.end ?? Number.MAX_SAFE_INTEGER, limit: q.limit, offset: q.offset }) as string[];
  }

  function expectSamePages(components: number[]): void {
    const [lo, hi] = store.db.prepare('SELECT min(last_seen), max(last_seen) FROM flow').raw().get() as [number, number];
    const middle = Math.round((lo + hi) / 2);
    for (const component of components) {
      for (const order of ['asc', 'desc'] as const) {
        for (const q of [
          { order, limit: 1000, offset: 0 },
          { order, limit: 3, offset: 2 },
          { order, limit: 5, offset: 0, start: middle },
          { order, limit: 5, offset: 1, end: middle },
          { order, limit: 1000, offset: 0, start: middle, end: middle + (hi - lo) / 4 },
        ]) {
          expect(store.flows.ofComponent(component, q).map((f) => f.id), `${component} ${JSON.stringify(q)}`).toEqual(byBothEnds(component, q));
        }
      }
    }
  }

  it('gives the pages of the flows a component is an end of, in either order and any window, as one query over both ends would', () => {
    const components = store.db.prepare('SELECT rowid FROM component ORDER BY rowid').pluck().all() as number[];
    expect(components.some((r) => byBothEnds(r, { order: 'asc', limit: 1000, offset: 0 }).length >= 10)).toBe(true);
    expectSamePages(components);
  });

  it('breaks ties of last activity on the rowid, in the order asked, across both ends', () => {
    const db = store.db;
    // The component with the most flows at its less busy end.
    const busiest = db
      .prepare(
        `SELECT rowid FROM component c ORDER BY min((SELECT count(*) FROM flow WHERE src_component = c.rowid),
           (SELECT count(*) FROM flow WHERE dst_component = c.rowid AND src_component <> c.rowid)) DESC LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const from = db.prepare('SELECT rowid FROM flow WHERE src_component = ? ORDER BY rowid LIMIT 2').pluck().all(busiest) as number[];
    const to = db.prepare('SELECT rowid FROM flow WHERE dst_component = ? AND src_component <> ? ORDER BY rowid LIMIT 2').pluck().all(busiest, busiest) as number[];
    expect([from.length, to.length]).toEqual([2, 2]);
    db.exec('BEGIN');
    try {
      // Four flows, two at each end, seen at one instant.
      const same = db.prepare('SELECT last_seen FROM flow WHERE rowid = ?').pluck().get(from[0]) as number;
      for (const rowid of [...from, ...to]) db.prepare('UPDATE flow SET last_seen = ? WHERE rowid = ?').run(same, rowid);
      expectSamePages([busiest]);
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('gives a flow from a component to itself once', () => {
    const db = store.db;
    const [flow, src] = db.prepare('SELECT rowid, src_component FROM flow ORDER BY rowid LIMIT 1').raw().get() as [number, number];
    db.exec('BEGIN');
    try {
      db.prepare('UPDATE flow SET dst_component = src_component WHERE rowid = ?').run(flow);
      const ids = store.flows.ofComponent(src, { order: 'asc', limit: 1000, offset: 0 }).map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(db.prepare('SELECT id FROM flow WHERE rowid = ?').pluck().get(flow));
      expectSamePages([src]);
    } finally {
      db.exec('ROLLBACK');
    }
  });
});
