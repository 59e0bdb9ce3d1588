/**
 * POST /api/3.0/presets/preview/visualisations/…: each preview answers exactly what its GET
 * counterpart answers for a preset saved (POST /presets) with the same payload and asked with the
 * same query; a preview stores nothing, and a bad body is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

type Payload = Record<string, unknown>;
const PLC = { operator: 'include', value: { id: 'PLC', label: 'Controller', type: 'component' } };
/** The payloads each preview is checked with: no filter at all, empty filters, a group, a tag, and several dimensions at once. */
function payloads(): [string, Payload][] {
  const group = c.store.groups.list().find((g) => g.components.length > 0);
  if (!group) throw new Error('no group with components');
  const groupFilter = { operator: 'include', value: { id: group.id, label: group.label } };
  return [
    ['an empty payload', {}],
    ['empty filters', { filters: { tags: [], groups: [], sensors: [], centers: [], networks: [], riskScores: [] } }],
    ['a group filter', { filters: { groups: [groupFilter] } }],
    ['a tag filter', { label: 'ignored', description: 'a PLC preset', filters: { tags: [PLC] } }],
    ['a tag excluded, a search and a tri-state', { filters: { tags: [{ ...PLC, operator: 'exclude' }] }, search: '1', groupless: 'false' }],
  ];
}

/** Everything a write could leave behind. */
const world = () => JSON.stringify([c.store.presets.list(), c.store.presets.categories(), c.store.presets.list().map((p) => c.store.presets.dataInfo(p.id))]);
let n = 0;
/** A preset saved with the payload (its own label: labels are unique). */
const save = async (payload: Payload) => {
  const res = await c.v3('POST', '/presets', { ...payload, label: `Previewed ${++n}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>().id;
};
const preview = (path: string, body: unknown) => c.v3('POST', `/presets/preview/visualisations/${path}`, body);
const saved = (id: string, path: string) => c.v3('GET', `/presets/${id}/visualisations/${path}`);

/**
 * Previews the payload, then saves it and asks the GET counterpart: both answers are the same
 * (status, type, body). Nothing is stored by the preview itself. Answers the preview's body.
 */
async function expectSameAsSaved(path: string, payload: Payload): Promise<string> {
  const before = world();
  const p = await preview(path, payload);
  expect(p.statusCode, p.body).toBe(200);
  expect(world()).toBe(before);
  const g = await saved(await save(payload), path);
  expect(g.statusCode, g.body).toBe(200);
  expect(p.headers['content-type']).toBe(g.headers['content-type']);
  expect(p.body).toBe(g.body);
  return p.body;
}

/** The ids of a JSON list answer. */
const rowIds = (body: string) => (JSON.parse(body) as { id: string }[]).map((r) => r.id);

describe('POST /presets/preview/visualisations/component-list', () => {
  it.each([['', 'every row'], ['?page=1&size=7&sort=label:desc&aggregated=false', 'a page'], ['?filter=label:a&from=0&to=99999999999999', 'filtered, in a window']])(
    'answers what the saved preset\'s GET answers, for each payload (%s: %s)',
    async (query) => {
      const sizes: number[] = [];
      for (const [, payload] of payloads()) sizes.push(rowIds(await expectSameAsSaved(`component-list${query}`, payload)).length);
      // The payloads keep different components (the comparisons are not all of empty lists).
      if (query === '') {
        expect(sizes[2]).toBeGreaterThan(0);
        expect(sizes[3]).toBeGreaterThan(0);
        expect(new Set(sizes).size).toBeGreaterThan(2);
      }
    },
  );

  it('takes neither `format` nor `fields` (Cisco lists neither for the preview): JSON rows, whole', async () => {
    const res = await preview('component-list?format=csv&fields=id', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys((res.json() as Record<string, unknown>[])[0] ?? {}).length).toBeGreaterThan(1);
  });

  it('answers 400 naming the bad field of the body, or the query; and stores nothing', async () => {
    const before = world();
    expectError3(await preview('component-list', { filters: { tags: 'PLC' } }), 400, /filters\.tags/);
    expectError3(await preview('component-list', { groupless: 'maybe' }), 400, /groupless/);
    expectError3(await preview('component-list', ['x']), 400, /object/);
    expectError3(await c.app.inject({ method: 'POST', url: `${API3}/presets/preview/visualisations/component-list`, headers: { 'x-token-id': TOKEN } }), 400);
    expectError3(await preview('component-list?sort=bogus', {}), 400, /sort/);
    expect(world()).toBe(before);
  });

  it('answers 404 for a group the filters name that the world lacks, as POST /presets does; and stores nothing', async () => {
    const before = world();
    const body = { filters: { groups: [{ operator: 'include', value: { id: UNKNOWN } }] } };
    expectError3(await preview('component-list', body), 404, new RegExp(`filters\\.groups: ${UNKNOWN}`));
    expectError3(await c.v3('POST', '/presets', { ...body, label: 'never saved' }), 404, new RegExp(`filters\\.groups: ${UNKNOWN}`));
    expect(world()).toBe(before);
  });

  it('makes no category: a payload naming a new one stores nothing', async () => {
    const before = world();
    expect((await preview('component-list', { category: 'Previewed category' })).statusCode).toBe(200);
    expect(world()).toBe(before);
  });

  it('answers 401 to ?token= alone', async () => {
    const res = await c.app.inject({ method: 'POST', url: `${API3}/presets/preview/visualisations/component-list?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: '{}' });
    expectError3(res, 401, /x-token-id/);
  });
});

