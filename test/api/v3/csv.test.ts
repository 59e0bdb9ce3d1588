/**
 * `format=csv` on every 3.0 operation whose `format` Cisco's document lists as json or csv
 * (fixtures/v3/operations.json): the same rows, in the same order and with the same paging, as
 * the JSON answer to the same query, written as src/api/csv.ts says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/api/csv.js';
import { CISCO_OPERATIONS } from '../../../src/api/v3/operations.js';
import { testCenter, type TestCenter } from '../../helpers.js';
import { allDataId } from './baseline-fixtures.js';

let c: TestCenter;
let ids: Record<'preset' | 'component' | 'activity', string>;
beforeAll(async () => {
  c = await testCenter();
  const busiest = (await c.json3<{ id: string; flowCount: number }[]>('/activities?sort=flowCount:DESC&size=1'))[0] as { id: string };
  const [left] = busiest.id.split('_') as [string];
  ids = { preset: await allDataId(c), component: left, activity: busiest.id };
});
afterAll(() => c.close());

/** The operations with a json|csv `format`, each with the path to ask (a POST is a preview: an empty payload). */
const CASES: [string, (i: typeof ids) => string][] = [
  ['GET /activities/{id}/flows', (i) => `/activities/${i.activity}/flows`],
  ['GET /components', () => '/components'],
  ['GET /components/{id}/flows', (i) => `/components/${i.component}/flows`],
  ['GET /flows', () => '/flows'],
  ['POST /presets/preview/visualisations/networknode-list', () => '/presets/preview/visualisations/networknode-list'],
  ['GET /presets/{preset_id}/visualisations/activity-list', (i) => `/presets/${i.preset}/visualisations/activity-list`],
  ['GET /presets/{preset_id}/visualisations/component-list', (i) => `/presets/${i.preset}/visualisations/component-list`],
  ['GET /presets/{preset_id}/visualisations/flow-list', (i) => `/presets/${i.preset}/visualisations/flow-list`],
  ['GET /presets/{preset_id}/visualisations/networknode-list', (i) => `/presets/${i.preset}/visualisations/networknode-list`],
  ['GET /presets/{preset_id}/visualisations/vulnerability-list', (i) => `/presets/${i.preset}/visualisations/vulnerability-list`],
];

describe('format=csv', () => {
  it("covers every operation of Cisco's document that takes `format`, but the graphs (whose format is a path segment)", () => {
    const withFormat = CISCO_OPERATIONS.filter((o) => o.query.includes('format')).map((o) => `${o.method} ${o.path}`);
    expect(CASES.map(([op]) => op).sort()).toEqual(withFormat.sort());
  });

  it.each(CASES)('%s: the rows of the JSON answer to the same query, page for page', async (op, pathOf) => {
    const method = op.startsWith('POST') ? 'POST' : 'GET';
    const body = method === 'POST' ? {} : undefined;
    for (const query of ['page=1&size=3', 'page=2&size=3']) {
      const json = await c.v3(method, `${pathOf(ids)}?${query}`, body);
      expect(json.statusCode, json.body).toBe(200);
      const rows = json.json<Record<string, unknown>[]>();
      expect(rows.length).toBeGreaterThan(0);
      const csv = await c.v3(method, `${pathOf(ids)}?${query}&format=csv`, body);
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.body).toBe(toCsv(rows));
    }
  });
});
