/**
 * GET /devices/{id}/activities, GET /devices/{id}/activities/tags and
 * GET /devices/{device_id}/vulnerabilities/{vulnerability_id} (API 3.0, issue 18).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonVulnerabilityFullInfosForDeviceSchema } from '../../../src/api/v3/schemas/vulnerability-infos.js';
import { DetailedTagsSchema } from '../../../src/api/v3/schemas/tags.js';
import { UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { expectOrder, expectPaging } from './lists.js';

interface Tag {
  id: string;
  important: boolean;
}
interface Activity {
  id: string;
  left: { id: string };
  right: { id: string };
  flowCount: number;
  tags: Tag[];
}
interface Device {
  id: string;
  components: { id: string }[];
}
interface Infos {
  id: string;
  cve: string;
  ackTime: string | null;
  ackAuthor: string;
  ackComment: string;
  [field: string]: unknown;
}
interface DetailedTag extends Tag {
  nbOccurences: number;
}

let c: TestCenter;
let activities: Activity[];
let devices: Device[];
/** The device whose components take part in the most activities. */
let busiest: { device: Device; activities: Activity[] };
beforeAll(async () => {
  c = await testCenter();
  activities = await c.json3<Activity[]>('/activities');
  devices = await c.json3<Device[]>('/devices');
  busiest = devices
    .map((device) => ({ device, activities: activitiesOf([device]) }))
    .reduce((a, b) => (b.activities.length > a.activities.length ? b : a));
});
afterAll(() => c.close());

/** The rows of GET /activities with one of these devices' components at an end. */
function activitiesOf(of: Device[]): Activity[] {
  const members = new Set(of.flatMap((d) => d.components.map((m) => m.id)));
  return activities.filter((a) => members.has(a.left.id) || members.has(a.right.id));
}

function countTags(rows: { tags: Tag[] }[]): Map<string, [number, boolean]> {
  const out = new Map<string, [number, boolean]>();
  for (const r of rows) for (const t of r.tags) out.set(t.id, [(out.get(t.id)?.[0] ?? 0) + 1, (out.get(t.id)?.[1] ?? false) || t.important]);
  return out;
}

