/**
 * GET /api/3.0/presets/{preset_id}/visualisations/dashboard: each count equals what the preset's
 * lists give (networknode-list, activity-list, vulnerability-list, tag-list), in total and with
 * `from`/`to`; 400 for a bad id or time, 404 for an unknown preset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

let c: TestCenter;
/** The `default` world, built once when a test asks for it: every preset's counts against its lists. */
let world: TestCenter | undefined;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(async () => {
  await c.close();
  await world?.close();
});

interface Count {
  active: number;
  created: number;
  total: number;
}
interface Dashboard {
  activity: Count;
  credential: Count;
  device: Count;
  group: Count;
  orphanComponent: Count;
  plc: { created: number; total: number };
  riskScoreStats: { median: number };
  tag: { id: string; nbOccurences: number }[];
  variable: Count;
  vulnerability: Count & { deviceCount: number; orphanComponentCount: number };
}
interface Node {
  id: string;
  isDevice: boolean;
  riskScore: number;
  firstActivity: number;
  lastActivity: number;
  group: { id: string } | null;
  variablesCount: number;
  vulnerabilitiesCount: number;
}
interface Counters {
  id: string;
  credentialsCount: number;
  eventsCount: number;
}

/**
 * The `default` world with two presets more (a risk range left out, no external communication),
 * its presets, the counters of every device and component (GET /devices, /components), and four
 * windows: none, a `from` only, a `from` and `to` that cut the data, a `to` only.
 */
async function defaultWorld() {
  if (!world) {
    world = await testCenter('default');
    for (const p of [
      { label: 'Not low risk', filters: { riskScores: [{ operator: 'exclude', value: { id: 'low', min: 0, max: 30 } }] } },
      { label: 'No external communication', hasExternalCommunications: 'false' },
    ]) {
      const res = await world.v3('POST', '/presets', p);
      expect(res.statusCode, res.body).toBe(200);
    }
  }
  const w = world;
  const presets = await w.json3<{ id: string; label: string }[]>('/presets');
  const all = presets.find((p) => p.label === 'All data') as { id: string };
  const nodes = await w.json3<Node[]>(`/presets/${all.id}/visualisations/networknode-list`);
  const lasts = nodes.map((n) => n.lastActivity).sort((a, b) => a - b);
  const firsts = nodes.map((n) => n.firstActivity).sort((a, b) => a - b);
  const from = lasts[Math.floor(lasts.length / 3)] as number;
  const to = Math.max(firsts[Math.floor((firsts.length * 2) / 3)] as number, from + 3_600_000);
  const counters = new Map([...(await w.json3<Counters[]>('/devices')), ...(await w.json3<Counters[]>('/components'))].map((x) => [x.id, x]));
  return { w, presets, counters, from, windows: [{}, { from }, { from, to }, { to: firsts[Math.floor(firsts.length / 2)] as number }] };
}

