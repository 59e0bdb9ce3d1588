/**
 * The raw rows of src/store/component-rows.ts, flow-rows.ts and events.ts: a row read raw and
 * made into an object by its `…RowOf` is the row better-sqlite3 would have made, for every row.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { COMPONENT_COLUMNS, componentRowOf } from '../../src/store/component-rows.js';
import { EVENT_COLUMNS, eventRowOf } from '../../src/store/events.js';
import { FLOW_COLUMNS, FLOW_FROM, flowRowOf } from '../../src/store/flow-rows.js';
import { testCenter } from '../helpers.js';

const c = await testCenter('small');
afterAll(() => c.close());

// A grouped component with a custom name and icon, so that no column is null everywhere.
c.store.db.exec(`UPDATE component SET custom_name = 'named', custom_icon = 'plc.svg' WHERE rowid = (SELECT min(rowid) FROM component WHERE group_rowid IS NOT NULL)`);

describe.each([
  ['componentRowOf', `SELECT ${COMPONENT_COLUMNS} FROM component c LEFT JOIN grp g ON g.rowid = c.group_rowid ORDER BY c.rowid`, componentRowOf],
  ['flowRowOf', `SELECT ${FLOW_COLUMNS} FROM ${FLOW_FROM} ORDER BY f.rowid`, flowRowOf],
  ['eventRowOf', `SELECT ${EVENT_COLUMNS} FROM event e ORDER BY e.rowid`, eventRowOf],
] as const)('%s', (_, sql, rowOf) => {
  it('gives every column under its own name, for every row', () => {
    const objects = c.store.db.prepare(sql).all() as Record<string, unknown>[];
    const raw = c.store.db.prepare(sql).raw().all() as unknown[][];
    expect(objects.length).toBeGreaterThan(0);
    expect(raw.map((v) => rowOf(v))).toEqual(objects);
    expect(Object.keys(rowOf(raw[0] as unknown[]))).toEqual(Object.keys(objects[0] as object));
    expect(Object.keys(objects[0] as object)).toHaveLength((raw[0] as unknown[]).length);
    // Each column holds something somewhere: a swapped pair of columns cannot hide behind nulls.
    for (const key of Object.keys(objects[0] as object)) expect(objects.some((o) => o[key] !== null), key).toBe(true);
  });
});
