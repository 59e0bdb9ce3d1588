/**
 * GET /group and /group/{id} (guide 5.4, 6.5.1, 6.5.2): every group with its components, each
 * member carrying the group's label. Over the `small` world plus the two fixture groups.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GroupSchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UNKNOWN, UTC_TIME, expectError, expectShape, ids, micros, testCenter } from '../../helpers.js';

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
