/** src/store/component-rows.ts: a raw row made into a ComponentRow is the row better-sqlite3 would have made. */
import { afterAll, describe, expect, it } from 'vitest';
import { COMPONENT_COLUMNS, componentRowOf } from '../../src/store/component-rows.js';
import { testCenter } from '../helpers.js';

const c = await testCenter('small');
afterAll(() => c.close());

describe('componentRowOf', () => {
  it('gives every column of COMPONENT_COLUMNS under its own name, for every component', () => {
    // A grouped component with a custom name and icon, so that no column is null everywhere.
    const sql = `SELECT ${COMPONENT_COLUMNS} FROM component c LEFT JOIN grp g ON g.rowid = c.group_rowid ORDER BY c.rowid`;
    c.store.db.exec(`UPDATE component SET custom_name = 'named', custom_icon = 'plc.svg' WHERE rowid = (SELECT min(rowid) FROM component WHERE group_rowid IS NOT NULL)`);
    const objects = c.store.db.prepare(sql).all() as Record<string, unknown>[];
    const raw = c.store.db.prepare(sql).raw().all() as unknown[][];
    expect(raw.map(componentRowOf)).toEqual(objects);
    expect(Object.keys(componentRowOf(raw[0] as unknown[]))).toEqual(Object.keys(objects[0] as object));
    expect(Object.keys(objects[0] as object)).toHaveLength((raw[0] as unknown[]).length);
    expect(objects.some((o) => o['group_id'] !== null && o['custom_icon'] === 'plc.svg')).toBe(true);
  });
});
