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

  it("counts a component's requests as the flows it opened with a request property (as flow_prop lists them), through the index of those alone", () => {
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
    // The partial index lists the same names (migration 016).
    const index = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'flow_src_request'").pluck().get() as string;
    expect([...index.matchAll(/'\$\."([^"]+)"'/g)].map((m) => m[1]).sort()).toEqual([...names].sort());
  });
});

describe('componentViews.details', () => {
  const everyComponent = () => store.db.prepare('SELECT rowid FROM component ORDER BY rowid').pluck().all() as number[];

  /** The sensor names of each component, by reading every flow (the way before migration 015). */
  function byReadingEveryFlow(rowids: number[]): string[][] {
    const names = new Map<number, Set<string>>(rowids.map((r) => [r, new Set()]));
    const ends = store.db
      .prepare('SELECT f.src_component AS a, f.dst_component AS b, s.name FROM flow f NOT INDEXED JOIN sensor s ON s.id = f.sensor_id')
      .all() as { a: number; b: number; name: string }[];
    for (const e of ends) for (const c of [e.a, e.b]) names.get(c)?.add(e.name);
    return rowids.map((r) => [...(names.get(r) as Set<string>)].sort());
  }

  it('names the sensors that saw the flows a component is an end of, each once, sorted, as reading every flow would', () => {
    const rowids = everyComponent();
    const got = store.componentViews.details(rowids).map((d) => d.sensorNames);
    expect(got).toEqual(byReadingEveryFlow(rowids));
    // The world exercises the steps: components seen by several sensors, and by none.
    expect(got.some((names) => names.length >= 2)).toBe(true);
    expect(got.some((names) => names.length === 0)).toBe(true);
  });

  it('names none for a flow without a sensor or with an unknown one, and a name shared by two sensors once', () => {
    const db = store.db;
    const sensors = db.prepare('SELECT id FROM sensor ORDER BY rowid').pluck().all() as string[];
    const hub = db.prepare('SELECT src_component FROM flow GROUP BY src_component ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
    const flows = db.prepare('SELECT rowid FROM flow WHERE src_component = ? OR dst_component = ? ORDER BY rowid').pluck().all(hub, hub) as number[];
    expect(sensors.length).toBeGreaterThanOrEqual(3);
    expect(flows.length).toBeGreaterThanOrEqual(sensors.length + 2);
    db.exec('BEGIN');
    try {
      const setSensor = db.prepare('UPDATE flow SET sensor_id = ? WHERE rowid = ?');
      setSensor.run(null, flows[0]);
      setSensor.run('no-such-sensor', flows[1]);
      sensors.forEach((id, i) => setSensor.run(id, flows[i + 2])); // the hub seen by every sensor
      db.prepare('UPDATE sensor SET name = ? WHERE id IN (?, ?)').run('Twin', sensors[0], sensors[1]);
      const rowids = everyComponent();
      const got = store.componentViews.details(rowids).map((d) => d.sensorNames);
      expect(got).toEqual(byReadingEveryFlow(rowids));
      expect(got[rowids.indexOf(hub)]?.filter((n) => n === 'Twin')).toEqual(['Twin']);
      expect(got[rowids.indexOf(hub)]?.length).toBe(sensors.length - 1);
    } finally {
      db.exec('ROLLBACK');
    }
  });
});
