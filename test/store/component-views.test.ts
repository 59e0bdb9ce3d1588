import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_ROW } from '../../src/domain/list-request.js';
import { INSIGHT_PROPERTIES } from '../../src/domain/security-insights.js';
import type { Store } from '../../src/store/store.js';
import { testCenter, type TestCenter } from '../helpers.js';

let c: TestCenter;
let store: Store;
beforeAll(async () => {
  c = await testCenter();
  store = c.store;
});
afterAll(() => c.close());

describe('componentViews.list', () => {
  it('gives a page as an array, and every row lazily without one (a chunk read as it is wanted)', () => {
    const page = store.componentViews.list({ ...EVERY_ROW, window: { offset: 0, limit: 5 } });
    expect(Array.isArray(page)).toBe(true);
    const lazy = store.componentViews.list(EVERY_ROW);
    expect(Array.isArray(lazy)).toBe(false);
    const rows = [...lazy];
    expect(rows.length).toBe(store.componentViews.count(EVERY_ROW));
    expect(rows.slice(0, 5)).toEqual(page);
  });

  it('gives every page in the default order as a slice of the whole list, walked or reached at once (the pager seeks to it)', () => {
    const ids = (rows: Iterable<{ component: { id: string } }>) => [...rows].map((r) => r.component.id);
    const all = ids(store.componentViews.list(EVERY_ROW));
    const flows = [...store.flowViews.list(EVERY_ROW)].map((f) => f.flow.id);
    for (const offset of [37, 0, 5, 10, 37, 15, all.length - 3, all.length + 5]) {
      expect(ids(store.componentViews.list({ ...EVERY_ROW, window: { offset, limit: 5 } }))).toEqual(all.slice(offset, offset + 5));
      const page = [...store.flowViews.list({ ...EVERY_ROW, window: { offset, limit: 7 } })].map((f) => f.flow.id);
      expect(page).toEqual(flows.slice(offset, offset + 7));
    }
  });

  it("counts a component's flows as the flows it is an end of", () => {
    const rows = [...store.componentViews.list(EVERY_ROW)];
    const flows = store.db.prepare('SELECT c.id, count(f.rowid) AS n FROM component c LEFT JOIN flow f ON f.src_component = c.rowid OR f.dst_component = c.rowid GROUP BY c.id').all() as { id: string; n: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.component.id, r.counts.flows]))).toEqual(Object.fromEntries(flows.map((f) => [f.id, f.n])));
  });

  it("counts a component's requests as the flows it opened with a request property, through the index of those alone", () => {
    const rows = [...store.componentViews.list(EVERY_ROW)];
    const names = Object.values(INSIGHT_PROPERTIES);
    const requests = store.db
      .prepare(
        `SELECT c.id, count(DISTINCT f.rowid) AS n FROM component c LEFT JOIN flow f ON f.src_component = c.rowid
         AND EXISTS (SELECT 1 FROM flow_prop p NOT INDEXED WHERE p.flow_rowid = f.rowid AND p.name IN (SELECT value FROM json_each(?))) GROUP BY c.id`,
      )
      .all(JSON.stringify(names)) as { id: string; n: number }[];
    expect(requests.some((r) => r.n > 0)).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.component.id, r.counts.requests]))).toEqual(Object.fromEntries(requests.map((r) => [r.id, r.n])));
    // The partial index lists the same names (migration 011).
    const index = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'flow_prop_request'").pluck().get() as string;
    expect([...index.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort()).toEqual([...names].sort());
  });
});
