/**
 * Baselines of API 3.0 (Cisco's "Baselines"): made, read, edited and deleted through their
 * routes, their preset's list, the presets' `baselines`, a preset's `activeBaselineId`, and the
 * baseline's activity-list and component-list (the preset's rows now, with their differences).
 * 402 outside advantage mode, after the token. Each test gets its own Center.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API3, NOW, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { type Baseline, DRIVE, HMI, PLC, activityOf, allDataId, differences, flow, makeBaseline } from './baseline-fixtures.js';

let c: TestCenter;
let allData: string;
beforeEach(async () => {
  c = await testCenter();
  allData = await allDataId(c);
});
afterEach(() => c.close());

const NOW_MS = NOW / 1000;
const list = () => c.json3<Baseline[]>('/baselines');
const essentials = async () => expect((await c.control('PUT', '/_emulator/license', { mode: 'essentials' })).statusCode).toBe(200);

/** Every route documenting 402: 401 without a token first, then 402 in essentials mode. */
const GUARDED: [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown, number][] = [
  ['list', 'GET', '/baselines', undefined, 200],
  ['create', 'POST', '/baselines', { label: 'x', presetId: UNKNOWN }, 412],
  ['get', 'GET', `/baselines/${UNKNOWN}`, undefined, 404],
  ['patch', 'PATCH', `/baselines/${UNKNOWN}`, { label: 'y' }, 404],
  ['delete', 'DELETE', `/baselines/${UNKNOWN}`, undefined, 204],
  ['of a preset', 'GET', `/presets/${UNKNOWN}/baselines`, undefined, 404],
];

describe('advantage mode', () => {
  it.each(GUARDED)('%s: 401 without a token, then 402 in essentials mode, and its own answer again in advantage', async (_, method, path, body, status) => {
    await essentials();
    expectError3(await c.app.inject({ method, url: `${API3}${path}` }), 401, /no token was given/);
    expectError3(await c.v3(method, path, body), 402, /accessible only in advantage mode/);
    expect((await c.control('PUT', '/_emulator/license', { mode: 'advantage' })).statusCode).toBe(200);
    expect((await c.v3(method, path, body)).statusCode).toBe(status);
  });

  it('keeps nothing made in essentials mode', async () => {
    await essentials();
    expectError3(await c.v3('POST', '/baselines', { label: 'B', presetId: allData }), 402);
    await c.control('PUT', '/_emulator/license', { mode: 'advantage' });
    expect(await list()).toEqual([]);
  });
});

