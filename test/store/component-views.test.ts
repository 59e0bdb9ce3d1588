import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_ROW } from '../../src/domain/list-request.js';
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

  it("counts a component's flows as the flows it is an end of", () => {
    const rows = [...store.componentViews.list(EVERY_ROW)];
    const flows = store.db.prepare('SELECT c.id, count(f.rowid) AS n FROM component c LEFT JOIN flow f ON f.src_component = c.rowid OR f.dst_component = c.rowid GROUP BY c.id').all() as { id: string; n: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.component.id, r.counts.flows]))).toEqual(Object.fromEntries(flows.map((f) => [f.id, f.n])));
  });
});