const query = (win: { from?: number; to?: number }) => {
  const q = Object.entries(win).map(([k, v]) => `${k}=${v}`);
  return q.length > 0 ? `?${q.join('&')}` : '';
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** "All data", and a custom preset filtered on the PLC tag. */
let cached: [string, string][] | undefined;
async function presets(): Promise<[string, string][]> {
  if (cached) return cached;
  const all = (await c.json3<{ id: string; label: string }[]>('/presets')).find((p) => p.label === 'All data');
  if (!all) throw new Error('no All data preset');
  const PLC = { operator: 'include', value: { id: 'PLC', label: 'Controller', type: 'component' } };
  const res = await c.v3('POST', '/presets', { label: 'Dashboard of the PLCs', filters: { tags: [PLC] } });
  expect(res.statusCode, res.body).toBe(200);
  cached = [
    ['All data', all.id],
    ['a PLC preset', res.json<{ id: string }>().id],
  ];
  return cached;
}

const view = (id: string, name: string, query = '') => c.json3<unknown[]>(`/presets/${id}/visualisations/${name}${query}`);

describe('GET /presets/{preset_id}/visualisations/dashboard', () => {
  it('counts what the preset\'s lists give: devices and device-less components, activities, vulnerabilities, tags', async () => {
    for (const [what, id] of await presets()) {
      const d = await c.json3<Dashboard>(`/presets/${id}/visualisations/dashboard`);
      const nodes = (await view(id, 'networknode-list')) as Node[];
      const devices = nodes.filter((n) => n.isDevice);
      expect(devices.length, what).toBeGreaterThan(0);
      expect(d.device, what).toEqual({ total: devices.length, active: devices.length, created: devices.length });
      const orphans = nodes.length - devices.length;
      expect(d.orphanComponent, what).toEqual({ total: orphans, active: orphans, created: orphans });
      const activities = (await view(id, 'activity-list')).length;
      expect(activities, `${what}: ${d.activity.total}`).toBeGreaterThan(0);
      expect(d.activity.total, what).toBe(activities);
      expect(d.vulnerability.total, what).toBe((await view(id, 'vulnerability-list')).length);
      expect(d.tag, what).toEqual(await view(id, 'tag-list'));
      expect(d.tag.length, what).toBeGreaterThan(0);
      const scores = devices.map((n) => n.riskScore).sort((a, b) => a - b);
      const m = Math.floor(scores.length / 2);
      expect(d.riskScoreStats.median, what).toBe(scores.length % 2 ? scores[m] : ((scores[m - 1] ?? 0) + (scores[m] ?? 0)) / 2);
      expect(d.plc).toEqual({ created: 0, total: 0 });
    }
  });

  it('counts as `active` what the lists keep with `from`/`to`, as `created` those first seen in the window', async () => {
    const [[, all]] = (await presets()) as [[string, string]];
    const nodes = (await view(all, 'networknode-list')) as Node[];
    const times = nodes.map((n) => n.lastActivity).sort((a, b) => a - b);
    const from = times[Math.floor(times.length / 2)] ?? 0;
    const to = from + 3_600_000;
    const q = `?from=${from}&to=${to}`;
    const d = await c.json3<Dashboard>(`/presets/${all}/visualisations/dashboard${q}`);
    const kept = (await c.json3<Node[]>(`/presets/${all}/visualisations/networknode-list${q}`)).filter((n) => n.isDevice);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(d.device.total);
    expect(d.device.active).toBe(kept.length);
    expect(d.device.created).toBe(kept.filter((n) => n.firstActivity >= from).length);
    expect(d.activity.active).toBe((await view(all, 'activity-list', q)).length);
    expect(d.vulnerability.active).toBe((await view(all, 'vulnerability-list', q)).length);
    expect(d.tag).toEqual(await view(all, 'tag-list', q));
  });

  it('on the default world, answers for every preset and window what its lists give, count by count', async () => {
    const { w, presets, counters, windows } = await defaultWorld();
    const list = <T>(id: string, name: string, q = '') => w.json3<T[]>(`/presets/${id}/visualisations/${name}${q}`);
    const distinct = (ns: Node[]) => new Set(ns.flatMap((n) => (n.group ? [n.group.id] : []))).size;
    let cut = 0;
    for (const p of presets) {
      const nodes = await list<Node>(p.id, 'networknode-list');
      const activities = (await list<unknown>(p.id, 'activity-list')).length;
      const vulnerabilities = (await list<unknown>(p.id, 'vulnerability-list')).length;
      const credentials = nodes.reduce((k, n) => k + (counters.get(n.id)?.credentialsCount ?? Number.NaN), 0);
      const variables = nodes.reduce((k, n) => k + n.variablesCount, 0);
      for (const win of windows) {
        const q = query(win);
        const what = `${p.label} ${q}`;
        const d = await w.json3<Dashboard>(`/presets/${p.id}/visualisations/dashboard${q}`);
        const kept = await list<Node>(p.id, 'networknode-list', q);
        const created = kept.filter((n) => win.from === undefined || n.firstActivity >= win.from);
        const count = (every: Node[], active: Node[], first: Node[]) => ({ total: every.length, active: active.length, created: first.length });
        const devices = (ns: Node[]) => ns.filter((n) => n.isDevice);
        const orphans = (ns: Node[]) => ns.filter((n) => !n.isDevice);
        expect(d.device, what).toEqual(count(devices(nodes), devices(kept), devices(created)));
        expect(d.orphanComponent, what).toEqual(count(orphans(nodes), orphans(kept), orphans(created)));
        expect(d.group, what).toEqual({ total: distinct(nodes), active: distinct(kept), created: distinct(created) });
        expect(d.credential, what).toEqual({ total: credentials, active: credentials, created: credentials });
        expect(d.variable, what).toEqual({ total: variables, active: variables, created: variables });
        expect(d.riskScoreStats.median, what).toBe(median(devices(nodes).map((n) => n.riskScore)));
        const rows = await list<{ firstActivity: number }>(p.id, 'activity-list', q);
        expect(d.activity, what).toEqual({ total: activities, active: rows.length, created: rows.filter((a) => win.from === undefined || a.firstActivity >= win.from).length });
        const activeVulnerabilities = (await list<unknown>(p.id, 'vulnerability-list', q)).length;
        expect(d.vulnerability, what).toEqual({
          total: vulnerabilities,
          active: activeVulnerabilities,
          created: activeVulnerabilities,
          deviceCount: devices(nodes).filter((n) => n.vulnerabilitiesCount > 0).length,
          orphanComponentCount: orphans(nodes).filter((n) => n.vulnerabilitiesCount > 0).length,
        });
        expect(d.tag, what).toEqual(await list(p.id, 'tag-list', q));
        if (d.device.active > 0 && d.device.active < d.device.total && d.activity.created < d.activity.active) cut += 1;
      }
    }
    // The windows cut the data (some nodes and activities out, some first seen before `from`).
    expect(cut).toBeGreaterThan(presets.length);
  }, 300_000);

  it("counts a device's group as the list shows it, that of its first grouped component, when its components are in two groups", async () => {
    const [[, all]] = (await presets()) as [[string, string]];
    const nodes = (await view(all, 'networknode-list')) as Node[];
    // A device of two components or more whose group other nodes have too: one of its components
    // moved to a new group, either the device keeps its group or takes the new one, and the
    // number of groups changes with which.
    let moved: string | undefined;
    for (const n of nodes.filter((x) => x.isDevice && x.group !== null)) {
      const shared = nodes.some((x) => x.id !== n.id && x.group?.id === n.group?.id);
      const d = await c.json3<{ components: { id: string }[] }>(`/devices/${n.id}`);
      if (shared && d.components.length >= 2) {
        moved = d.components[1]?.id;
        break;
      }
    }
    expect(moved).toBeDefined();
    const g = await c.v3('POST', '/groups', { label: 'Dashboard group' });
    expect(g.statusCode, g.body).toBe(200);
    const res = await c.v3('PATCH', `/components/${moved}`, { op: 'set', path: '/group', value: [g.json<{ id: string }>().id] });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await view(all, 'networknode-list')) as Node[];
    const groups = new Set(after.flatMap((n) => (n.group ? [n.group.id] : [])));
    const d = await c.json3<Dashboard>(`/presets/${all}/visualisations/dashboard`);
    expect(d.group).toEqual({ total: groups.size, active: groups.size, created: groups.size });
  });

  it('answers 400 for an id that is not a UUID or a malformed time', async () => {
    expectError3(await c.v3('GET', '/presets/x/visualisations/dashboard'), 400, /preset id/);
    const [[, all]] = (await presets()) as [[string, string]];
    expectError3(await c.v3('GET', `/presets/${all}/visualisations/dashboard?from=yesterday`), 400, /"from"/);
  });

  it('answers 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/dashboard`), 404, /Preset not found/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/presets/${UNKNOWN}/visualisations/dashboard?token=${TOKEN}` }), 401);
  });
});