describe('POST /baselines', () => {
  it('records the preset now: no difference at first, read back by GET /baselines/{id} and GET /baselines', async () => {
    const b = await makeBaseline(c, { label: 'Line 1', description: 'At commissioning', presetId: allData });
    expect(b).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      label: 'Line 1',
      description: 'At commissioning',
      presetId: allData,
      creatorEmail: '',
      creationTime: NOW_MS,
      creationPeriodStart: 0,
      creationPeriodEnd: NOW_MS,
      lastEditTime: NOW_MS,
      lastScanTime: NOW_MS,
      nextScanTime: NOW_MS,
      status: 'active',
      countDifferences: { newComponent: 0, changedComponent: 0, newActivity: 0, changedActivity: 0 },
      componentLastDiffTime: 0,
      activityLastDiffTime: 0,
    });
    expect(await c.json3(`/baselines/${b.id}`)).toEqual(b);
    expect(await list()).toEqual([b]);
    expect(await differences(c, b.id)).toEqual([]);
  });

  it('takes `from` and `to` in ms or RFC 3339: what was not active in the period is not recorded', async () => {
    const [hmi, plc] = await flow(c, HMI, PLC, 2222);
    const before = await makeBaseline(c, { label: 'Before', presetId: allData, from: '0', to: new Date(NOW_MS - 3_600_000).toISOString() });
    expect([before.creationPeriodStart, before.creationPeriodEnd]).toEqual([0, NOW_MS - 3_600_000]);
    const now = await makeBaseline(c, { label: 'Now', presetId: allData, to: String(NOW_MS) });
    expect((await differences(c, now.id)).map((d) => d.type)).toEqual([]);
    // The plant made at NOW was not in the first period: it is new to that baseline.
    const diffs = await differences(c, before.id);
    expect(diffs.map((d) => [d.type, d.targetId]).sort()).toEqual(
      [
        ['newActivity', activityOf(hmi, plc)],
        ['newComponent', hmi],
        ['newComponent', plc],
      ].sort(),
    );
  });

  it.each([
    ['no label', { presetId: 'P' }, /"label": is mandatory/],
    ['an empty label', { label: '  ', presetId: 'P' }, /"label": must not be empty/],
    ['a label not a string', { label: 3, presetId: 'P' }, /"label": must be a string/],
    ['no preset', { label: 'x' }, /"presetId": is mandatory/],
    ['a bad `from`', { label: 'x', presetId: 'P', from: 'yesterday' }, /"from": "yesterday" is neither milliseconds since the epoch nor an RFC 3339 time/],
    ['a JSON array', [], /a JSON object is required/],
  ])('answers 400 to %s, and keeps nothing', async (_, body, message) => {
    const given = body as Record<string, unknown>;
    const b = Array.isArray(body) ? body : { ...given, ...(given.presetId === 'P' ? { presetId: allData } : {}) };
    expectError3(await c.v3('POST', '/baselines', b), 400, message);
    expect(await list()).toEqual([]);
  });

  it('answers 409 to a label another baseline has, without case', async () => {
    await makeBaseline(c, { label: 'Line 1', presetId: allData });
    expectError3(await c.v3('POST', '/baselines', { label: 'LINE 1', presetId: allData }), 409, /A baseline with the label "LINE 1" already exists/);
    expect(await list()).toHaveLength(1);
  });

  it.each([
    ['an unknown preset', () => ({ label: 'x', presetId: UNKNOWN }), /"presetId": no preset/],
    ['`from` after `to`', () => ({ label: 'x', presetId: allData, from: '2000', to: '1000' }), /"from": must not be after "to"/],
  ])('answers 412 to %s, and keeps nothing', async (_, body, message) => {
    expectError3(await c.v3('POST', '/baselines', body()), 412, message);
    expect(await list()).toEqual([]);
  });
});

describe('GET /baselines', () => {
  it('lists every baseline, oldest first, each with its differences counted now', async () => {
    expect(await list()).toEqual([]);
    const a = await makeBaseline(c, { label: 'A', presetId: allData });
    c.clock.advance(1_000_000);
    await flow(c, HMI, PLC, 2222);
    const b = await makeBaseline(c, { label: 'B', presetId: allData });
    const [la, lb] = await list();
    expect([la?.id, lb?.id]).toEqual([a.id, b.id]);
    expect(la?.countDifferences).toEqual({ newComponent: 2, changedComponent: 0, newActivity: 1, changedActivity: 0 });
    expect(la?.componentLastDiffTime).toBe(NOW_MS + 1_000);
    expect(lb?.countDifferences).toEqual({ newComponent: 0, changedComponent: 0, newActivity: 0, changedActivity: 0 });
  });
});

describe('GET /baselines/{id}', () => {
  it('answers 400 to an id that is not a UUID, 404 to an unknown one', async () => {
    expectError3(await c.v3('GET', '/baselines/x'), 400, /Invalid baseline id: "x" is not a UUID/);
    expectError3(await c.v3('GET', `/baselines/${UNKNOWN}`), 404, /Baseline not found/);
  });
});

