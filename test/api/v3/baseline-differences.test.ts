/**
 * Baseline differences of API 3.0 (Cisco's "BaselineDifferences"): a baseline of a plant made by
 * ingest, then an ingest after it (a changed vendor, a new Modbus conversation, a new drive); the
 * differences, one target's views of them, and the reviews (ack, nack, ignore, delete) read back
 * through the same routes. 402 outside advantage mode, after the token. Each test gets its own
 * Center.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API3, NOW, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { type Baseline, DRIVE, HMI, PLC, activityOf, allDataId, differences, flow, makeBaseline } from './baseline-fixtures.js';

let c: TestCenter;
let b: Baseline;
let hmi: string;
let plc: string;
let drive: string;
const LATER = NOW / 1000 + 60_000;

beforeEach(async () => {
  c = await testCenter();
  [hmi, plc] = await flow(c, HMI, PLC, 2222, { vendor: 'Acme' });
  b = await makeBaseline(c, { label: 'Commissioning', presetId: await allDataId(c) });
  c.clock.advance(60_000_000);
  await flow(c, HMI, PLC, 502, { vendor: 'Acme 2' });
  [, drive] = await flow(c, HMI, DRIVE, 2222);
});
afterEach(() => c.close());

const summary = async (id = b.id) => (await differences(c, id)).map((d) => [d.type, d.targetId, d.key]).sort();
const review = async (path: string, body?: unknown) => {
  const res = await c.v3('POST', path, body);
  expect(res.statusCode, res.body).toBe(204);
  expect(res.body).toBe('');
};
const EXPECTED = () =>
  [
    ['changedProperty', hmi, 'vendor'],
    ['newActivity', activityOf(hmi, drive), ''],
    ['newComponent', drive, ''],
    ['newTag', activityOf(hmi, plc), 'MODBUS'],
    ['newTag', plc, 'PLC'],
  ].sort();
const statusOf = async (id: string) =>
  (await c.json3<{ id: string; status: string }[]>(`/baselines/${b.id}/visualisations/${id.includes('_') ? 'activity' : 'component'}-list`)).find((r) => r.id === id)?.status;

describe('GET /baselines/{id}/differences', () => {
  it('lists what the ingest after the baseline changed, and the baseline counts them', async () => {
    expect(await summary()).toEqual(EXPECTED());
    const all = await differences(c, b.id);
    expect(all.find((d) => d.type === 'changedProperty')).toMatchObject({ baselineId: b.id, value: 'Acme 2', detectionTime: LATER, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await c.json3<Baseline>(`/baselines/${b.id}`)).countDifferences).toEqual({ newComponent: 1, changedComponent: 2, newActivity: 1, changedActivity: 1 });
  });

  it('answers 400 to a bad id, 404 to an unknown baseline', async () => {
    expectError3(await c.v3('GET', '/baselines/x/differences'), 400, /not a UUID/);
    expectError3(await c.v3('GET', `/baselines/${UNKNOWN}/differences`), 404, /Baseline not found/);
  });
});

describe('POST /baselines/{id}/differences/{action}', () => {
  it('ack: the baseline takes every difference in; a later change differs from what was acknowledged', async () => {
    await review(`/baselines/${b.id}/differences/ack`, { comment: 'expected after the upgrade' });
    expect(await summary()).toEqual([]);
    c.clock.advance(1_000_000);
    await flow(c, HMI, PLC, 502, { vendor: 'Acme 3' });
    const [changed] = await differences(c, b.id);
    expect(await summary()).toEqual([['changedProperty', hmi, 'vendor']]);
    const props = await c.json3<{ key: string; value: string; difference: { oldValue: string; id: string } }[]>(`/baselines/${b.id}/components/${hmi}/visualisations/property-list`);
    expect(props).toEqual([{ key: 'vendor', value: 'Acme 3', difference: expect.objectContaining({ id: changed?.id, oldValue: 'Acme 2', type: 'changedProperty' }) }]);
  });

  it('nack: the differences stay, their targets abnormal', async () => {
    await review(`/baselines/${b.id}/differences/nack`);
    expect(await summary()).toEqual(EXPECTED());
    expect(await statusOf(hmi)).toBe('abnormal');
    expect(await statusOf(activityOf(hmi, drive))).toBe('abnormal');
  });

  it('ignore: hidden while their values stay; a new value shows again', async () => {
    await review(`/baselines/${b.id}/differences/ignore`, {});
    expect(await summary()).toEqual([]);
    expect(await statusOf(hmi)).toBe('normal');
    c.clock.advance(1_000_000);
    await flow(c, HMI, PLC, 502, { vendor: 'Acme 3' });
    expect(await summary()).toEqual([['changedProperty', hmi, 'vendor']]);
  });

  it('answers 400 to an action it does not take or a bad body, 404 to an unknown baseline; nothing changes', async () => {
    expectError3(await c.v3('POST', `/baselines/${b.id}/differences/delete`, {}), 400, /"action": must be one of 'ack', 'nack', 'ignore'/);
    expectError3(await c.v3('POST', `/baselines/${b.id}/differences/ack`, { comment: 3 }), 400, /"comment": must be a string/);
    expectError3(await c.v3('POST', `/baselines/${UNKNOWN}/differences/ack`, {}), 404, /Baseline not found/);
    expect(await summary()).toEqual(EXPECTED());
  });
});

describe('GET /baselines/{baseline_id}/differences/{target}/{id}', () => {
  it('answers the component or the activity with its differences and status', async () => {
    const component = await c.json3<{ id: string; label: string; status: string; differences: { type: string; key: string; oldValue: string }[] }>(`/baselines/${b.id}/differences/components/${hmi}`);
    const [listed] = await c.json3<{ id: string; label: string }[]>(`/components?filter=id:${hmi}`);
    expect(component).toMatchObject({ ...listed, status: 'changed', differences: [{ type: 'changedProperty', key: 'vendor', oldValue: 'Acme' }] });
    const act = await c.json3<{ id: string; status: string; differences: { type: string; key: string }[] }>(`/baselines/${b.id}/differences/activities/${activityOf(hmi, plc).toUpperCase()}`);
    expect(act).toMatchObject({ id: activityOf(hmi, plc), status: 'changed', differences: [{ type: 'newTag', key: 'MODBUS' }] });
  });

  it('answers 404 to a target without differences or unknown, 400 to a bad target or id', async () => {
    await review(`/baselines/${b.id}/differences/ack`);
    expectError3(await c.v3('GET', `/baselines/${b.id}/differences/components/${hmi}`), 404, /Differences of the component not found/);
    expectError3(await c.v3('GET', `/baselines/${b.id}/differences/components/${UNKNOWN}`), 404, /not found in the baseline/);
    expectError3(await c.v3('GET', `/baselines/${b.id}/differences/devices/${hmi}`), 400, /"target": must be one of 'components', 'activities'/);
    expectError3(await c.v3('GET', `/baselines/${b.id}/differences/activities/${hmi}`), 400, /Invalid activity id/);
  });
});

describe('GET /baselines/{baseline_id}/{target}/{target_id}/visualisations/tag-list', () => {
  it('lists the tags the baseline does not hold, each with its difference', async () => {
    const tags = await c.json3<{ id: string; label: string; type: string; difference: { type: string; key: string } }[]>(`/baselines/${b.id}/activities/${activityOf(hmi, plc)}/visualisations/tag-list`);
    expect(tags.map((t) => [t.id, t.difference.type, t.difference.key])).toEqual([['MODBUS', 'newTag', 'MODBUS']]);
    const catalogue = await c.json3<{ id: string; label: string }[]>('/tags');
    expect(tags[0]?.label).toBe(catalogue.find((t) => t.id === 'MODBUS')?.label);
    expect((await c.json3<{ id: string }[]>(`/baselines/${b.id}/components/${plc}/visualisations/tag-list`)).map((t) => t.id)).toEqual(['PLC']);
    expect(await c.json3(`/baselines/${b.id}/components/${plc}/visualisations/tag-list?filter=key:HMI`)).toEqual([]);
    expect(await c.json3(`/baselines/${b.id}/components/${hmi}/visualisations/tag-list`)).toEqual([]);
  });

  it('answers 404 to a target neither the baseline nor its preset knows', async () => {
    expectError3(await c.v3('GET', `/baselines/${b.id}/components/${UNKNOWN}/visualisations/tag-list`), 404, /not found/);
    expectError3(await c.v3('GET', `/baselines/${b.id}/components/${hmi}/visualisations/tag-list?sort=nope`), 400, /"sort"/);
  });
});

describe('GET /baselines/{baseline_id}/components/{component_id}/visualisations/property-list', () => {
  it('lists the properties that differ, with the value the baseline holds', async () => {
    expect(await c.json3(`/baselines/${b.id}/components/${hmi}/visualisations/property-list`)).toEqual([
      { key: 'vendor', value: 'Acme 2', difference: expect.objectContaining({ type: 'changedProperty', key: 'vendor', value: 'Acme 2', oldValue: 'Acme', detection: LATER }) },
    ]);
    expect(await c.json3(`/baselines/${b.id}/components/${drive}/visualisations/property-list`)).toEqual([]);
    expectError3(await c.v3('GET', `/baselines/${b.id}/components/x/visualisations/property-list`), 400, /not a UUID/);
  });

  it('answers 404 to a component neither the baseline nor its preset knows, or an unknown baseline', async () => {
    expectError3(await c.v3('GET', `/baselines/${b.id}/components/${UNKNOWN}/visualisations/property-list`), 404, /Component not found in the baseline/);
    expectError3(await c.v3('GET', `/baselines/${UNKNOWN}/components/${hmi}/visualisations/property-list`), 404, /Baseline not found/);
  });
});

describe('GET /baselines/{baseline_id}/activities/{activity_id}/visualisations/variable-list', () => {
  it('lists the variable accesses the baseline does not hold: those of an activity whose variables it forgot', async () => {
    const all = await c.json3<{ id: string; variablesCount: number }[]>('/activities');
    const withVariables = all.find((a) => a.variablesCount > 0) as { id: string; variablesCount: number };
    expect(await c.json3(`/baselines/${b.id}/activities/${withVariables.id}/visualisations/variable-list`)).toEqual([]);
    await review(`/baselines/${b.id}/activities/${withVariables.id}/variables/delete`);
    const listed = await c.json3<{ id: string; name: string; accessType: string; types: string; client: { id: string }; difference: { type: string; key: string } }[]>(
      `/baselines/${b.id}/activities/${withVariables.id}/visualisations/variable-list`,
    );
    const ends = withVariables.id.split('_');
    expect(new Set(listed.map((v) => v.id)).size).toBe(withVariables.variablesCount);
    for (const v of listed) {
      expect(v.difference).toMatchObject({ type: 'newVariableAccess', key: `${v.id}/${v.client.id}/${v.accessType}` });
      expect(ends).toContain(v.client.id);
      expect(['read', 'write']).toContain(v.accessType);
    }
    // The variables are those GET /components/{id}/variables gives of the ends.
    const held = (await Promise.all(ends.map((e) => c.json3<{ id: string; label: string }[]>(`/components/${e}/variables`)))).flat();
    for (const v of listed) expect(held.find((h) => h.id === v.id)?.label).toBe(v.name);
    expect(listed.every((v) => v.types === '')).toBe(true);
  });

  it('answers 400 to an id that is not an activity\'s, 404 to an activity neither the baseline nor its preset knows', async () => {
    const path = (id: string) => `/baselines/${b.id}/activities/${id}/visualisations/variable-list`;
    expectError3(await c.v3('GET', path(hmi)), 400, /Invalid activity id/);
    expectError3(await c.v3('GET', path(`${hmi}_x`)), 400, /not a UUID/);
    expectError3(await c.v3('GET', path(`${hmi}_${UNKNOWN}`)), 404, /Activity not found in the baseline/);
    expectError3(await c.v3('GET', `${path(activityOf(hmi, plc))}?filter=nope:1`), 400, /"filter"/);
  });

  it('counts them in the rows: the activity\'s `newVariableAccess`, and each holder\'s (the end that is not the client)', async () => {
    const activity = await forgetVariables();
    const listed = await c.json3<{ id: string; client: { id: string } }[]>(`/baselines/${b.id}/activities/${activity}/visualisations/variable-list`);
    expect(listed.length).toBeGreaterThan(0);
    const rowOf = async (list: string, id: string) =>
      (await c.json3<{ id: string; newVariableAccess: number }[]>(`/baselines/${b.id}/visualisations/${list}-list`)).find((r) => r.id === id)?.newVariableAccess;
    expect(await rowOf('activity', activity)).toBe(listed.length);
    expect(await c.json3(`/baselines/${b.id}/differences/activities/${activity}`)).toMatchObject({ newVariableAccess: listed.length });
    for (const end of activity.split('_')) {
      const heldHere = listed.filter((v) => v.client.id !== end).length;
      expect(await rowOf('component', end)).toBe(heldHere);
      // The component alone shows them once it differs itself (a new property, by ingest).
      const [{ mac, ip }] = await c.json3<[{ mac: string; ip: string }]>(`/components/${end}`);
      expect((await flow(c, { mac, ip }, PLC, 2222, { firmware: 'V9.9' }))[0]).toBe(end);
      expect(await c.json3(`/baselines/${b.id}/differences/components/${end}`)).toMatchObject({ id: end, newVariableAccess: heldHere });
    }
  });
});

/** Makes the baseline forget the variable accesses of an activity of the seeded world that has some; answers its id. */
async function forgetVariables(): Promise<string> {
  const all = await c.json3<{ id: string; variablesCount: number }[]>('/activities');
  const withVariables = all.find((a) => a.variablesCount > 0) as { id: string };
  await review(`/baselines/${b.id}/activities/${withVariables.id}/variables/delete`);
  return withVariables.id;
}

