/** GET /components/{id}/flows/tags and GET /components/{component_id}/vulnerabilities/{vulnerability_id} (API 3.0, issue 18). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetailedTagsSchema } from '../../../src/api/v3/schemas/tags.js';
import { JsonVulnerabilityFullInfosSchema } from '../../../src/api/v3/schemas/vulnerability-infos.js';
import { UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';

interface Tag {
  id: string;
  important: boolean;
}
interface Flow {
  id: string;
  lastActivity: number;
  tags: Tag[];
}
interface DetailedTag extends Tag {
  nbOccurences: number;
}
interface Infos {
  id: string;
  cve: string;
  ackTime: string | null;
  ackComment: string;
}

let c: TestCenter;
let components: { id: string; flowsCount?: number }[];
beforeAll(async () => {
  c = await testCenter();
  components = await c.json3<{ id: string }[]>('/components?fields=id');
});
afterAll(() => c.close());

function countTags(rows: { tags: Tag[] }[]): Map<string, [number, boolean]> {
  const out = new Map<string, [number, boolean]>();
  for (const r of rows) for (const t of r.tags) out.set(t.id, [(out.get(t.id)?.[0] ?? 0) + 1, (out.get(t.id)?.[1] ?? false) || t.important]);
  return out;
}
const asCounts = (tags: DetailedTag[]) => new Map(tags.map((t) => [t.id, [t.nbOccurences, t.important] as [number, boolean]]));

describe('GET /components/{id}/flows/tags', () => {
  it('counts the tags of its flows: the union of GET /components/{id}/flows tags, with how many carry each', async () => {
    let counted = 0;
    for (const { id } of components) {
      const tags = await c.json3<DetailedTag[]>(`/components/${id}/flows/tags`);
      expectShape(DetailedTagsSchema, tags);
      expect(asCounts(tags), id).toEqual(countTags(await c.json3<Flow[]>(`/components/${id}/flows`)));
      if (tags.some((t) => t.nbOccurences > 1)) counted++;
    }
    expect(counted).toBeGreaterThan(5);
  });

  it('counts the flows active between from and to, as GET /components/{id}/flows keeps them', async () => {
    let best = { id: '', flows: [] as Flow[] };
    for (const { id } of components.slice(0, 60)) {
      const flows = await c.json3<Flow[]>(`/components/${id}/flows`);
      if (flows.length > best.flows.length) best = { id, flows };
    }
    const times = best.flows.map((f) => f.lastActivity).sort((a, b) => a - b);
    const from = times[Math.floor(times.length / 2)] as number;
    const inWindow = await c.json3<Flow[]>(`/components/${best.id}/flows?from=${from}`);
    expect(inWindow.length).toBeLessThan(best.flows.length);
    expect(asCounts(await c.json3<DetailedTag[]>(`/components/${best.id}/flows/tags?from=${from}`))).toEqual(countTags(inWindow));
  });

  it('answers 400 for a malformed id or time', async () => {
    expectError3(await c.v3('GET', '/components/x/flows/tags'), 400, /Invalid component id: "x" is not a UUID/);
    expectError3(await c.v3('GET', `/components/${components[0]?.id}/flows/tags?to=-1`), 400, /Invalid query parameter "to"/);
  });

  it('answers 404 for an unknown component', async () => {
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/flows/tags`), 404, new RegExp(`Component not found: ${UNKNOWN}`));
  });
});

describe('GET /components/{component_id}/vulnerabilities/{vulnerability_id}', () => {
  /** The vulnerable components, each with GET /components/{id}/vulnerabilities. */
  async function vulnerable(): Promise<{ id: string; rows: Infos[] }[]> {
    const out = [];
    for (const { id } of components) {
      const rows = await c.json3<Infos[]>(`/components/${id}/vulnerabilities`);
      if (rows.length > 0) out.push({ id, rows });
    }
    expect(out.length).toBeGreaterThan(2);
    return out;
  }

  it('answers the row of GET /components/{id}/vulnerabilities for that entry', async () => {
    for (const { id, rows } of await vulnerable()) {
      for (const row of rows) {
        const detail = await c.json3<Infos>(`/components/${id}/vulnerabilities/${row.id}`);
        expectShape(JsonVulnerabilityFullInfosSchema, detail);
        expect(detail).toEqual(row);
      }
    }
  });

  it("shows the device's acknowledgement of the CVE", async () => {
    const [{ id, rows }] = (await vulnerable()) as [{ id: string; rows: Infos[] }];
    const row = rows[0] as Infos;
    const device = (await c.json3<{ device: { id: string } | null }[]>(`/components/${id}`))[0]?.device;
    const res = await c.v3('PUT', '/vulnerability/acknowledge', { cve: row.cve, deviceIds: [device?.id ?? id], comment: 'Behind the DMZ' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = await c.json3<Infos>(`/components/${id.toUpperCase()}/vulnerabilities/${row.id}`);
    expect(detail.ackComment).toBe('Behind the DMZ');
    expect(detail.ackTime).not.toBeNull();
    expect(detail).toEqual((await c.json3<Infos[]>(`/components/${id}/vulnerabilities`)).find((r) => r.id === row.id));
  });

  it('answers 400 for a malformed component or vulnerability id', async () => {
    expectError3(await c.v3('GET', `/components/x/vulnerabilities/${UNKNOWN}`), 400, /Invalid component id: "x"/);
    expectError3(await c.v3('GET', `/components/${components[0]?.id}/vulnerabilities/x`), 400, /Invalid vulnerability id: "x"/);
  });

  it('answers 404 for an unknown component, an unknown entry, or an entry that does not match the component', async () => {
    const [{ id, rows }] = (await vulnerable()) as [{ id: string; rows: Infos[] }];
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/vulnerabilities/${rows[0]?.id}`), 404, /Component not found/);
    expectError3(await c.v3('GET', `/components/${id}/vulnerabilities/${UNKNOWN}`), 404, /Vulnerability not found/);
    const own = new Set(rows.map((r) => r.id));
    const other = (await c.json3<{ id: string }[]>('/vulnerabilities')).find((v) => !own.has(v.id)) as { id: string };
    expectError3(await c.v3('GET', `/components/${id}/vulnerabilities/${other.id}`), 404, new RegExp(`Vulnerability not found: ${other.id}`));
  });
});
