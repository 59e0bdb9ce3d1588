/**
 * GET /group and /group/{id} (guide 5.4, 6.5.1, 6.5.2): every group with its components, each
 * member carrying the group's label. Over the `small` world plus the two fixture groups.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GroupSchema } from '../../../src/api/v1/schemas.js';
import { API, NOW, TOKEN, type TestCenter, UNKNOWN, UTC_TIME, expectError, expectShape, ids, micros, testCenter } from '../../helpers.js';

type Group = z.infer<typeof GroupSchema>;

const GROUP_SIEMENS = '25b745dc-1d93-46ec-8bd8-c647a1d6a46e';
const SIEMENS_84_5B_A6 = '93b5cfca-77bb-5551-ad5f-e9443279c640';
const SIEMENS_192_168_0_10 = 'f36d4e1d-ef90-56b4-bd01-357bc5f4d299';
const UNGROUPED = 'd3ff2bf4-429a-4ff0-8533-4aa72f95bb9d'; // 6.3.9/6.3.10: starts outside any group

interface GroupFixture {
  id: string;
  label: string;
  components: string[];
}
const fixtures = JSON.parse(readFileSync(new URL('../../../fixtures/groups.json', import.meta.url), 'utf8')) as GroupFixture[];

let c: TestCenter;
let groups: Group[];

beforeAll(async () => {
  c = await testCenter();
  groups = await c.json<Group[]>(`${API}/group`);
});
afterAll(() => c.close());

describe('GET /api/1.0/group', () => {
  it('answers an array of groups in the Group shape', () => {
    expectShape(z.array(GroupSchema), groups);
    expect(groups.length).toBeGreaterThanOrEqual(fixtures.length);
    expect(new Set(ids(groups)).size).toBe(groups.length);
  });

  it('holds GROUP SIEMENS as guide 5.4 prints it', () => {
    const g = groups.find((x) => x.id === GROUP_SIEMENS);
    expect(g).toBeDefined();
    expect(g?.label).toBe('GROUP SIEMENS');
    expect(g?.description).toBe('');
    expect(g?.comments).toBe('');
    expect(g?.color).toBe('GRAY');
    expect(g?.industrial_impact).toBe('VERY_LOW');
    expect(g?.creation_time).toMatch(UTC_TIME);
    expect(micros(g?.creation_time ?? '')).toBe(micros('2016-02-17T11:47:39.198189+01:00'));
    expect(g?.properties).toHaveLength(1);
    const [p] = g?.properties ?? [];
    expect(p?.label).toBe('Location');
    expect(p?.value).toBe('Room 214');
    expect(p?.position).toBe(0);
    expect(micros(p?.last_update ?? '')).toBe(micros('2016-02-17T11:59:09.284025+01:00'));
  });

  it('holds the two components of GROUP SIEMENS with their guide values (5.4)', () => {
    const g = groups.find((x) => x.id === GROUP_SIEMENS);
    expect(ids(g?.components ?? []).sort()).toEqual([SIEMENS_84_5B_A6, SIEMENS_192_168_0_10]);
    const plc = g?.components.find((m) => m.id === SIEMENS_84_5B_A6);
    expect(plc).toMatchObject({
      ip: '192.168.0.1',
      mac: '00:0e:8c:84:5b:a6',
      name: 'Siemens 84:5b:a6',
      fw_version: '6ES7 315-2EH13-0AB0',
      hw_version: '3',
      serial_number: 'S C-V1R583472007',
      vendor_name: 'Siemens AG A&D ET',
      tags: { PLC: 'info' },
    });
    expect(plc?.properties?.['s7-modulename']).toBe('CPU 315-2 PN/DP');
    expect(micros(plc?.creation_time ?? '')).toBe(micros('2016-02-12T16:13:47.924038+01:00'));
    const other = g?.components.find((m) => m.id === SIEMENS_192_168_0_10);
    expect(other).toMatchObject({
      ip: '192.168.0.10',
      mac: '00:0e:8c:83:8b:ae',
      name: 'Siemens 192.168.0.10',
      vendor_name: 'Siemens AG A&D ET',
      properties: { 'name-vendorip': 'Siemens 192.168.0.10', vendor: 'Siemens AG A&D ET' },
    });
    expect(micros(other?.last_active_time ?? '')).toBe(micros('2016-02-12T16:13:47.970315+01:00'));
  });

  it('holds each fixture group with exactly its members', () => {
    for (const f of fixtures) {
      const g = groups.find((x) => x.id === f.id);
      expect(g?.label, f.id).toBe(f.label);
      expect(ids(g?.components ?? []).sort()).toEqual([...f.components].sort());
    }
  });

  it("gives every member of every group the group's label", () => {
    let members = 0;
    for (const g of groups) {
      for (const m of g.components) {
        expect(m.group, `${m.id} in ${g.label}`).toBe(g.label);
        members++;
      }
    }
    expect(members).toBeGreaterThan(fixtures.length);
  });

  it('puts a component in one group at most, and leaves d3ff2bf4 outside (6.3.9 adds it)', () => {
    const members = groups.flatMap((g) => ids(g.components));
    expect(new Set(members).size).toBe(members.length);
    expect(members).not.toContain(UNGROUPED);
  });

  it('answers each member as GET /component/{id} does', async () => {
    const g = groups.find((x) => x.id === GROUP_SIEMENS);
    for (const m of g?.components ?? []) expect(await c.json(`${API}/component/${m.id}`)).toEqual(m);
  });
});

describe('GET /api/1.0/group/{id}', () => {
  it('answers GROUP SIEMENS as the list does (guide 6.5.2)', async () => {
    const body = await c.json<Group>(`${API}/group/${GROUP_SIEMENS}`);
    expectShape(GroupSchema, body);
    expect(body).toEqual(groups.find((g) => g.id === GROUP_SIEMENS));
  });

  it('answers every group as the list does', async () => {
    for (const g of groups) expect(await c.json(`${API}/group/${g.id}`)).toEqual(g);
  });

  it('accepts the id in upper case', async () => {
    expect(await c.json(`${API}/group/${GROUP_SIEMENS.toUpperCase()}`)).toEqual(groups.find((g) => g.id === GROUP_SIEMENS));
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/group/room-214`), 400, /not a UUID/);
  });

  it('answers 404 for an unknown group', async () => {
    expectError(await c.get(`${API}/group/${UNKNOWN}`), 404, /not found/);
  });

  it('answers 404 for the id of a component, which is not a group', async () => {
    expectError(await c.get(`${API}/group/${SIEMENS_84_5B_A6}`), 404, /not found/);
  });
});

describe('group writes (guide 6.5.3–6.5.5), each on a fresh Center', () => {
  let w: TestCenter;
  /** Components outside any group: the ones a new group may take. */
  let free: string[];

  beforeEach(async () => {
    w = await testCenter();
    const all = await w.json<{ id: string; group?: string }[]>(`${API}/component?limit=2000`);
    free = all.filter((x) => x.group === undefined).map((x) => x.id);
    expect(free.length).toBeGreaterThan(5);
  });
  afterEach(() => w.close());

  const create = (body: unknown) => w.send('POST', `${API}/group`, body);
  const groupCount = async () => (await w.json<Group[]>(`${API}/group`)).length;
  const groupOf = async (id: string) => (await w.json<{ group?: string }>(`${API}/component/${id}`)).group;

  describe('POST /api/1.0/group', () => {
    it('answers the created Group with its components and creation time (guide 6.5.3)', async () => {
      const body = {
        label: 'Room 214',
        description: 'All the PLCs installed in Room 214 of Floor 1',
        comments: "Sentryo Sensor's in left servers rack",
        color: 'RED',
        components: [free[0], free[1]],
      };
      const res = await create(body);
      expect(res.statusCode, res.body).toBe(200);
      const g = res.json() as Group;
      expectShape(GroupSchema, g);
      expect(g.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(g).toMatchObject({ label: body.label, description: body.description, comments: body.comments, color: 'RED', properties: [] });
      expect(micros(g.creation_time)).toBe(NOW);
      expect(ids(g.components).sort()).toEqual([free[0], free[1]].sort());
      for (const m of g.components) expect(m.group).toBe('Room 214');
      expect(await w.json(`${API}/group/${g.id}`)).toEqual(g);
      expect(await groupOf(free[0] ?? '')).toBe('Room 214');
    });

    it('fills what is not given: empty texts, GRAY, VERY_LOW (the guide\'s sample group)', async () => {
      const g = (await create({ label: 'Minimal', components: [free[0]] })).json() as Group;
      expect(g).toMatchObject({ description: '', comments: '', color: 'GRAY', industrial_impact: 'VERY_LOW' });
    });

    it('takes industrial_impact, properties and a lower-case colour', async () => {
      const res = await create({ label: 'Line 2', color: 'green', industrial_impact: 'HIGH', properties: [{ label: 'Location', value: 'Hall B' }], components: [free[0]] });
      expect(res.statusCode, res.body).toBe(200);
      const g = res.json() as Group;
      expect(g.color).toBe('GREEN');
      expect(g.industrial_impact).toBe('HIGH');
      expect(g.properties).toEqual([{ position: 0, label: 'Location', value: 'Hall B', last_update: g.creation_time }]);
    });

    it('answers 309 when a listed component is already grouped, and creates nothing', async () => {
      const before = await groupCount();
      // The grouped component comes after two free ones: a half-done creation would show.
      const res = await create({ label: 'Halfway', components: [free[0], free[1], SIEMENS_84_5B_A6] });
      expectError(res, 309, new RegExp(`${SIEMENS_84_5B_A6} is already in a group`));
      expect(await groupCount()).toBe(before);
      expect(await groupOf(free[0] ?? '')).toBeUndefined();
      expect(await groupOf(free[1] ?? '')).toBeUndefined();
      expect((await w.json<Group[]>(`${API}/group`)).map((g) => g.label)).not.toContain('Halfway');
    });

    it('answers 409 when the label exists, compared without case, and creates nothing', async () => {
      const before = await groupCount();
      expectError(await create({ label: 'GROUP SIEMENS', components: [free[0]] }), 409, /GROUP SIEMENS/);
      expectError(await create({ label: 'group siemens', components: [free[0]] }), 409, /already exists/);
      expect(await groupCount()).toBe(before);
      expect(await groupOf(free[0] ?? '')).toBeUndefined();
    });

    it.each([
      ['a missing label', { components: ['x'] }, /"label"/],
      ['an empty label', { label: ' ', components: [UNKNOWN] }, /"label": must not be empty/],
      ['an unknown colour', { label: 'A', color: 'PURPLE', components: [UNKNOWN] }, /"color": must be one of LIGHTBLUE/],
      ['a missing component list', { label: 'A' }, /"components"/],
      ['an empty component list', { label: 'A', components: [] }, /"components": must hold at least one component id/],
      ['a component id that is not a UUID', { label: 'A', components: ['plc-1'] }, /must be a UUID/],
      ['an unknown field', { label: 'A', components: [UNKNOWN], owner: 'me' }, /owner/],
      ['an unknown industrial impact', { label: 'A', industrial_impact: 'HUGE', components: [UNKNOWN] }, /industrial_impact/],
    ])('answers 400 to %s', async (_, body, message) => {
      const before = await groupCount();
      expectError(await create(body), 400, message);
      expect(await groupCount()).toBe(before);
    });

    it('answers 400 naming the unknown component ids', async () => {
      const other = '11111111-1111-4111-8111-111111111111';
      expectError(await create({ label: 'A', components: [free[0], UNKNOWN, other] }), 400, new RegExp(`Unknown component ids: ${UNKNOWN}, ${other}`));
      expect(await groupOf(free[0] ?? '')).toBeUndefined();
    });

    it('answers 400 to a body that is not JSON', async () => {
      const res = await w.app.inject({ method: 'POST', url: `${API}/group?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: '{"label": "Room 214" "color": "RED"}' });
      expectError(res, 400, /JSON can't be properly parsed/);
    });

    it('gives exactly one 200 and nineteen 409 to twenty parallel creations with one label', async () => {
      const before = await groupCount();
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => create({ label: 'Race', components: [free[i % free.length]] })));
      expect(answers).toHaveLength(20);
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes.filter((s) => s === 200)).toHaveLength(1);
      expect(codes.filter((s) => s === 409)).toHaveLength(19);
      expect(await groupCount()).toBe(before + 1);
      expect((await w.json<Group[]>(`${API}/group`)).filter((g) => g.label === 'Race')).toHaveLength(1);
    });
  });

  describe('PUT /api/1.0/group/{id}', () => {
    const edit = (id: string, body: unknown) => w.send('PUT', `${API}/group/${id}`, body);

    it('answers an empty 200 and changes only the given fields (guide 6.5.4)', async () => {
      const before = await w.json<Group>(`${API}/group/${GROUP_SIEMENS}`);
      const res = await edit(GROUP_SIEMENS, { comments: "Sentryo Sensor's in right servers rack", color: 'PINK' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('');
      const after = await w.json<Group>(`${API}/group/${GROUP_SIEMENS}`);
      expect(after).toEqual({ ...before, comments: "Sentryo Sensor's in right servers rack", color: 'PINK' });
    });

    it('renames the group, and its components carry the new label', async () => {
      expect((await edit(GROUP_SIEMENS, { label: 'Siemens cell' })).statusCode).toBe(200);
      expect(await groupOf(SIEMENS_84_5B_A6)).toBe('Siemens cell');
      // Its own label in another case is not a conflict.
      expect((await edit(GROUP_SIEMENS, { label: 'SIEMENS CELL' })).statusCode).toBe(200);
    });

    it('edits industrial_impact and replaces the properties', async () => {
      expect((await edit(GROUP_SIEMENS, { industrial_impact: 'VERY_HIGH', properties: [{ label: 'Floor', value: '1' }, { label: 'Room', value: '214' }] })).statusCode).toBe(200);
      const g = await w.json<Group>(`${API}/group/${GROUP_SIEMENS}`);
      expect(g.industrial_impact).toBe('VERY_HIGH');
      expect(g.properties.map((p) => [p.position, p.label, p.value])).toEqual([[0, 'Floor', '1'], [1, 'Room', '214']]);
      expect(micros(g.properties[0]?.last_update ?? '')).toBe(NOW);
    });

    it('makes `components` the members from now on', async () => {
      expect((await edit(GROUP_SIEMENS, { components: [SIEMENS_84_5B_A6, free[0]] })).statusCode).toBe(200);
      const g = await w.json<Group>(`${API}/group/${GROUP_SIEMENS}`);
      expect(ids(g.components).sort()).toEqual([SIEMENS_84_5B_A6, free[0]].sort());
      expect(await groupOf(SIEMENS_192_168_0_10)).toBeUndefined();
    });

    it('answers 309 when a listed component is in another group, and changes nothing', async () => {
      const before = await w.json<Group>(`${API}/group/${GROUP_SIEMENS}`);
      const other = (await w.json<Group[]>(`${API}/group`)).find((g) => g.id !== GROUP_SIEMENS && g.components.length > 0);
      const taken = other?.components[0]?.id ?? '';
      expectError(await edit(GROUP_SIEMENS, { comments: 'changed', components: [free[0], taken] }), 309, new RegExp(taken));
      expect(await w.json(`${API}/group/${GROUP_SIEMENS}`)).toEqual(before);
    });

    it('answers 409 when another group has the label, and changes nothing', async () => {
      const before = await w.json<Group>(`${API}/group/${GROUP_SIEMENS}`);
      expectError(await edit(GROUP_SIEMENS, { label: 'grdf montreal (adsl)', color: 'RED' }), 409, /already exists/);
      expect(await w.json(`${API}/group/${GROUP_SIEMENS}`)).toEqual(before);
    });

    it('answers 400 to bad fields, a bad id or bad JSON, and 404 to an unknown group', async () => {
      expectError(await edit(GROUP_SIEMENS, { color: 'PURPLE' }), 400, /color/);
      expectError(await edit(GROUP_SIEMENS, { components: [] }), 400, /at least one/);
      expectError(await edit(GROUP_SIEMENS, { components: [UNKNOWN] }), 400, /Unknown component id/);
      expectError(await edit(GROUP_SIEMENS, { id: GROUP_SIEMENS }), 400, /id/);
      expectError(await edit('room-214', { color: 'RED' }), 400, /group id/);
      expectError(await edit(UNKNOWN, { color: 'RED' }), 404, /Group not found/);
      const res = await w.app.inject({ method: 'PUT', url: `${API}/group/${GROUP_SIEMENS}?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: '{' });
      expectError(res, 400, /JSON/);
    });
  });

  describe('DELETE /api/1.0/group/{id}', () => {
    it('explodes the group: it goes, its components stay, ungrouped (guide 6.5.5)', async () => {
      const before = await groupCount();
      const res = await w.send('DELETE', `${API}/group/${GROUP_SIEMENS}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('');
      expectError(await w.get(`${API}/group/${GROUP_SIEMENS}`), 404);
      expect(await groupCount()).toBe(before - 1);
      for (const id of [SIEMENS_84_5B_A6, SIEMENS_192_168_0_10]) {
        const m = await w.json<{ id: string; group?: string }>(`${API}/component/${id}`);
        expect(m.id).toBe(id);
        expect(m.group).toBeUndefined();
      }
      // The label is free again.
      expect((await create({ label: 'GROUP SIEMENS', components: [SIEMENS_84_5B_A6] })).statusCode).toBe(200);
    });

    it('drops the group from the filters of the 3.0 presets naming it, read back through GET /api/3.0/presets/{id}', async () => {
      const PLC = { operator: 'include', value: { id: 'PLC', label: 'Controller', type: 'component' } };
      const siemens = { operator: 'include', value: { id: GROUP_SIEMENS, label: 'GROUP SIEMENS' } };
      const other = groups.find((g) => g.id !== GROUP_SIEMENS) as Group;
      const kept = { operator: 'exclude', value: { id: other.id, label: other.label } };
      const res = await w.v3('POST', '/presets', { label: 'Siemens PLCs', filters: { groups: [siemens, kept], tags: [PLC] } });
      expect(res.statusCode, res.body).toBe(200);
      const preset = res.json<{ id: string; filters: Record<string, unknown[]> }>();
      expect((await w.send('DELETE', `${API}/group/${GROUP_SIEMENS}`)).statusCode).toBe(200);
      const after = await w.json3<{ filters: Record<string, unknown[]> }>(`/presets/${preset.id}`);
      expect(after).toEqual({ ...preset, filters: { ...preset.filters, groups: [kept] } });
    });

    it('answers 400 to a bad id and 404 to an unknown group', async () => {
      expectError(await w.send('DELETE', `${API}/group/x`), 400);
      expectError(await w.send('DELETE', `${API}/group/${UNKNOWN}`), 404);
    });
  });
});

describe('writes survive a restart on the same database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccv-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a created group, a custom name, an exploded group, a tag and a rule', async () => {
    const db = join(dir, 'center.db');
    const first = await testCenter('small', db);
    expect((await first.send('POST', `${API}/analyzer/tag`, { tag: 'KEPT', label: 'Kept tag' })).statusCode).toBe(200);
    const rule = { ports: ['4711'], actions: [{ name: 'TagFlow', params: { tag: 'KEPT', type: 'important', throw_admin_event: false } }] };
    const ruleRes = await first.send('POST', `${API}/analyzer/port/rule`, rule);
    expect(ruleRes.statusCode, ruleRes.body).toBe(200);
    const { id: ruleId } = ruleRes.json() as { id: string };
    const tag = await first.json(`${API}/analyzer/tag/KEPT`);
    const savedRule = await first.json(`${API}/analyzer/port/rule/${ruleId}`);
    const created = (await first.send('POST', `${API}/group`, { label: 'Kept', components: [UNGROUPED] })).json() as Group;
    expect((await first.send('PUT', `${API}/component/${SIEMENS_84_5B_A6}/custom-name`, { custom_name: 'Line PLC' })).statusCode).toBe(200);
    expect((await first.send('DELETE', `${API}/group/${GROUP_SIEMENS}`)).statusCode).toBe(200);
    await first.close();

    const second = await testCenter('small', db);
    try {
      expect(await second.json(`${API}/group/${created.id}`)).toEqual(created);
      const plc = await second.json<{ custom_name?: string; group?: string }>(`${API}/component/${SIEMENS_84_5B_A6}`);
      expect(plc.custom_name).toBe('Line PLC');
      expect(plc.group).toBeUndefined();
      expectError(await second.get(`${API}/group/${GROUP_SIEMENS}`), 404);
      expect(await second.json(`${API}/analyzer/tag/KEPT`)).toEqual(tag);
      expect(await second.json(`${API}/analyzer/port/rule/${ruleId}`)).toEqual(savedRule);
    } finally {
      await second.close();
    }
  });
});