describe('GET /baselines/{id}/{target}/{targetId}/visualisations/flow-list', () => {
  type Flow = { id: string; tags: { id: string }[] };
  it('lists every flow of a new activity, the flows with a new tag of a changed one, those of a component\'s activities', async () => {
    const newOne = await c.json3<Flow[]>(`/baselines/${b.id}/activities/${activityOf(hmi, drive)}/visualisations/flow-list`);
    expect(newOne.map((f) => f.id)).toEqual((await c.json3<Flow[]>(`/activities/${activityOf(hmi, drive)}/flows`)).map((f) => f.id));
    const changed = await c.json3<Flow[]>(`/baselines/${b.id}/activities/${activityOf(hmi, plc)}/visualisations/flow-list`);
    const between = await c.json3<Flow[]>(`/activities/${activityOf(hmi, plc)}/flows`);
    expect(between).toHaveLength(2);
    expect(changed.map((f) => f.id)).toEqual(between.filter((f) => f.tags.some((t) => t.id === 'MODBUS')).map((f) => f.id));
    expect(changed).toHaveLength(1);
    const ofHmi = await c.json3<Flow[]>(`/baselines/${b.id}/components/${hmi}/visualisations/flow-list`);
    expect(ofHmi.map((f) => f.id).sort()).toEqual([...newOne, ...changed].map((f) => f.id).sort());
    const tags = await c.json3<{ id: string; nbOccurences: number }[]>(`/baselines/${b.id}/components/${hmi}/visualisations/flow-list?prop=tags`);
    expect(tags.find((t) => t.id === 'MODBUS')?.nbOccurences).toBe(1);
    expect(await c.json3(`/baselines/${b.id}/components/${hmi}/visualisations/flow-list?size=1&page=3`)).toEqual([]);
  });

  it('lists the flows of a component with more than a thousand new activities (a scanner)', async () => {
    const scanner = { mac: '00:0e:8c:77:77:77', ip: '10.99.2.1' };
    const targets = Array.from({ length: 1_100 }, (_, i) => ({ mac: `02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`, ip: `10.98.${i >> 8}.${i & 255}` }));
    const res = await c.control('POST', '/_emulator/ingest/flows', {
      flows: targets.map((dst) => ({ src: { ...scanner, port: 50_000 }, dst: { ...dst, port: 22 }, ethertype: 'IPv4', protocol: 'TCP' })),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const [scannerId] = await flow(c, scanner, PLC, 2222);
    const flows = await c.json3<{ id: string }[]>(`/baselines/${b.id}/components/${scannerId}/visualisations/flow-list`);
    expect(flows).toHaveLength(1_101);
    expect(new Set(flows.map((f) => f.id))).toEqual(new Set((await c.json3<{ id: string }[]>(`/components/${scannerId}/flows`)).map((f) => f.id)));
  });

  it('answers 400 to a bad `prop`, 404 to an unknown target', async () => {
    expectError3(await c.v3('GET', `/baselines/${b.id}/components/${hmi}/visualisations/flow-list?prop=x`), 400, /"prop": must be 'tags'/);
    expectError3(await c.v3('GET', `/baselines/${b.id}/activities/${UNKNOWN}_${hmi}/visualisations/flow-list`), 404, /not found/);
  });
});

describe('POST /baselines/{baseline_id}/{target}/{target_id}/{diff_type}/{action}', () => {
  it('reviews one kind of a target\'s differences', async () => {
    await review(`/baselines/${b.id}/activities/${activityOf(hmi, plc)}/tags/ack`);
    expect(await summary()).toEqual(EXPECTED().filter(([type, target]) => !(type === 'newTag' && target === activityOf(hmi, plc))));
    await review(`/baselines/${b.id}/components/${hmi}/tags/ack`);
    expect(await summary()).toHaveLength(4);
  });

  it('allwithrelated: a component\'s differences with those of its activities', async () => {
    await review(`/baselines/${b.id}/components/${hmi}/allwithrelated/ignore`);
    expect(await summary()).toEqual([
      ['newComponent', drive, ''],
      ['newTag', plc, 'PLC'],
    ]);
  });

  it('allwithrelated: an activity\'s differences with those of its ends', async () => {
    await review(`/baselines/${b.id}/activities/${activityOf(hmi, plc)}/allwithrelated/ignore`);
    expect(await summary()).toEqual(
      [
        ['newActivity', activityOf(hmi, drive), ''],
        ['newComponent', drive, ''],
      ].sort(),
    );
  });

  it('a variable: the differing accesses to it, on whichever activity, and no other', async () => {
    const activity = await forgetVariables();
    const listed = async () => (await c.json3<{ id: string }[]>(`/baselines/${b.id}/activities/${activity}/visualisations/variable-list`)).map((v) => v.id);
    const before = await listed();
    expect(new Set(before).size).toBeGreaterThan(1);
    const variable = before[0] as string;
    await review(`/baselines/${b.id}/variables/${variable}/variables/ack`);
    const after = await listed();
    expect(after).not.toContain(variable);
    expect(after).toEqual(before.filter((v) => v !== variable));
  });

  it('delete with allwithrelated: the baseline forgets the activity and both its ends, which the world then shows as new', async () => {
    await review(`/baselines/${b.id}/activities/${activityOf(hmi, plc)}/allwithrelated/delete`);
    expect(await summary()).toEqual(
      [
        ['newActivity', activityOf(hmi, drive), ''],
        ['newActivity', activityOf(hmi, plc), ''],
        ['newComponent', drive, ''],
        ['newComponent', hmi, ''],
        ['newComponent', plc, ''],
      ].sort(),
    );
  });

  it('answers 400 to a delete narrowed by `id` or `accessType`, and forgets nothing', async () => {
    const [first] = await differences(c, b.id);
    expectError3(await c.v3('POST', `/baselines/${b.id}/components/${hmi}/all/delete`, { id: first?.id }), 400, /"id": delete forgets a kind/);
    expectError3(await c.v3('POST', `/baselines/${b.id}/activities/${activityOf(hmi, plc)}/variables/delete`, { accessType: 'read' }), 400, /"accessType": delete forgets a kind/);
    expect(await summary()).toEqual(EXPECTED());
  });

  it('narrows to the difference the body names; 404 when the target shows none such', async () => {
    const all = await differences(c, b.id);
    const drives = all.find((d) => d.targetId === drive) as { id: string };
    expectError3(await c.v3('POST', `/baselines/${b.id}/components/${hmi}/all/ack`, { id: drives.id }), 404, /Difference not found/);
    expect(await summary()).toEqual(EXPECTED());
    await review(`/baselines/${b.id}/components/${drive}/all/nack`, { id: drives.id, comment: 'unknown drive' });
    expect(await statusOf(drive)).toBe('abnormal');
  });

  it('delete drops the reviews of what it forgets, an ignore included, and keeps those of other kinds', async () => {
    await review(`/baselines/${b.id}/components/${hmi}/properties/nack`);
    await review(`/baselines/${b.id}/components/${plc}/tags/ignore`);
    expect(await summary()).not.toContainEqual(['newTag', plc, 'PLC']);
    await review(`/baselines/${b.id}/components/${plc}/tags/delete`);
    expect(await summary()).toContainEqual(['newTag', plc, 'PLC']);
    await review(`/baselines/${b.id}/components/${hmi}/tags/delete`);
    expect(await statusOf(hmi)).toBe('abnormal');
    expect(await summary()).toContainEqual(['changedProperty', hmi, 'vendor']);
  });

  it('delete: the baseline forgets the target, which the world then shows as new', async () => {
    await review(`/baselines/${b.id}/activities/${activityOf(hmi, plc)}/all/delete`);
    expect(await summary()).toEqual(
      [...EXPECTED().filter(([, target]) => target !== activityOf(hmi, plc)), ['newActivity', activityOf(hmi, plc), '']].sort(),
    );
  });

  it('answers 400 to a kind the target has not, a bad action or id; 404 to an unknown target or baseline', async () => {
    expectError3(await c.v3('POST', `/baselines/${b.id}/activities/${activityOf(hmi, plc)}/properties/ack`), 400, /activities have no properties differences/);
    expectError3(await c.v3('POST', `/baselines/${b.id}/components/${hmi}/tags/approve`), 400, /"action": must be one of/);
    expectError3(await c.v3('POST', `/baselines/${b.id}/variables/${UNKNOWN}/all/delete`), 400, /delete takes a component or an activity/);
    expectError3(await c.v3('POST', `/baselines/${b.id}/components/x/all/ack`), 400, /not a UUID/);
    expectError3(await c.v3('POST', `/baselines/${b.id}/components/${UNKNOWN}/all/ack`), 404, /not found/);
    expectError3(await c.v3('POST', `/baselines/${b.id}/variables/${UNKNOWN}/all/ack`), 404, /Variable not found/);
    expectError3(await c.v3('POST', `/baselines/${UNKNOWN}/components/${hmi}/all/ack`), 404, /Baseline not found/);
    expect(await summary()).toEqual(EXPECTED());
  });
});

describe('POST /differences/{id}/{action}', () => {
  it('reviews one difference of whichever baseline shows it', async () => {
    const [first, second] = await differences(c, b.id);
    await review(`/differences/${first?.id}/ignore`);
    await review(`/differences/${second?.id}/nack`, { comment: 'look at it' });
    const left = await differences(c, b.id);
    expect(left.map((d) => d.id)).not.toContain(first?.id);
    expect(left.map((d) => d.id)).toContain(second?.id);
    expect(await statusOf(second?.targetId as string)).toBe('abnormal');
  });

  it('answers 400 to a bad id, 404 to a difference no baseline shows', async () => {
    expectError3(await c.v3('POST', '/differences/x/ack'), 400, /not a UUID/);
    expectError3(await c.v3('POST', `/differences/${UNKNOWN}/ack`), 404, /Difference not found/);
  });
});

describe('POST /presets/baselines/differences/{action}', () => {
  it('reviews every difference of every baseline', async () => {
    const other = await makeBaseline(c, { label: 'Other', presetId: b.presetId, to: String(NOW / 1000 - 1) });
    expect((await differences(c, other.id)).length).toBeGreaterThan(0);
    await review('/presets/baselines/differences/ack');
    expect(await summary()).toEqual([]);
    expect(await summary(other.id)).toEqual([]);
  });

  it('answers 404 when there is no baseline, 400 to a bad action', async () => {
    expectError3(await c.v3('POST', '/presets/baselines/differences/maybe'), 400, /"action"/);
    expect((await c.v3('DELETE', `/baselines/${b.id}`)).statusCode).toBe(204);
    expectError3(await c.v3('POST', '/presets/baselines/differences/ack'), 404, /No baseline found/);
  });
});

describe('GET /homepage/dashboard: differences.total', () => {
  const total = async (q = '') => (await c.json3<{ differences: { total: number } }>(`/homepage/dashboard${q}`)).differences.total;

  it('counts every difference every baseline shows now, those detected in the window', async () => {
    expect(await total()).toBe((await differences(c, b.id)).length);
    const second = await makeBaseline(c, { label: 'Later', presetId: await allDataId(c), to: String(NOW / 1000) });
    const both = (await differences(c, b.id)).length + (await differences(c, second.id)).length;
    expect(both).toBeGreaterThan(EXPECTED().length);
    expect(await total()).toBe(both);
    expect(await total(`?from=${LATER + 1}`)).toBe(0);
    const [first] = await differences(c, b.id);
    await review(`/differences/${first?.id}/ignore`);
    expect(await total()).toBe(both - 1);
  });

  it('keeps the differences detected in the window: a change by its target\'s last activity, a new target by its first', async () => {
    c.clock.advance(60_000_000);
    await flow(c, { mac: '00:0e:8c:99:99:01', ip: '10.99.3.1' }, { mac: '00:0e:8c:99:99:02', ip: '10.99.3.2' }, 2222);
    const later = LATER + 60_000;
    // Two new components and their new activity, detected a minute after the others.
    expect(await total()).toBe(EXPECTED().length + 3);
    expect(await total(`?to=${LATER}`)).toBe(EXPECTED().length);
    expect(await total(`?from=${LATER + 1}`)).toBe(3);
    expect(await total(`?from=${later}&to=${later}`)).toBe(3);
    expect(await total(`?to=${LATER - 1}`)).toBe(0);
  });

  it('is 0 in essentials mode, where the baselines answer 402', async () => {
    expect(await total()).toBe(EXPECTED().length);
    expect((await c.control('PUT', '/_emulator/license', { mode: 'essentials' })).statusCode).toBe(200);
    expect(await total()).toBe(0);
  });
});

describe('advantage mode', () => {
  const routes = (): ['GET' | 'POST', string][] => [
    ['GET', `/baselines/${b.id}/differences`],
    ['POST', `/baselines/${b.id}/differences/ack`],
    ['GET', `/baselines/${b.id}/differences/components/${hmi}`],
    ['GET', `/baselines/${b.id}/components/${hmi}/visualisations/tag-list`],
    ['GET', `/baselines/${b.id}/components/${hmi}/visualisations/property-list`],
    ['GET', `/baselines/${b.id}/activities/${activityOf(hmi, plc)}/visualisations/variable-list`],
    ['GET', `/baselines/${b.id}/components/${hmi}/visualisations/flow-list`],
    ['POST', `/baselines/${b.id}/components/${hmi}/all/ack`],
    ['POST', `/differences/${UNKNOWN}/ack`],
    ['POST', '/presets/baselines/differences/ack'],
  ];

  it('every difference route: 401 without a token, then 402 in essentials mode; nothing reviewed', async () => {
    expect((await c.control('PUT', '/_emulator/license', { mode: 'essentials' })).statusCode).toBe(200);
    for (const [method, path] of routes()) {
      expectError3(await c.app.inject({ method, url: `${API3}${path}` }), 401, /no token was given/);
      expectError3(await c.v3(method, path), 402, /accessible only in advantage mode/);
    }
    await c.control('PUT', '/_emulator/license', { mode: 'advantage' });
    expect(await summary()).toEqual(EXPECTED());
  });
});