describe('PATCH /baselines/{id}', () => {
  it('changes the label and the description given; lastEditTime is now', async () => {
    const b = await makeBaseline(c, { label: 'A', description: 'd', presetId: allData });
    c.clock.advance(5_000_000);
    const res = await c.v3('PATCH', `/baselines/${b.id}`, { label: 'A2' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Baseline>()).toMatchObject({ label: 'A2', description: 'd', lastEditTime: NOW_MS + 5_000, creationTime: NOW_MS });
    expect((await c.v3('PATCH', `/baselines/${b.id}`, { description: 'e' })).json<Baseline>()).toMatchObject({ label: 'A2', description: 'e' });
    expect(await c.json3(`/baselines/${b.id}`)).toMatchObject({ label: 'A2', description: 'e' });
  });

  it('answers 400 to an empty label, 404 to an unknown baseline, 409 to another baseline\'s label; nothing changes', async () => {
    const a = await makeBaseline(c, { label: 'A', presetId: allData });
    await makeBaseline(c, { label: 'B', presetId: allData });
    expectError3(await c.v3('PATCH', `/baselines/${a.id}`, { label: '' }), 400, /"label": must not be empty/);
    expectError3(await c.v3('PATCH', `/baselines/${UNKNOWN}`, { label: 'C' }), 404, /Baseline not found/);
    expectError3(await c.v3('PATCH', `/baselines/${a.id}`, { label: 'b' }), 409, /already exists/);
    expect((await c.v3('PATCH', `/baselines/${a.id}`, { label: 'a' })).statusCode).toBe(200);
    expect((await list()).map((b) => b.label)).toEqual(['a', 'B']);
  });
});

describe('DELETE /baselines/{id}', () => {
  it('deletes it (204), again is no error; its preset\'s settings name it no more', async () => {
    const b = await makeBaseline(c, { label: 'A', presetId: allData });
    expect((await c.v3('PUT', `/presets/${allData}/settings`, { activeBaselineId: b.id })).json()).toMatchObject({ activeBaselineId: b.id });
    const res = await c.v3('DELETE', `/baselines/${b.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectError3(await c.v3('GET', `/baselines/${b.id}`), 404);
    expect((await c.v3('DELETE', `/baselines/${b.id}`)).statusCode).toBe(204);
    expect(await c.json3(`/presets/${allData}/settings`)).toMatchObject({ activeBaselineId: '' });
  });

  it('answers 400 to an id that is not a UUID', async () => {
    expectError3(await c.v3('DELETE', '/baselines/x'), 400, /not a UUID/);
  });
});

describe('GET /presets/{preset_id}/baselines', () => {
  it("lists the preset's baselines only; a deleted preset takes its baselines with it", async () => {
    const custom = await c.v3('POST', '/presets', { label: 'Cell 1' });
    expect(custom.statusCode, custom.body).toBe(200);
    const cell = custom.json<{ id: string }>().id;
    const a = await makeBaseline(c, { label: 'A', presetId: allData });
    const b = await makeBaseline(c, { label: 'B', presetId: cell });
    expect((await c.json3<Baseline[]>(`/presets/${allData}/baselines`)).map((x) => x.id)).toEqual([a.id]);
    expect((await c.json3<Baseline[]>(`/presets/${cell}/baselines`)).map((x) => x.id)).toEqual([b.id]);
    expect((await c.v3('DELETE', `/presets/${cell}`)).statusCode).toBe(200);
    expectError3(await c.v3('GET', `/baselines/${b.id}`), 404);
    expect((await list()).map((x) => x.id)).toEqual([a.id]);
  });

  it('answers 400 to a bad preset id, 404 to an unknown preset', async () => {
    expectError3(await c.v3('GET', '/presets/x/baselines'), 400, /Invalid preset id/);
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/baselines`), 404, /Preset not found/);
  });
});

describe('GET /presets?baselines=true and the preset settings', () => {
  it("shows each preset's baselines when asked, in advantage mode only", async () => {
    const b = await makeBaseline(c, { label: 'A', presetId: allData });
    const find = (ps: { id: string; baselines: Baseline[] }[]) => ps.find((p) => p.id === allData)?.baselines;
    expect(find(await c.json3('/presets'))).toEqual([]);
    expect(find(await c.json3('/presets?baselines=true'))).toEqual([await c.json3(`/baselines/${b.id}`)]);
    await essentials();
    expect(find(await c.json3('/presets?baselines=true'))).toEqual([]);
  });

  it("takes one of the preset's baselines as `activeBaselineId`, not another preset's", async () => {
    const custom = (await c.v3('POST', '/presets', { label: 'Cell 1' })).json<{ id: string }>().id;
    const b = await makeBaseline(c, { label: 'A', presetId: custom });
    expectError3(await c.v3('PUT', `/presets/${allData}/settings`, { activeBaselineId: b.id }), 400, /has no baseline/);
    expect((await c.v3('PUT', `/presets/${custom}/settings`, { activeBaselineId: b.id.toUpperCase() })).json()).toMatchObject({ activeBaselineId: b.id });
  });
});