describe('POST /presets/preview/visualisations/activity-list', () => {
  it.each([[''], ['?page=2&size=5&sort=flowCount:desc'], ['?from=0&to=99999999999999']])('answers what the saved preset\'s GET answers, for each payload (%s)', async (query) => {
    const sizes: number[] = [];
    for (const [, payload] of payloads()) sizes.push(rowIds(await expectSameAsSaved(`activity-list${query}`, payload)).length);
    if (query === '') expect(sizes[3]).toBeGreaterThan(0);
  });

  it('answers 400 for a bad body, and stores nothing', async () => {
    const before = world();
    expectError3(await preview('activity-list', { search: 12 }), 400, /search/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/networknode-list', () => {
  it.each([[''], ['?fields=id,isDevice,label&sort=label'], ['?page=1&size=4&format=csv'], ['?filter=isDevice:true']])(
    'answers what the saved preset\'s GET answers, for each payload (%s)',
    async (query) => {
      for (const [, payload] of payloads()) await expectSameAsSaved(`networknode-list${query}`, payload);
    },
  );

  it('takes no body (Cisco does not require one): every node, as "All data"', async () => {
    const all = c.store.presets.list().find((p) => p.label === 'All data');
    const res = await c.app.inject({ method: 'POST', url: `${API3}/presets/preview/visualisations/networknode-list`, headers: { 'x-token-id': TOKEN } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe((await saved(all?.id as string, 'networknode-list')).body);
    expect(rowIds(res.body).length).toBeGreaterThan(0);
  });

  it('answers 400 for a bad body or query, and stores nothing', async () => {
    const before = world();
    expectError3(await preview('networknode-list', { filters: { networks: [{ operator: 'include', value: { id: 'x' } }] } }), 400, /filters\.networks/);
    expectError3(await preview('networknode-list?fields=bogus', {}), 400, /fields/);
    expect(world()).toBe(before);
  });

  it('answers 404 for a group the filters name that the world lacks, and stores nothing', async () => {
    const before = world();
    const body = { filters: { groups: [{ operator: 'include', value: { id: UNKNOWN } }] } };
    expectError3(await preview('networknode-list', body), 404, new RegExp(`filters\\.groups: ${UNKNOWN}`));
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/vulnerability-list', () => {
  it.each([[''], ['?page=1&size=10&sort=cve'], ['?filter=CVSS:9.8']])('answers what the saved preset\'s GET answers, for each payload (%s)', async (query) => {
    const sizes: number[] = [];
    for (const [, payload] of payloads()) sizes.push(rowIds(await expectSameAsSaved(`vulnerability-list${query}`, payload)).length);
    if (query === '') expect(Math.max(...sizes)).toBeGreaterThan(0);
  });

  it('answers 400 for a bad body, and stores nothing', async () => {
    const before = world();
    expectError3(await preview('vulnerability-list', { componentTagless: true }), 400, /componentTagless/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/vulnerability-list/{vuln_id}/devices-ids', () => {
  it('answers what the saved preset\'s GET answers, for each payload and vulnerability', async () => {
    const vulns = [...new Set(rowIds((await preview('vulnerability-list', {})).body))].slice(0, 3);
    expect(vulns.length).toBeGreaterThan(0);
    let found = 0;
    for (const vuln of vulns) {
      for (const query of ['', '?from=0&to=99999999999999']) {
        for (const [, payload] of payloads()) found += (JSON.parse(await expectSameAsSaved(`vulnerability-list/${vuln}/devices-ids${query}`, payload)) as string[]).length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('answers 400 for a malformed vulnerability id or a bad body, 404 for an unknown vulnerability; and stores nothing', async () => {
    const before = world();
    expectError3(await preview('vulnerability-list/CVE-2021-22681/devices-ids', {}), 400, /vulnerability id/);
    expectError3(await preview(`vulnerability-list/${UNKNOWN}/devices-ids`, { filters: 3 }), 400, /filters/);
    expectError3(await preview(`vulnerability-list/${UNKNOWN}/devices-ids`, {}), 404, /Vulnerability not found/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/dashboard-security/{type}/list', () => {
  it.each([['dns', ''], ['http', '?page=1&size=3&sort=componentsCount:desc'], ['smb', '']])('answers what the saved preset\'s GET answers, for each payload (%s%s)', async (type, query) => {
    for (const [, payload] of payloads()) await expectSameAsSaved(`dashboard-security/${type}/list${query}`, payload);
  });

  it('answers 400 for an unknown type or a bad body, and stores nothing', async () => {
    const before = world();
    expectError3(await preview('dashboard-security/ftp/list', {}), 400, /type/);
    expectError3(await preview('dashboard-security/dns/list', { hasExternalCommunications: 'yes' }), 400, /hasExternalCommunications/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/dashboard-security/{type}/components', () => {
  it('answers what the saved preset\'s GET answers, for each payload and requested value', async () => {
    const values = (JSON.parse((await preview('dashboard-security/dns/list', {})).body) as { label: string }[]).map((v) => v.label).slice(0, 2);
    expect(values.length).toBeGreaterThan(0);
    let rows = 0;
    for (const value of values) {
      for (const [, payload] of payloads()) rows += rowIds(await expectSameAsSaved(`dashboard-security/dns/components?property-value=${encodeURIComponent(value)}&sort=requestsCount:desc`, payload)).length;
    }
    expect(rows).toBeGreaterThan(0);
  });

  it('answers 400 without property-value, or for a bad body; and stores nothing', async () => {
    const before = world();
    expectError3(await preview('dashboard-security/dns/components', {}), 400, /property-value/);
    expectError3(await preview('dashboard-security/dns/components?property-value=x', { category: 4 }), 400, /category/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/flow-list', () => {
  it.each([[''], ['?page=2&size=5&sort=lastActivity:desc'], ['?filter=protocol:TCP&from=0&to=99999999999999']])('answers what the saved preset\'s GET answers, for each payload (%s)', async (query) => {
    const sizes: number[] = [];
    for (const [, payload] of payloads()) sizes.push(rowIds(await expectSameAsSaved(`flow-list${query}`, payload)).length);
    if (query === '') {
      expect(sizes[3]).toBeGreaterThan(0);
      expect(new Set(sizes).size).toBeGreaterThan(2);
    }
  });

  it('takes no `format` (Cisco lists none for the preview): JSON rows', async () => {
    const res = await preview('flow-list?format=csv', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 400 for a bad body or query, 404 for an unknown group; and stores nothing', async () => {
    const before = world();
    expectError3(await preview('flow-list', { filters: { tags: 'PLC' } }), 400, /filters\.tags/);
    expectError3(await preview('flow-list?sort=bogus', {}), 400, /sort/);
    expectError3(await preview('flow-list', { filters: { groups: [{ operator: 'include', value: { id: UNKNOWN } }] } }), 404, /filters\.groups/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/dashboard-security/tagless-flows', () => {
  it.each([[''], ['?page=1&size=3&sort=firstActivity']])('answers what the saved preset\'s GET answers, for each payload (%s)', async (query) => {
    const sizes: number[] = [];
    for (const [, payload] of payloads()) sizes.push(rowIds(await expectSameAsSaved(`dashboard-security/tagless-flows${query}`, payload)).length);
    if (query === '') expect(Math.max(...sizes)).toBeGreaterThan(0);
  });

  it('answers 400 for a bad body, and stores nothing', async () => {
    const before = world();
    expectError3(await preview('dashboard-security/tagless-flows', { groupless: 'maybe' }), 400, /groupless/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/tag-list', () => {
  it.each([[''], ['?type=component'], ['?type=flow&from=0&to=99999999999999']])('answers what the saved preset\'s GET answers, for each payload (%s)', async (query) => {
    const sizes: number[] = [];
    for (const [, payload] of payloads()) sizes.push(rowIds(await expectSameAsSaved(`tag-list${query}`, payload)).length);
    expect(Math.max(...sizes)).toBeGreaterThan(0);
  });

  it('answers 400 for an unknown type or a bad body, and stores nothing', async () => {
    const before = world();
    expectError3(await preview('tag-list?type=device', {}), 400, /type/);
    expectError3(await preview('tag-list', { search: 3 }), 400, /search/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/dashboard-security/{type}/counts', () => {
  it.each([['dns', ''], ['http', '?from=0'], ['smb', '']])('answers what the saved preset\'s GET answers, for each payload (%s%s)', async (type, query) => {
    let values = 0;
    for (const [, payload] of payloads()) values += (JSON.parse(await expectSameAsSaved(`dashboard-security/${type}/counts${query}`, payload)) as { top: unknown[] }).top.length;
    if (type === 'dns') expect(values).toBeGreaterThan(0);
  });

  it('answers 400 for an unknown type or a bad body, and stores nothing', async () => {
    const before = world();
    expectError3(await preview('dashboard-security/ftp/counts', {}), 400, /type/);
    expectError3(await preview('dashboard-security/dns/counts', { filters: [] }), 400, /filters/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/vulnerability-list/{vuln_id}/orphans-ids', () => {
  it('answers what the saved preset\'s GET answers, for each payload and vulnerability', async () => {
    const orphan = (c.store.devices.orphans()[0] as { id: string }).id;
    // The seeded plants match no component without a device: one is made vulnerable here.
    const all = c.store.presets.list().find((p) => p.label === 'All data') as Parameters<typeof c.store.scopes.ofPreset>[0];
    const vuln = (c.store.vulnerabilities.matchesOf(c.store.scopes.ofPreset(all))[0] as { vulnerability: { id: string } }).vulnerability.id;
    expect(c.store.vulnerabilities.match(orphan, vuln, NOW, ['model-ref'])).toBe(true);
    let found = 0;
    for (const query of ['', '?from=0&to=99999999999999']) {
      for (const [, payload] of payloads()) found += (JSON.parse(await expectSameAsSaved(`vulnerability-list/${vuln}/orphans-ids${query}`, payload)) as string[]).length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('answers 400 for a malformed vulnerability id or a bad body, 404 for an unknown vulnerability; and stores nothing', async () => {
    const before = world();
    expectError3(await preview('vulnerability-list/CVE-2021-22681/orphans-ids', {}), 400, /vulnerability id/);
    expectError3(await preview(`vulnerability-list/${UNKNOWN}/orphans-ids`, { filters: 3 }), 400, /filters/);
    expectError3(await preview(`vulnerability-list/${UNKNOWN}/orphans-ids`, {}), 404, /Vulnerability not found/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/dashboard', () => {
  it.each([[''], ['?from=1717171717171&to=1893456000000']])('answers what the saved preset\'s GET answers, for each payload (%s)', async (query) => {
    let devices = 0;
    for (const [, payload] of payloads()) devices += (JSON.parse(await expectSameAsSaved(`dashboard${query}`, payload)) as { device: { total: number } }).device.total;
    expect(devices).toBeGreaterThan(0);
  });

  it('answers 400 for a bad body or time, 404 for an unknown group; and stores nothing', async () => {
    const before = world();
    expectError3(await preview('dashboard', { filters: { tags: 'PLC' } }), 400, /filters\.tags/);
    expectError3(await preview('dashboard?to=tomorrow', {}), 400, /"to"/);
    expectError3(await preview('dashboard', { filters: { groups: [{ operator: 'include', value: { id: UNKNOWN, label: 'x' } }] } }), 404, /Group not found/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/preview/visualisations/graph/{format}', () => {
  it.each([['json'], ['graphml'], ['gexf'], ['dot']])('answers what the saved preset\'s GET answers, for each payload (%s)', async (f) => {
    let size = 0;
    for (const [, payload] of payloads()) size += (await expectSameAsSaved(`graph/${f}`, payload)).length;
    expect(size).toBeGreaterThan(0);
  });

  it('answers 400 for an unknown format or a bad body, 404 for an unknown group; and stores nothing', async () => {
    const before = world();
    expectError3(await preview('graph/svg', {}), 400, /"format"/);
    expectError3(await preview('graph/json', { filters: { tags: 'PLC' } }), 400, /filters\.tags/);
    expectError3(await preview('graph/json', { filters: { groups: [{ operator: 'include', value: { id: UNKNOWN, label: 'x' } }] } }), 404, /Group not found/);
    expect(world()).toBe(before);
  });
});
