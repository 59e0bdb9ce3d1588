/** GET /activities/{id}/flows and GET /activities/{id}/flows/tags (API 3.0, issue 18). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { DetailedTagsSchema } from '../../../src/api/v3/schemas/tags.js';
import { expectOrder, expectPaging } from './lists.js';

interface Tag {
  id: string;
  label: string;
  important: boolean;
}
interface Flow {
  id: string;
  left: { id: string };
  right: { id: string };
  firstActivity: number;
  lastActivity: number;
  dstPort: number;
  tags: Tag[];
}
interface Activity {
  id: string;
  left: { id: string };
  right: { id: string };
  flowCount: number;
}
interface DetailedTag extends Tag {
  nbOccurences: number;
  description: string;
}

let c: TestCenter;
let flows: Flow[];
let activities: Activity[];
/** The activity with the most flows. */
let busiest: Activity;
beforeAll(async () => {
  c = await testCenter();
  flows = await c.json3<Flow[]>('/flows');
  activities = await c.json3<Activity[]>('/activities');
  busiest = activities.reduce((a, b) => (b.flowCount > a.flowCount ? b : a));
});
afterAll(() => c.close());

/** The flows of GET /flows with one end in each set, in GET /flows's order. */
const between = (left: string[], right: string[]) =>
  flows.filter((f) => (left.includes(f.left.id) && right.includes(f.right.id)) || (right.includes(f.left.id) && left.includes(f.right.id)));

/** Tags counted over flows: id → [how many carry it, whether one carries it as important]. */
function countTags(rows: { tags: Tag[] }[]): Map<string, [number, boolean]> {
  const out = new Map<string, [number, boolean]>();
  for (const r of rows) for (const t of r.tags) out.set(t.id, [(out.get(t.id)?.[0] ?? 0) + 1, (out.get(t.id)?.[1] ?? false) || t.important]);
  return out;
}
const asCounts = (tags: DetailedTag[]) => new Map(tags.map((t) => [t.id, [t.nbOccurences, t.important] as [number, boolean]]));

/** An activity whose left end belongs to a device, with the device's components. */
async function deviceEnded(): Promise<{ activity: Activity; device: { id: string; components: { id: string }[] } }> {
  for (const activity of activities) {
    const component = await c.json3<{ device: { id: string } | null }[]>(`/components/${activity.left.id}`);
    const deviceId = component[0]?.device?.id;
    if (deviceId) return { activity, device: await c.json3(`/devices/${deviceId}`) };
  }
  throw new Error('no activity has a device at its left end');
}