describe('GET /devices/{id}/activities', () => {
  it('holds exactly the activities of GET /activities with one of its components at an end, in the same order', async () => {
    let some = 0;
    for (const d of devices) {
      const rows = await c.json3<Activity[]>(`/devices/${d.id}/activities`);
      expect(rows, d.id).toEqual(activitiesOf([d]));
      if (rows.length > 0) some++;
    }
    expect(some).toBeGreaterThan(10);
  });

  it("answers the activities of each device for ids joined with ';', each once", async () => {
    const [a, b] = [busiest.device, devices.find((d) => d.id !== busiest.device.id && activitiesOf([d]).length > 0) as Device];
    const rows = await c.json3<Activity[]>(`/devices/${a.id};${b.id.toUpperCase()}/activities`);
    expect(rows).toEqual(activitiesOf([a, b]));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('pages, sorts and filters as GET /activities does', async () => {
    const path = `/devices/${busiest.device.id}/activities`;
    expect(busiest.activities.length).toBeGreaterThan(6);
    await expectPaging(c, path, busiest.activities.length, 3);
    expectOrder((await c.json3<Activity[]>(`${path}?sort=flowCount:DESC`)).map((a) => a.flowCount), true);
    const tag = (busiest.activities.find((a) => a.tags.length > 0) as Activity).tags[0]?.id as string;
    expect(await c.json3<Activity[]>(`${path}?filter=tags:${tag}`)).toEqual(busiest.activities.filter((a) => a.tags.some((t) => t.id === tag)));
  });

  it('answers 400 for a malformed id or parameter', async () => {
    expectError3(await c.v3('GET', '/devices/x/activities'), 400, /Invalid device id: "x" is not a UUID/);
    expectError3(await c.v3('GET', `/devices/${busiest.device.id}/activities?size=0`), 400, /size/);
    expectError3(await c.v3('GET', `/devices/${busiest.device.id}/activities?filter=nope:1`), 400, /cannot filter on "nope"/);
  });

  it('answers 404 for an unknown device, alone or among known ones', async () => {
    expectError3(await c.v3('GET', `/devices/${UNKNOWN}/activities`), 404, new RegExp(`Device not found: ${UNKNOWN}`));
    expectError3(await c.v3('GET', `/devices/${busiest.device.id};${UNKNOWN}/activities`), 404, /Device not found/);
    // A component id is not a device id.
    expectError3(await c.v3('GET', `/devices/${busiest.device.components[0]?.id}/activities`), 404, /Device not found/);
  });
});

describe('GET /devices/{id}/activities/tags', () => {
  it('counts the tags of its activities: the union of GET /devices/{id}/activities tags, with how many carry each', async () => {
    let tagged = 0;
    for (const d of devices) {
      const tags = await c.json3<DetailedTag[]>(`/devices/${d.id}/activities/tags`);
      expectShape(DetailedTagsSchema, tags);
      expect(new Map(tags.map((t) => [t.id, [t.nbOccurences, t.important]])), d.id).toEqual(countTags(await c.json3<Activity[]>(`/devices/${d.id}/activities`)));
      if (tags.some((t) => t.nbOccurences > 1)) tagged++;
    }
    expect(tagged).toBeGreaterThan(2);
  });

  it("counts each activity once for ids joined with ';'", async () => {
    const two = devices.slice(0, 2) as [Device, Device];
    const tags = await c.json3<DetailedTag[]>(`/devices/${two[0].id};${two[1].id}/activities/tags`);
    expect(new Map(tags.map((t) => [t.id, [t.nbOccurences, t.important]]))).toEqual(countTags(activitiesOf(two)));
  });

  it('answers 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', '/devices/x/activities/tags'), 400, /Invalid device id: "x"/);
  });

  it('answers 404 for an unknown device', async () => {
    expectError3(await c.v3('GET', `/devices/${UNKNOWN}/activities/tags`), 404, /Device not found/);
  });
});

