/**
 * GET /api/3.0/groups and /groups/{id}: one table and one id space with /api/1.0/group
 * (clients.md 1.3), the details consistent with the world, and the walk a client makes across
 * both surfaces (CDN group.py: list through 3.0, delete through 1.0).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { COLOR_HEX, criticalnessOf } from '../../../src/domain/group-appearance.js';
import type { GroupColor, IndustrialImpact } from '../../../src/domain/vocabulary.js';
import type { TagSet } from '../../../src/domain/types.js';
import { GroupSchema } from '../../../src/api/v3/schemas/common.js';
import { GroupDetailSchema } from '../../../src/api/v3/schemas/groups.js';

type Group = z.infer<typeof GroupSchema>;
type GroupDetail = z.infer<typeof GroupDetailSchema>;
interface V1Group {
  id: string;
  label: string;
  color: GroupColor;
  industrial_impact: IndustrialImpact;
  properties: { label: string; value: string }[];
  components: { id: string }[];
}

const GROUP_FIELDS = ['centerID', 'color', 'comments', 'criticalness', 'description', 'groupIds', 'id', 'label', 'locked', 'parentId'];
const DETAIL_FIELDS = [
  ...GROUP_FIELDS,
  'activitiesCount',
  'ancestors',
  'componentIds',
  'componentsTags',
  'deviceIds',
  'devicesCount',
  'eventsCount',
  'flowsTags',
  'userProperties',
  'vulnerabilitiesCount',
].sort();

let c: TestCenter;
let groups: Group[];
beforeAll(async () => {
  c = await testCenter();
  groups = await c.json3<Group[]>('/groups');
});
afterAll(() => c.close());

const detail = async (ids: string) => c.json3<GroupDetail[]>(`/groups/${ids}`);
const byId = (id: string) => groups.find((g) => g.id === id) as Group;
/** The union of tag sets, 'important' winning, as 3.0 lists them: {id, important} by key. */
function union(sets: TagSet[]): { id: string; important: boolean }[] {
  const all: TagSet = {};
  for (const s of sets) for (const [k, v] of Object.entries(s)) if (all[k] !== 'important') all[k] = v;
  return Object.keys(all)
    .sort()
    .map((id) => ({ id, important: all[id] === 'important' }));
}

