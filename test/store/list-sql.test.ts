import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ListRequest } from '../../src/domain/list-request.js';
import { type ListShape, listConditions, listOrder } from '../../src/store/list-sql.js';
import { Where } from '../../src/store/sql.js';

type F = 'label' | 'mac' | 'seen' | 'device';
const db = new Database(':memory:');
db.exec(`CREATE TABLE t (rowid INTEGER PRIMARY KEY, label TEXT, mac TEXT, first INTEGER, last INTEGER, device INTEGER);
  INSERT INTO t VALUES (1, 'PLC_1', 'AA:00', 10, 20, 1), (2, 'plc 2', 'aa:01', 30, 40, 0), (3, 'HMI_100%', 'aa:02', 50, 60, 1), (4, 'Switch', 'aa:03', 10, 60, 0);`);
afterAll(() => db.close());

const SHAPE: ListShape<F> = {
  columns: { label: { sql: 'label', kind: 'text' }, mac: { sql: 'mac', kind: 'exact' }, seen: { sql: 'last', kind: 'number' }, device: { sql: 'device', kind: 'boolean' } },
  defaultOrder: 'last DESC',
  tieBreak: 'rowid',
  activity: { first: 'first', last: 'last' },
};

function ids(req: ListRequest<F>): number[] {
  const where = listConditions(new Where(), req, SHAPE);
  const order = listOrder(req, SHAPE);
  return db.prepare(`SELECT rowid FROM t ${where} ${order.sql}`).pluck().all(...where.params, ...order.params) as number[];
}

describe('list SQL', () => {
  it.each<[string, ListRequest<F>, number[]]>([
    ['the default order, with the tie-break', { sort: [], filters: [] }, [3, 4, 2, 1]],
    ['a sort key and its direction', { sort: [{ field: 'label', desc: false }], filters: [] }, [3, 1, 4, 2]],
    ['text contains, without case', { sort: [], filters: [{ field: 'label', values: ['plc'] }] }, [2, 1]],
    ['text with LIKE wildcards taken literally', { sort: [], filters: [{ field: 'label', values: ['0%'] }] }, [3]],
    ['exact without case', { sort: [], filters: [{ field: 'mac', values: ['aa:00'] }] }, [1]],
    ['alternative values of one field', { sort: [], filters: [{ field: 'mac', values: ['aa:00', 'aa:03'] }] }, [4, 1]],
    ['filters on two fields all hold', { sort: [], filters: [{ field: 'label', values: ['plc'] }, { field: 'device', values: ['true'] }] }, [1]],
    ['a number', { sort: [], filters: [{ field: 'seen', values: ['40'] }] }, [2]],
    ['the activity window overlaps', { sort: [], filters: [], from: 35, to: 45 }, [4, 2]],
    ['a page', { sort: [], filters: [], window: { offset: 1, limit: 2 } }, [4, 2]],
    ['a page past the end', { sort: [], filters: [], window: { offset: 10, limit: 2 } }, []],
  ])('%s', (_, req, expected) => {
    expect(ids(req)).toEqual(expected);
  });
});
