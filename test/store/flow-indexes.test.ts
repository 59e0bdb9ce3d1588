import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS_SQL, SENSOR_NAMES_SQL } from '../../src/store/component-views.js';
import type { Store } from '../../src/store/store.js';
import { testCenter, type TestCenter } from '../helpers.js';

let c: TestCenter;
let store: Store;
beforeAll(async () => {
  c = await testCenter();
  store = c.store;
});
afterAll(() => c.close());

/** Three components' rowids as a JSON array, as the statements take a page's. */
const someComponents = (): string => JSON.stringify(store.db.prepare('SELECT rowid FROM component LIMIT 3').pluck().all());

const plan = (sql: string, ...params: unknown[]): string[] =>
  (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail);

describe('the indexes of flows by component end', () => {
  it('give the sensors of a component by seeks in (end, sensor), never by reading its flows (migration 015)', () => {
    const ids = someComponents();
    const flowSteps = plan(SENSOR_NAMES_SQL, ids).filter((d) => /\bflow\b/.test(d));
    expect(flowSteps.length).toBe(4);
    for (const d of flowSteps) expect(d).toMatch(/^SEARCH flow USING COVERING INDEX flow_(src|dst)_sensor \((src|dst)_component=\?( AND sensor_id>\?)?\)$/);
  });

  it('count the flows a component opened with a request in the index of those alone, without reading a flow (migration 016)', () => {
    const ids = someComponents();
    const flowSteps = plan(REQUESTS_SQL, ids).filter((d) => /\bf\b/.test(d));
    expect(flowSteps).toEqual(['SEARCH f USING INDEX flow_src_request (src_component=?)']);
    // The plan names the table, but its rows are only sought lazily (DeferredSeek): the program
    // reads no column of it, so the index's condition is not evaluated again flow by flow.
    const program = store.db.prepare(`EXPLAIN ${REQUESTS_SQL}`).all(ids) as { opcode: string; p1: number; p2: number }[];
    const root = store.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'flow'").pluck().get();
    const table = program.find((op) => op.opcode === 'OpenRead' && op.p2 === root)?.p1;
    expect(table).toBeDefined();
    expect(program.filter((op) => op.p1 === table && op.opcode === 'Column')).toEqual([]);
  });

  it("give a component's flows in last-seen order, without a sort (1.0 /flows?from=…, to=…)", () => {
    for (const end of ['src', 'dst']) {
      for (const dir of ['ASC', 'DESC']) {
        const steps = plan(`SELECT f.rowid FROM flow f WHERE f.${end}_component = ? ORDER BY f.last_seen ${dir}, f.rowid ${dir} LIMIT 100`, 1);
        expect(steps).toHaveLength(1); // no "USE TEMP B-TREE FOR ORDER BY"
        expect(steps[0]).toMatch(new RegExp(`^SEARCH f USING (COVERING )?INDEX flow_${end}_component \\(${end}_component=\\?\\)$`));
      }
    }
  });
});