describe('GET /groups', () => {
  it('lists every group, oldest first, with the fields of Cisco Group', async () => {
    expect(groups.map((g) => g.id)).toEqual(c.store.groups.summaries().map((g) => g.id));
    expect(groups.length).toBeGreaterThanOrEqual(5);
    expectShape(z.array(GroupSchema), groups);
    for (const g of groups) {
      expect(Object.keys(g).sort()).toEqual(GROUP_FIELDS);
      expect(g.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(Number.isInteger(g.criticalness)).toBe(true);
      expect(g.centerID).toBe(c.store.settings.get('center.id'));
    }
  });

  it('lists the groups of /api/1.0/group, with their ids, labels, and 1.0 colour and impact as #rrggbb and criticalness', async () => {
    const v1 = await c.json<V1Group[]>(`${API}/group`);
    expect(groups.map((g) => g.id).sort()).toEqual(v1.map((g) => g.id).sort());
    for (const g of v1) {
      const g3 = byId(g.id);
      expect(g3.label).toBe(g.label);
      expect(g3.color).toBe(COLOR_HEX[g.color]);
      expect(g3.criticalness).toBe(criticalnessOf(g.industrial_impact));
    }
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/groups?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('GET /groups/{id}', () => {
  it("answers an array of one GroupDetail: the group's fields, its components (those of 1.0), its user properties", async () => {
    for (const g of groups) {
      const [d, ...rest] = await detail(g.id);
      expect(rest).toEqual([]);
      expectShape(GroupDetailSchema, d);
      expect(Object.keys(d as GroupDetail).sort()).toEqual(DETAIL_FIELDS);
      const v1 = await c.json<V1Group>(`${API}/group/${g.id}`);
      expect(d).toMatchObject({ ...g, componentIds: v1.components.map((x) => x.id) });
      expect(d?.userProperties.map((p) => ({ label: p.label, value: p.value }))).toEqual(v1.properties.map((p) => ({ label: p.label, value: p.value })));
      expect(d?.userProperties).toEqual(c.store.userProperties.list('group', g.id).map((p) => ({ id: p.id, label: p.key, value: p.value })));
    }
    // The world holds groups with components and properties: the loop compared something.
    const details = await detail(groups.map((g) => g.id).join(';'));
    expect(details.some((d) => d.componentIds.length > 1 && d.userProperties.length > 1)).toBe(true);
  });

  it('counts what the world holds about its components: devices, activities, events, vulnerabilities, tags', async () => {
    const s = c.store;
    let seen = { devices: 0, activities: 0, events: 0, vulnerabilities: 0, flowTags: 0 };
    for (const [d] of await Promise.all(groups.map((g) => detail(g.id)))) {
      const g = d as GroupDetail;
      const members = g.componentIds.map((id) => s.components.get(id)).filter((x) => x !== undefined);
      expect(members).toHaveLength(g.componentIds.length);
      const devices = [...new Set(g.componentIds.map((id) => s.devices.ofComponent(id)?.id).filter((x) => x !== undefined))];
      expect(g.deviceIds).toEqual(devices);
      expect(g.devicesCount).toBe(devices.length);
      expect(g.activitiesCount).toBe(new Set(g.componentIds.flatMap((id) => (s.activities.ofComponent(id) ?? []).map((a) => a.id))).size);
      expect(g.eventsCount).toBe(s.events.page({ groups: [g.id], limit: 1_000_000, offset: 0, order: 'asc' }).length);
      expect(g.vulnerabilitiesCount).toBe(new Set(s.vulnerabilities.matchesOf(g.componentIds).map((m) => m.vulnerability.id)).size);
      expect(g.componentsTags.map((t) => ({ id: t.id, important: t.important }))).toEqual(union(members.map((m) => m.tags)));
      const flows = members.flatMap((m) => s.flows.ofComponent(s.components.rowid(m.id) as number, { limit: 1_000_000, offset: 0, order: 'asc' }));
      expect(g.flowsTags.map((t) => ({ id: t.id, important: t.important }))).toEqual(union(flows.map((f) => f.tags)));
      seen = {
        devices: seen.devices + g.devicesCount,
        activities: seen.activities + g.activitiesCount,
        events: seen.events + g.eventsCount,
        vulnerabilities: seen.vulnerabilities + g.vulnerabilitiesCount,
        flowTags: seen.flowTags + g.flowsTags.filter((t) => t.important).length,
      };
    }
    // Each count was non-zero somewhere: the comparisons above were not all of zeros.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });

  it("answers one GroupDetail per id joined with ';', in the order given", async () => {
    const order = groups.map((g) => g.id).reverse();
    expect((await detail(order.join(';'))).map((d) => d.id)).toEqual(order);
    const [a, b] = order as [string, string];
    expect((await detail(`${a};${b};${a}`)).map((d) => d.id)).toEqual([a, b, a]);
    // A trailing ';' adds nothing; ids are read without case.
    expect((await detail(`${a.toUpperCase()};`)).map((d) => d.id)).toEqual([a]);
  });

  it('lists its ancestors, parent first, and its parent its nested groups', async () => {
    const [top, middle, leaf] = groups.map((g) => g.id) as [string, string, string];
    expect(c.store.groups.setAttributes(middle, { parentId: top })).toBe('ok');
    expect(c.store.groups.setAttributes(leaf, { parentId: middle, locked: true })).toBe('ok');
    try {
      const [l, m, t] = await detail(`${leaf};${middle};${top}`);
      const ancestor = (g: GroupDetail | undefined, depth: number) => ({ id: g?.id, label: g?.label, color: g?.color, criticalness: g?.criticalness, locked: g?.locked, depth });
      expect(l?.ancestors).toEqual([ancestor(m, 1), ancestor(t, 2)]);
      expect(m?.ancestors).toEqual([ancestor(t, 1)]);
      expect(t?.ancestors).toEqual([]);
      expect([l?.parentId, m?.parentId, t?.parentId]).toEqual([middle, top, '']);
      expect([m?.groupIds, t?.groupIds]).toEqual([[leaf], [middle]]);
      expect(l?.locked).toBe(true);
      expect((await c.json3<Group[]>('/groups')).find((g) => g.id === leaf)?.parentId).toBe(middle);
    } finally {
      c.store.groups.setAttributes(leaf, { parentId: null, locked: false });
      c.store.groups.setAttributes(middle, { parentId: null });
    }
  });

  it('answers 404 naming every unknown id, and nothing of the known ones', async () => {
    const other = '00000000-0000-4000-8000-000000000001';
    const res = await c.v3('GET', `/groups/${groups[0]?.id};${UNKNOWN};${other}`);
    expectError3(res, 404, new RegExp(`^Groups not found: ${UNKNOWN}, ${other}$`));
    expectError3(await c.v3('GET', `/groups/${UNKNOWN}`), 404, new RegExp(`^Group not found: ${UNKNOWN}$`));
  });

  it('answers 400 naming a malformed id, alone or among good ones', async () => {
    expectError3(await c.v3('GET', '/groups/room-214'), 400, /Invalid group id: "room-214" is not a UUID/);
    expectError3(await c.v3('GET', `/groups/${groups[0]?.id};room-214`), 400, /"room-214"/);
    expectError3(await c.v3('GET', '/groups/;'), 400, /Invalid group id: ";"/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/groups/${groups[0]?.id}?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('a group walked across surfaces: listed by 3.0, read by both, deleted through 1.0', () => {
  let w: TestCenter;
  beforeAll(async () => {
    w = await testCenter();
  });
  afterAll(() => w.close());

  it('is the same group on both surfaces, and gone from 3.0 once 1.0 deletes it', async () => {
    const listed = await w.json3<Group[]>('/groups');
    const chosen = listed.find((g) => w.store.groups.componentIds(g.id)?.length) as Group;
    expect(chosen).toBeDefined();

    const v1 = await w.json<V1Group>(`${API}/group/${chosen.id}`);
    const [v3] = await w.json3<GroupDetail[]>(`/groups/${chosen.id}`);
    expect(v3?.id).toBe(v1.id);
    expect(v3?.label).toBe(v1.label);
    expect(v3?.componentIds).toEqual(v1.components.map((x) => x.id));
    expect(v3?.componentIds.length).toBeGreaterThan(0);

    const res = await w.send('DELETE', `${API}/group/${chosen.id}`);
    expect(res.statusCode, res.body).toBe(200);

    const after = await w.json3<Group[]>('/groups');
    expect(after.map((g) => g.id)).toEqual(listed.map((g) => g.id).filter((id) => id !== chosen.id));
    expectError3(await w.v3('GET', `/groups/${chosen.id}`), 404, new RegExp(chosen.id));
    // Its components stay, ungrouped.
    for (const id of v1.components.map((x) => x.id)) expect(w.store.components.get(id)?.groupId).toBeNull();
  });
});
