/**
 * GET /api/3.0/presets/{preset_id}/visualisations/graph/{format}: the preset's networknode-list
 * as nodes and its activity-list as edges, in json, graphml, gexf and dot; XML well-formed with
 * escaped labels; an unknown format is a 400 naming `format`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

let c: TestCenter;
let all = '';
const LABEL = 'Pump <&"1">';
beforeAll(async () => {
  c = await testCenter();
  all = (await c.json3<{ id: string; label: string }[]>('/presets')).find((p) => p.label === 'All data')?.id ?? '';
  const [device] = await c.json3<{ id: string }[]>('/devices?page=1&size=1');
  expect((await c.v3('POST', `/devices/${device?.id}/label`, { name: LABEL })).statusCode).toBe(200);
});
afterAll(() => c.close());

/** A minimal XML well-formedness check: balanced elements, no raw `<` or bare `&` in text or attributes. */
function wellFormed(doc: string): boolean {
  const body = doc.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  const tokens = body.split(/(<[^>]*>)/);
  for (const t of tokens) {
    if (t.startsWith('<')) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(t) || /<[^<]*</.test(t)) return false;
      const m = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(t);
      if (!m) return false;
      if (m[1]) {
        if (stack.pop() !== m[2]) return false;
      } else if (!m[4]) stack.push(m[2] as string);
    } else if (/[<>]/.test(t) || /&(?!(amp|lt|gt|quot|apos);)/.test(t)) return false;
  }
  return stack.length === 0;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('GET /presets/{preset_id}/visualisations/graph/{format}', () => {
  it('json: the networknode-list as nodes, the activity-list as edges', async () => {
    const g = await c.json3<{ graph: { nodes: { data: { id: string; name: string } }[]; edges: { data: { id: string; source: string; target: string } }[] } }>(`/presets/${all}/visualisations/graph/json`);
    const nodes = await c.json3<{ id: string; label: string }[]>(`/presets/${all}/visualisations/networknode-list`);
    const acts = await c.json3<{ id: string }[]>(`/presets/${all}/visualisations/activity-list`);
    expect(nodes.length).toBeGreaterThan(0);
    expect(acts.length).toBeGreaterThan(0);
    expect(ids(g.graph.nodes.map((n) => n.data))).toEqual(ids(nodes));
    expect(ids(g.graph.edges.map((e) => e.data))).toEqual(ids(acts));
    expect(g.graph.nodes.map((n) => n.data.name)).toContain(LABEL);
    for (const e of g.graph.edges) expect(e.data.id).toBe(`${e.data.source}_${e.data.target}`);
  });

  it.each([['graphml'], ['gexf']])('%s: well-formed XML, every node and edge, the label escaped', async (f) => {
    const res = await c.v3('GET', `/presets/${all}/visualisations/graph/${f}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/xml/);
    expect(wellFormed(res.body)).toBe(true);
    expect(wellFormed('<a><b x="<&"/></a>')).toBe(false);
    expect(res.body).toContain('Pump &lt;&amp;&quot;1&quot;&gt;');
    const nodes = await c.json3<unknown[]>(`/presets/${all}/visualisations/networknode-list`);
    const acts = await c.json3<unknown[]>(`/presets/${all}/visualisations/activity-list`);
    expect(res.body.match(/<node /g)?.length).toBe(nodes.length);
    expect(res.body.match(/<edge /g)?.length).toBe(acts.length);
  });

  it('dot: an undirected graph with every node and edge, the label quoted', async () => {
    const res = await c.v3('GET', `/presets/${all}/visualisations/graph/dot`);
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('graph preset {\n') && res.body.endsWith('}\n')).toBe(true);
    expect(res.body).toContain('[label="Pump <&\\"1\\">"]');
    const acts = await c.json3<unknown[]>(`/presets/${all}/visualisations/activity-list`);
    expect(res.body.match(/ -- /g)?.length).toBe(acts.length);
  });

  it('answers 400 naming format for an unknown format, or for a malformed id', async () => {
    expectError3(await c.v3('GET', `/presets/${all}/visualisations/graph/svg`), 400, /"format": must be one of 'json'/);
    expectError3(await c.v3('GET', '/presets/x/visualisations/graph/json'), 400, /preset id/);
  });

  it('answers 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/graph/json`), 404, /Preset not found/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/presets/${UNKNOWN}/visualisations/graph/json?token=${TOKEN}` }), 401);
  });
});