describe('GET /devices/{device_id}/vulnerabilities/{vulnerability_id}', () => {
  /** A device with a vulnerability that more than one of its components has, else any vulnerable device. */
  async function vulnerable(): Promise<{ device: Device; rows: Infos[]; affected: Map<string, string[]> }> {
    let any: { device: Device; rows: Infos[]; affected: Map<string, string[]> } | undefined;
    for (const device of devices) {
      const rows = await c.json3<Infos[]>(`/devices/${device.id}/vulnerabilities`);
      if (rows.length === 0) continue;
      const affected = new Map<string, string[]>();
      for (const m of device.components) for (const v of await c.json3<Infos[]>(`/components/${m.id}/vulnerabilities`)) affected.set(v.id, [...(affected.get(v.id) ?? []), m.id]);
      const found = { device, rows, affected };
      if ([...affected.values()].some((ids) => ids.length > 1)) return found;
      any ??= found;
    }
    if (!any) throw new Error('no vulnerable device');
    return any;
  }

  it("answers the row of GET /devices/{id}/vulnerabilities in Cisco's device form, not acknowledged", async () => {
    const { device, rows, affected } = await vulnerable();
    for (const { ackTime: _t, ackAuthor: _a, ackComment: _c, ...row } of rows) {
      const detail = await c.json3<Record<string, unknown>>(`/devices/${device.id}/vulnerabilities/${row.id}`);
      expectShape(JsonVulnerabilityFullInfosForDeviceSchema, detail);
      expect(detail).toEqual({ ...row, ack: [], isAllCmpAck: false });
      expect(affected.get(row.id)?.length).toBeGreaterThan(0);
    }
  });

  /** A vulnerable device of several components, its vulnerability matched on a second component too (earlier, for another reason); made once. */
  let made: Promise<{ device: Device; vid: string; components: string[] }> | undefined;
  const onTwoComponents = () => (made ??= matchTwice());
  async function matchTwice(): Promise<{ device: Device; vid: string; components: string[] }> {
    for (const device of devices.filter((d) => d.components.length > 1)) {
      const rows = await c.json3<Infos[]>(`/devices/${device.id}/vulnerabilities`);
      const row = rows[0];
      if (!row) continue;
      const own = new Set((await Promise.all(device.components.map((m) => c.json3<Infos[]>(`/components/${m.id}/vulnerabilities`)))).map((r, i) => (r.some((v) => v.id === row.id) ? device.components[i]?.id : undefined)));
      const other = device.components.find((m) => !own.has(m.id)) as { id: string };
      expect(c.store.vulnerabilities.match(other.id, row.id, Date.UTC(2020, 0, 1) * 1000, ['os-version'])).toBe(true);
      return { device, vid: row.id, components: device.components.map((m) => m.id).filter((id) => own.has(id) || id === other.id) };
    }
    throw new Error('no vulnerable device of several components');
  }

  it('merges the matches of its components: the earliest matching time, every reason', async () => {
    const { device, vid, components } = await onTwoComponents();
    expect(components.length).toBe(2);
    const detail = await c.json3<Infos & { matchingTime: string; reasons: string[] }>(`/devices/${device.id}/vulnerabilities/${vid}`);
    expect(detail.matchingTime).toBe('2020-01-01T00:00:00Z');
    expect(detail.reasons).toContain('os-version');
    expect(detail.reasons.length).toBeGreaterThan(1);
    const { ackTime: _t, ackAuthor: _a, ackComment: _c, ...row } = (await c.json3<Infos[]>(`/devices/${device.id}/vulnerabilities`)).find((r) => r.id === vid) as Infos;
    expect(detail).toEqual({ ...row, ack: [], isAllCmpAck: false });
  });

  it('lists the acknowledgement on each affected component once the device acknowledged the CVE', async () => {
    const { device, vid, components } = await onTwoComponents();
    const { cve } = await c.json3<Infos>(`/devices/${device.id}/vulnerabilities/${vid}`);
    const res = await c.v3('PUT', '/vulnerability/acknowledge', { cve, deviceIds: [device.id], comment: 'Patched in the last shutdown' });
    expect(res.statusCode, res.body).toBe(200);
    const row = (await c.json3<Infos[]>(`/devices/${device.id}/vulnerabilities`)).find((r) => r.id === vid) as Infos;
    expect(row.ackComment).toBe('Patched in the last shutdown');
    const detail = await c.json3<{ ack: unknown[]; isAllCmpAck: boolean }>(`/devices/${device.id}/vulnerabilities/${vid.toUpperCase()}`);
    expect(detail.isAllCmpAck).toBe(true);
    expect(detail.ack).toEqual(components.map((component) => ({ author: row.ackAuthor, comment: row.ackComment, time: row.ackTime, component })));
    expect(detail.ack.length).toBe(2);
  });

  it('answers 400 for a malformed device or vulnerability id', async () => {
    const { device, rows } = await vulnerable();
    expectError3(await c.v3('GET', `/devices/x/vulnerabilities/${rows[0]?.id}`), 400, /Invalid device id: "x"/);
    expectError3(await c.v3('GET', `/devices/${device.id}/vulnerabilities/x`), 400, /Invalid vulnerability id: "x"/);
  });

  it('answers 404 for an unknown device, an unknown vulnerability, or one that matches none of its components', async () => {
    const { device, rows } = await vulnerable();
    expectError3(await c.v3('GET', `/devices/${UNKNOWN}/vulnerabilities/${rows[0]?.id}`), 404, /Device not found/);
    expectError3(await c.v3('GET', `/devices/${device.id}/vulnerabilities/${UNKNOWN}`), 404, /Vulnerability not found/);
    const own = new Set(rows.map((r) => r.id));
    const other = (await c.json3<{ id: string }[]>('/vulnerabilities')).find((v) => !own.has(v.id)) as { id: string };
    expectError3(await c.v3('GET', `/devices/${device.id}/vulnerabilities/${other.id}`), 404, new RegExp(`Vulnerability not found: ${other.id}`));
  });
});
