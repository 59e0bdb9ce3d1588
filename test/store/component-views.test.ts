import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_ROW } from '../../src/domain/list-request.js';
import { INSIGHT_PROPERTIES } from '../../src/domain/security-insights.js';
import { SENSOR_NAMES_SQL } from '../../src/store/component-views.js';
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

describe('componentViews.details', () => {
  it('names the sensors that saw the flows a component is an end of, each once, sorted, as reading every flow would', () => {
    const rowids = store.db.prepare('SELECT rowid FROM component ORDER BY rowid').pluck().all() as number[];
    const expected = new Map<number, Set<string>>(rowids.map((r) => [r, new Set()]));
    const ends = store.db
      .prepare('SELECT f.src_component AS a, f.dst_component AS b, s.name FROM flow f NOT INDEXED JOIN sensor s ON s.id = f.sensor_id')
      .all() as { a: number; b: number; name: string }[];
    for (const e of ends) for (const c of [e.a, e.b]) expected.get(c)?.add(e.name);
    const got = store.componentViews.details(rowids).map((d) => d.sensorNames);
    expect(got).toEqual(rowids.map((r) => [...(expected.get(r) as Set<string>)].sort()));
    // The world exercises the steps: components seen by several sensors, and by none.
    expect(got.some((names) => names.length >= 2)).toBe(true);
    expect(got.some((names) => names.length === 0)).toBe(true);
  });

  it('finds them by seeks in the indexes of flows by end and sensor, never by reading the flows (migration 015)', () => {
    const sql = store.db.prepare("SELECT sql FROM sqlite_master WHERE name IN ('flow_src_component', 'flow_dst_component') ORDER BY name").pluck().all();
    expect(sql).toEqual([
      'CREATE INDEX flow_dst_component ON flow (dst_component, sensor_id, last_seen)',
      'CREATE INDEX flow_src_component ON flow (src_component, sensor_id, last_seen)',
    ]);
    const ids = JSON.stringify(store.db.prepare('SELECT rowid FROM component LIMIT 3').pluck().all());
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${SENSOR_NAMES_SQL}`).all(ids) as { detail: string }[];
    const flowSteps = plan.map((p) => p.detail).filter((d) => / flow /.test(`${d} `) || d.includes('flow USING'));
    expect(flowSteps.length).toBeGreaterThan(0);
    for (const d of flowSteps) expect(d).toMatch(/USING COVERING INDEX flow_(src|dst)_component \((src|dst)_component=\?( AND sensor_id>\?)?\)/);
  });
});