describe('GET /activities/{id}/flows', () => {
  it("holds exactly the flows GET /flows gives between the activity's two ends, in its order, as many as its flowCount", async () => {
    expect(activities.length).toBeGreaterThan(10);
    for (const a of activities) {
      const rows = await c.json3<Flow[]>(`/activities/${a.id}/flows`);
      expect(rows, a.id).toEqual(between([a.left.id], [a.right.id]));
      expect(rows.length).toBe(a.flowCount);
    }
    expect(busiest.flowCount).toBeGreaterThan(6);
  });

  it('takes the ends in either order, and in upper case', async () => {
    const want = between([busiest.left.id], [busiest.right.id]).map((f) => f.id);
    expect((await c.json3<Flow[]>(`/activities/${busiest.right.id}_${busiest.left.id}/flows`)).map((f) => f.id)).toEqual(want);
    expect((await c.json3<Flow[]>(`/activities/${busiest.id.toUpperCase()}/flows`)).map((f) => f.id)).toEqual(want);
  });

  it("takes a device for an end: the flows between any of its components and the other end (Cisco's deviceId1_cmpId3)", async () => {
    const { activity, device } = await deviceEnded();
    const members = device.components.map((m) => m.id);
    const rows = await c.json3<Flow[]>(`/activities/${device.id}_${activity.right.id}/flows`);
    expect(rows).toEqual(between(members, [activity.right.id]));
    expect(rows.length).toBeGreaterThanOrEqual(activity.flowCount);
  });

  it("answers the flows of each activity for ids joined with ';'", async () => {
    const [a, b] = activities.slice(0, 2) as [Activity, Activity];
    const rows = await c.json3<Flow[]>(`/activities/${a.id};${b.id}/flows`);
    const want = new Set([...between([a.left.id], [a.right.id]), ...between([b.left.id], [b.right.id])].map((f) => f.id));
    expect(rows.map((f) => f.id).sort()).toEqual([...want].sort());
    expect(rows.map((f) => f.id)).toEqual(flows.filter((f) => want.has(f.id)).map((f) => f.id));
  });

  it('pages, sorts, filters and keeps a window as GET /flows does', async () => {
    const path = `/activities/${busiest.id}/flows`;
    await expectPaging(c, path, busiest.flowCount, 3);
    expectOrder((await c.json3<Flow[]>(`${path}?sort=lastActivity:DESC`)).map((f) => f.lastActivity), true);
    const own = between([busiest.left.id], [busiest.right.id]);
    const port = (own[0] as Flow).dstPort;
    expect(await c.json3<Flow[]>(`${path}?filter=dstPort:${port}`)).toEqual(own.filter((f) => f.dstPort === port));
    const times = own.map((f) => f.firstActivity).sort((x, y) => x - y);
    const [from, to] = [times[1] as number, times[times.length - 2] as number];
    const windowed = await c.json3<Flow[]>(`${path}?from=${from}&to=${to}`);
    const listed = await c.json3<Flow[]>(`/flows?from=${from}&to=${to}`);
    const ends = [busiest.left.id, busiest.right.id];
    expect(windowed).toEqual(listed.filter((f) => ends.includes(f.left.id) && ends.includes(f.right.id)));
    expect(windowed.length).toBeLessThan(own.length);
    const csv = await c.v3('GET', `${path}?format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\n').length).toBe(busiest.flowCount + 1);
  });

  it('answers 400 for a malformed id or parameter', async () => {
    expectError3(await c.v3('GET', '/activities/x/flows'), 400, /Invalid activity id: "x"/);
    expectError3(await c.v3('GET', `/activities/${UNKNOWN}_nope/flows`), 400, /Invalid activity id: "nope" is not a UUID/);
    expectError3(await c.v3('GET', `/activities/${busiest.id}/flows?size=0`), 400, /size/);
    expectError3(await c.v3('GET', `/activities/${busiest.id}/flows?sort=bytes`), 400, /cannot sort on "bytes"/);
  });

  it('answers 404 for an unknown end, or two known components without an activity', async () => {
    expectError3(await c.v3('GET', `/activities/${UNKNOWN}_${busiest.right.id}/flows`), 404, /Activity not found/);
    const ends = new Set(activities.map((a) => a.id));
    const ids = [...new Set(activities.flatMap((a) => [a.left.id, a.right.id]))].sort();
    const lone = ids.flatMap((x) => ids.filter((y) => x < y).map((y) => `${x}_${y}`)).find((id) => !ends.has(id)) as string;
    expect(between([lone.split('_')[0] as string], [lone.split('_')[1] as string])).toEqual([]);
    expectError3(await c.v3('GET', `/activities/${lone}/flows`), 404, /Activity not found/);
    expectError3(await c.v3('GET', `/activities/${busiest.id};${lone}/flows`), 404, /Activity not found/);
  });
});

describe('GET /activities/{id}/flows/tags', () => {
  it("counts the tags of the activity's flows: the union of GET /activities/{id}/flows's tags, with how many carry each", async () => {
    let tagged = 0;
    for (const a of activities) {
      const tags = await c.json3<DetailedTag[]>(`/activities/${a.id}/flows/tags`);
      expectShape(DetailedTagsSchema, tags);
      expect(asCounts(tags), a.id).toEqual(countTags(await c.json3<Flow[]>(`/activities/${a.id}/flows`)));
      expect(tags.map((t) => t.id)).toEqual(tags.map((t) => t.id).sort());
      if (tags.length > 0) tagged++;
    }
    expect(tagged).toBeGreaterThan(5);
  });

  it('describes each tag as the catalogue does', async () => {
    const catalogue = new Map((await c.json3<DetailedTag[]>('/tags')).map((t) => [t.id, t]));
    const tags = await c.json3<DetailedTag[]>(`/activities/${busiest.id}/flows/tags`);
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(t).toEqual({ ...catalogue.get(t.id), important: t.important, nbOccurences: t.nbOccurences });
  });

  it('counts the flows active between from and to, as GET /activities/{id}/flows keeps them', async () => {
    const own = between([busiest.left.id], [busiest.right.id]);
    const times = own.map((f) => f.lastActivity).sort((x, y) => x - y);
    const from = times[Math.floor(times.length / 2)] as number;
    const inWindow = await c.json3<Flow[]>(`/activities/${busiest.id}/flows?from=${from}`);
    expect(inWindow.length).toBeLessThan(own.length);
    expect(asCounts(await c.json3<DetailedTag[]>(`/activities/${busiest.id}/flows/tags?from=${from}`))).toEqual(countTags(inWindow));
    expect(await c.json3(`/activities/${busiest.id}/flows/tags?to=0`)).toEqual([]);
  });

  it('answers 400 for a malformed id or time', async () => {
    expectError3(await c.v3('GET', '/activities/x/flows/tags'), 400, /Invalid activity id: "x"/);
    expectError3(await c.v3('GET', `/activities/${busiest.id}/flows/tags?from=yesterday`), 400, /Invalid query parameter "from"/);
  });

  it('answers 404 for an unknown activity', async () => {
    expectError3(await c.v3('GET', `/activities/${UNKNOWN}_${UNKNOWN}/flows/tags`), 404, /Activity not found/);
  });
});