describe('GET /homepage/presets-highlights', () => {
  interface Highlight {
    id: string;
    label: string;
    categoryLabel: string;
    devices: number;
    orphans: number;
    vulnerabilities: number;
    events: number;
    riskScore: number;
    lastRefresh: number;
  }

  it('answers 404 while no preset is starred', async () => {
    // The shipped world stars some presets: take every star off.
    for (const p of await c.json3<{ id: string; operationalStarred: boolean; securityStarred: boolean }[]>('/presets')) {
      if (p.operationalStarred) expect((await c.v3('DELETE', `/presets/${p.id}/starring/operational`)).statusCode).toBe(200);
      if (p.securityStarred) expect((await c.v3('DELETE', `/presets/${p.id}/starring/security`)).statusCode).toBe(200);
    }
    expectError3(await c.v3('GET', '/homepage/presets-highlights'), 404, /Favorite presets not found/);
  });

  it('lists the starred presets, each with its dashboard\'s counts, by favoriteType and paged', async () => {
    const [[, all], [, plc]] = (await presets()) as [[string, string], [string, string]];
    expect((await c.v3('POST', `/presets/${all}/starring/operational`)).statusCode).toBe(200);
    expect((await c.v3('POST', `/presets/${plc}/starring/security`)).statusCode).toBe(200);
    const list = await c.json3<Highlight[]>('/homepage/presets-highlights');
    expect(list.map((h) => h.id).sort()).toEqual([all, plc].sort());
    for (const h of list) {
      const d = await c.json3<Dashboard>(`/presets/${h.id}/visualisations/dashboard`);
      const p = await c.json3<{ label: string; category: { label: string } }>(`/presets/${h.id}`);
      const info = await c.json3<{ lastRefresh: number }>(`/presets/${h.id}/dataInfo`);
      expect(h).toMatchObject({ label: p.label, categoryLabel: p.category.label, devices: d.device.total, orphans: d.orphanComponent.total, vulnerabilities: d.vulnerability.total, riskScore: d.riskScoreStats.median, lastRefresh: info.lastRefresh });
      expect(h.events).toBeGreaterThanOrEqual(0);
    }
    expect((await c.json3<Highlight[]>('/homepage/presets-highlights?favoriteType=operational')).map((h) => h.id)).toEqual([all]);
    expect((await c.json3<Highlight[]>('/homepage/presets-highlights?favoriteType=security')).map((h) => h.id)).toEqual([plc]);
    const pages = [...(await c.json3<Highlight[]>('/homepage/presets-highlights?page=1&size=1')), ...(await c.json3<Highlight[]>('/homepage/presets-highlights?page=2&size=1'))];
    expect(pages.map((h) => h.id)).toEqual(list.map((h) => h.id));
    expect(await c.json3<Highlight[]>('/homepage/presets-highlights?page=3&size=1')).toEqual([]);
  });

  it('on the default world, counts for every starred preset its nodes\' events and what its dashboard says', async () => {
    const { w, presets, counters } = await defaultWorld();
    for (const p of presets) expect((await w.v3('POST', `/presets/${p.id}/starring/security`)).statusCode).toBe(200);
    const highlights = await w.json3<Highlight[]>('/homepage/presets-highlights');
    expect(highlights.map((h) => h.id).sort()).toEqual(presets.map((p) => p.id).sort());
    for (const h of highlights) {
      const d = await w.json3<Dashboard>(`/presets/${h.id}/visualisations/dashboard`);
      const nodes = await w.json3<Node[]>(`/presets/${h.id}/visualisations/networknode-list`);
      const events = nodes.reduce((k, n) => k + (counters.get(n.id)?.eventsCount ?? Number.NaN), 0);
      expect(h, h.label).toMatchObject({ devices: d.device.total, orphans: d.orphanComponent.total, vulnerabilities: d.vulnerability.total, riskScore: d.riskScoreStats.median, events });
    }
    expect(highlights.some((h) => h.events > 0 && h.orphans > 0)).toBe(true);
  }, 120_000);

  it('answers 400 for an unknown favoriteType or a bad page', async () => {
    expectError3(await c.v3('GET', '/homepage/presets-highlights?favoriteType=mine'), 400, /"favoriteType"/);
    expectError3(await c.v3('GET', '/homepage/presets-highlights?size=0'), 400, /"size"/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/homepage/presets-highlights?token=${TOKEN}` }), 401);
  });
});

describe('GET /homepage/dashboard', () => {
  it('counts the whole Center: "All data"\'s dashboard, in total and with from/to, its devices those of GET /devices; no differences', async () => {
    const [[, all]] = (await presets()) as [[string, string]];
    for (const q of ['', '?from=1717171717171&to=1893456000000']) {
      const home = await c.json3<Dashboard & { differences: { total: number } }>(`/homepage/dashboard${q}`);
      const { differences, ...rest } = home;
      expect(differences).toEqual({ total: 0 });
      expect(rest).toEqual(await c.json3<Dashboard>(`/presets/${all}/visualisations/dashboard${q}`));
    }
    const home = await c.json3<Dashboard>('/homepage/dashboard');
    expect(home.device.total).toBe((await c.json3<unknown[]>('/devices')).length);
    expect(home.device.total).toBeGreaterThan(0);
  });

  it('answers 400 for a malformed time', async () => {
    expectError3(await c.v3('GET', '/homepage/dashboard?from=yesterday'), 400, /"from"/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/homepage/dashboard?token=${TOKEN}` }), 401);
  });
});
