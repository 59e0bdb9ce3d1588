/** GET /flows/{id}/flowContents and GET /flows/{id}/properties (API 3.0, issue 18). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowContentsSchema, FlowPropertiesSchema } from '../../../src/api/v3/schemas/flows.js';
import { API, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';

interface FlowDetail {
  id: string;
  firstActivity: number;
  lastActivity: number;
  properties: { key: string; value: string }[];
}
interface Content {
  property: string;
  value: string;
  count: number;
}

let c: TestCenter;
let flowIds: string[];
beforeAll(async () => {
  c = await testCenter();
  flowIds = (await c.json3<{ id: string }[]>('/flows')).map((f) => f.id);
});
afterAll(() => c.close());

describe('GET /flows/{id}/flowContents', () => {
  it("counts each property and value over the flow's contents, as API 1.0's GET /flow/{id}/content lists them", async () => {
    let withContents = 0;
    for (const id of flowIds) {
      const rows = await c.json3<Content[]>(`/flows/${id}/flowContents`);
      expectShape(FlowContentsSchema, rows);
      const records = await c.json<{ content: Record<string, unknown> }[]>(`${API}/flow/${id}/content?limit=2000`);
      const want = new Map<string, number>();
      for (const r of records) for (const [property, value] of Object.entries(r.content)) want.set(JSON.stringify([property, String(value)]), (want.get(JSON.stringify([property, String(value)])) ?? 0) + 1);
      expect(new Map(rows.map((r) => [JSON.stringify([r.property, r.value]), r.count])), id).toEqual(want);
      const keys = rows.map((r) => [r.property, r.value].join('\u0000'));
      expect(keys).toEqual([...keys].sort());
      if (rows.some((r) => r.count > 1)) withContents++;
    }
    expect(withContents).toBeGreaterThan(0);
  });

  it('answers [] for a flow without contents', async () => {
    const bare = c.store.db.prepare('SELECT id FROM flow WHERE rowid NOT IN (SELECT flow_rowid FROM flow_content) LIMIT 1').pluck().get() as string;
    expect(await c.json3(`/flows/${bare}/flowContents`)).toEqual([]);
  });

  it('answers 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', '/flows/x/flowContents'), 400, /Invalid flow id: "x" is not a UUID/);
  });

  it('answers 404 for an unknown flow', async () => {
    expectError3(await c.v3('GET', `/flows/${UNKNOWN}/flowContents`), 404, new RegExp(`Flow not found: ${UNKNOWN}`));
  });
});

describe('GET /flows/{id}/properties', () => {
  it('lists the properties GET /flows/{id} shows, by key, seen from its first to its last activity', async () => {
    let some = 0;
    for (const id of flowIds) {
      const detail = await c.json3<FlowDetail>(`/flows/${id}`);
      const rows = await c.json3<unknown[]>(`/flows/${id.toUpperCase()}/properties`);
      expectShape(FlowPropertiesSchema, rows);
      expect(rows).toEqual(detail.properties.map((p) => ({ property: p.key, value: p.value, count: 1, first_seen: detail.firstActivity, last_seen: detail.lastActivity })));
      if (rows.length > 0) some++;
    }
    expect(some).toBeGreaterThan(10);
  });

  it('answers 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', '/flows/x/properties'), 400, /Invalid flow id: "x" is not a UUID/);
  });

  it('answers 404 for an unknown flow', async () => {
    expectError3(await c.v3('GET', `/flows/${UNKNOWN}/properties`), 404, /Flow not found/);
  });
});
