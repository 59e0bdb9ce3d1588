/** What hangs off one component (API 3.0): its vulnerabilities, credentials, variables and flows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { expectOrder, expectPaging } from './lists.js';
import { recorded, shapeGaps } from './shape.js';

interface Row {
  id: string;
  device: { id: string } | null;
  flowsCount: number;
  variablesCount: number;
  credentialsCount: number;
  vulnerabilitiesCount: number;
}

let c: TestCenter;
let all: Row[];
beforeAll(async () => {
  c = await testCenter();
  all = await c.json3<Row[]>('/components');
});
afterAll(() => c.close());

const most = (k: keyof Row) => [...all].sort((a, b) => (b[k] as number) - (a[k] as number))[0] as Row;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

describe('GET /components/{id}/vulnerabilities', () => {
  interface Vuln {
    cve: string;
    publishTime: string;
    ackTime: string | null;
    ackAuthor: string;
    ackComment: string;
    reasons: string[];
  }

  it('answers its vulnerabilities in the shape the Center gave, times as RFC 3339 strings', async () => {
    const row = most('vulnerabilitiesCount');
    const list = await c.json3<Vuln[]>(`/components/${row.id}/vulnerabilities`);
    expect(list.length).toBe(row.vulnerabilitiesCount);
    expect(list.flatMap((v) => shapeGaps(v, recorded('GET /api/3.0/components/{id}/vulnerabilities')))).toEqual([]);
    for (const v of list) {
      expect(v.publishTime).toMatch(RFC3339);
      expect(v.reasons.length).toBeGreaterThan(0);
    }
  });

  it("is acknowledged when the component's device acknowledged the CVE, and not otherwise", async () => {
    const ack = c.store.db.prepare('SELECT a.device_id, v.cve FROM vulnerability_ack a JOIN vulnerability v ON v.rowid = a.vulnerability_rowid').get() as { device_id: string; cve: string };
    const member = all.find((r) => r.device?.id === ack.device_id && r.vulnerabilitiesCount > 0) as Row;
    const list = await c.json3<Vuln[]>(`/components/${member.id}/vulnerabilities`);
    const acked = list.find((v) => v.cve === ack.cve);
    const [stored] = c.store.vulnerabilities.acksOf(ack.device_id);
    expect(acked).toMatchObject({ ackTime: expect.stringMatching(RFC3339), ackAuthor: stored?.author, ackComment: stored?.comment });
    const open = list.filter((v) => v.cve !== ack.cve);
    expect(open.every((v) => v.ackTime === null && v.ackAuthor === '' && v.ackComment === '')).toBe(true);
  });

  it('answers 404 for an unknown component, 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/vulnerabilities`), 404, /Component not found/);
    expectError3(await c.v3('GET', '/components/x/vulnerabilities'), 400, /Invalid component id/);
  });
});

describe('GET /components/{id}/credentials', () => {
  it('answers the credentials it accepted, as many as it counts', async () => {
    const row = most('credentialsCount');
    const list = await c.json3<Record<string, unknown>[]>(`/components/${row.id}/credentials`);
    expect(list.length).toBe(row.credentialsCount);
    expect(list[0]).toEqual({
      protocol: expect.any(String),
      username: expect.any(String),
      password: expect.any(String),
      algo: expect.stringMatching(/^(plaintext|base64)$/),
      componentId: row.id,
      creationTime: expect.any(Number),
      lastUpdate: expect.any(Number),
    });
  });

  it('answers [] for a component without any, 404 for an unknown one', async () => {
    expect(await c.json3(`/components/${all.find((r) => r.credentialsCount === 0)?.id}/credentials`)).toEqual([]);
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/credentials`), 404, /Component not found/);
  });
});

describe('GET /components/{id}/variables', () => {
  interface Var {
    id: string;
    label: string;
    protocol: string;
    category: string;
    types: string[];
    accesses: { component: { id: string; label: string }; firstAccess: number; lastAccess: number; types: string[] }[];
    firstAccess: number;
    lastAccess: number;
  }
  const holder = () => all.find((r) => r.variablesCount > 6 && r.device !== null && r.flowsCount > 0) ?? most('variablesCount');

  it('answers the variables it holds, with who accesses them, as many as it counts', async () => {
    const row = holder();
    const list = await c.json3<Var[]>(`/components/${row.id}/variables`);
    expect(list.length).toBe(row.variablesCount);
    for (const v of list) {
      expect(v.accesses.length).toBeGreaterThan(0);
      expect(v.firstAccess).toBe(Math.min(...v.accesses.map((a) => a.firstAccess)));
      expect(v.lastAccess).toBe(Math.max(...v.accesses.map((a) => a.lastAccess)));
      expect(v.types).toEqual([...new Set(v.accesses.flatMap((a) => a.types))].sort());
      expect(v.accesses.every((a) => a.component.label !== '')).toBe(true);
    }
    // The seeded controllers are read in their industrial protocol.
    expect(list.some((v) => v.protocol !== '' && !['ARP', 'LLDP'].includes(v.protocol))).toBe(true);
  });

  it('pages, sorts and filters', async () => {
    const row = holder();
    const list = await expectPaging(c, `/components/${row.id}/variables`, row.variablesCount, 2);
    expectOrder((await c.json3<Var[]>(`/components/${row.id}/variables?sort=lastAccess:desc`)).map((v) => v.lastAccess), true);
    const label = (list[0] as unknown as Var).label;
    expect((await c.json3<Var[]>(`/components/${row.id}/variables?filter=label:${encodeURIComponent(label)}`)).every((v) => v.label.includes(label))).toBe(true);
  });

  it('answers 404 for an unknown component, 400 for an unknown sort field', async () => {
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/variables`), 404, /Component not found/);
    expectError3(await c.v3('GET', `/components/${holder().id}/variables?sort=value`), 400, /cannot sort on "value"/);
  });
});

describe('GET /components/{id}/flows', () => {
  interface Flow {
    id: string;
    left: Record<string, unknown>;
    right: Record<string, unknown>;
    lastActivity: number;
    tags: { id: string }[];
    dstPort: number;
  }

  it('answers the flows it is an end of, as many as it counts, with ends without addresses', async () => {
    const row = most('flowsCount');
    const list = await expectPaging(c, `/components/${row.id}/flows`, row.flowsCount);
    for (const f of list as unknown as Flow[]) {
      expect([f.left.id, f.right.id]).toContain(row.id);
      expect(Object.keys(f.left).sort()).toEqual(['customLabel', 'group', 'icon', 'id', 'label', 'originalLabel']);
      expect(Number.isInteger(f.dstPort)).toBe(true);
    }
  });

  it('agrees with flowsCount for every component', async () => {
    for (const row of all.filter((r) => r.flowsCount > 0).slice(0, 10)) {
      expect((await c.json3<Flow[]>(`/components/${row.id}/flows`)).length).toBe(row.flowsCount);
    }
  });

  it('sorts and keeps a window', async () => {
    const row = most('flowsCount');
    const list = await c.json3<Flow[]>(`/components/${row.id}/flows?sort=lastActivity:desc`);
    expectOrder(list.map((f) => f.lastActivity), true);
    const from = (list[2] as Flow).lastActivity;
    expect((await c.json3<Flow[]>(`/components/${row.id}/flows?from=${from}`)).length).toBe(list.filter((f) => f.lastActivity >= from).length);
  });

  it('answers 400 for a bad id or parameter', async () => {
    expectError3(await c.v3('GET', '/components/x/flows'), 400, /Invalid component id/);
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/flows?size=0`), 400, /"size"/);
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/flows?format=xml`), 400, /"format"/);
  });

  it('answers 404 for an unknown component, 401 to ?token= alone', async () => {
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/flows`), 404, /Component not found/);
    expectError3(await c.app.inject({ url: `${API3}/components/${UNKNOWN}/flows?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});