describe('GET /baselines/{id}/visualisations/activity-list and component-list', () => {
  async function changedPlant() {
    const [hmi, plc] = await flow(c, HMI, PLC, 2222);
    const b = await makeBaseline(c, { label: 'A', presetId: allData });
    c.clock.advance(60_000_000);
    const [, drive] = await flow(c, HMI, DRIVE, 2222);
    return { b, hmi, plc, drive };
  }

  it("lists GET /activities' rows, each with its differences and status", async () => {
    const { b, hmi, plc, drive } = await changedPlant();
    const rows = await c.json3<{ id: string; status: string; differences: { type: string }[]; newVariableAccess: number; flowCount: number }[]>(
      `/baselines/${b.id}/visualisations/activity-list`,
    );
    const activities = await c.json3<{ id: string; flowCount: number }[]>('/activities');
    expect(rows.map((r) => r.id)).toEqual(activities.map((a) => a.id));
    expect(rows.map(({ status: _, differences: __, newVariableAccess: ___, ...rest }) => rest)).toEqual(activities);
    expect(rows.every((r) => r.newVariableAccess === 0)).toBe(true);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(activityOf(hmi, drive))).toMatchObject({ status: 'new', differences: [{ type: 'newActivity' }] });
    expect(byId.get(activityOf(hmi, plc))).toMatchObject({ status: 'normal', differences: [] });
    expect(rows.filter((r) => r.status !== 'normal')).toHaveLength(1);
    const page = await c.json3<{ id: string }[]>(`/baselines/${b.id}/visualisations/activity-list?page=2&size=3`);
    expect(page.map((r) => r.id)).toEqual(rows.slice(3, 6).map((r) => r.id));
  });

  it("lists GET /components' rows, each with its differences and status; answered in essentials mode too (Cisco documents no 402)", async () => {
    const { b, drive } = await changedPlant();
    await essentials();
    const rows = await c.json3<{ id: string; status: string; differences: { type: string }[]; newVariableAccess: number }[]>(
      `/baselines/${b.id}/visualisations/component-list?sort=label`,
    );
    const components = await c.json3<{ id: string }[]>('/components?sort=label');
    expect(rows.map(({ status: _, differences: __, newVariableAccess: ___, ...rest }) => rest)).toEqual(components);
    expect(rows.every((r) => r.newVariableAccess === 0)).toBe(true);
    expect(rows.filter((r) => r.status !== 'normal').map((r) => [r.id, r.status, r.differences.map((d) => d.type)])).toEqual([[drive, 'new', ['newComponent']]]);
  });

  it('keeps to the preset: a custom preset\'s lists are its own lists', async () => {
    const presets = await c.json3<{ id: string; label: string }[]>('/presets');
    const cell = presets.find((p) => p.label === 'All Controllers')?.id as string;
    const b = await makeBaseline(c, { label: 'PLCs', presetId: cell });
    const rows = await c.json3<{ id: string }[]>(`/baselines/${b.id}/visualisations/component-list`);
    const own = await c.json3<{ id: string }[]>(`/presets/${cell}/visualisations/component-list`);
    expect(rows.map((r) => r.id)).toEqual(own.map((r) => r.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan((await c.json3<unknown[]>('/components')).length);
  });

  it('answers 400 to a bad id or parameter, 404 to an unknown baseline', async () => {
    expectError3(await c.v3('GET', '/baselines/x/visualisations/activity-list'), 400, /not a UUID/);
    expectError3(await c.v3('GET', `/baselines/${UNKNOWN}/visualisations/component-list`), 404, /Baseline not found/);
    expectError3(await c.v3('GET', `/baselines/${UNKNOWN}/visualisations/activity-list`), 404, /Baseline not found/);
    const b = await makeBaseline(c, { label: 'A', presetId: allData });
    expectError3(await c.v3('GET', `/baselines/${b.id}/visualisations/component-list?size=0`), 400, /"size"/);
  });
});
