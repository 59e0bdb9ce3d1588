/**
 * The component write routes (guide 6.3.3, 6.3.4, 6.3.7–6.3.10, 6.3.14) over the `small` world
 * and the guide's fixtures. Each describe gets its own Center, so writes do not leak.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ComponentSchema } from '../../../src/api/v1/schemas.js';
import { API, TOKEN, type TestCenter, UNKNOWN, expectError, expectShape, testCenter } from '../../helpers.js';

type Component = z.infer<typeof ComponentSchema>;

const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1'; // 5.2, 6.3.3
const CISCO = '9485b49a-39fc-5834-ba14-436e9de26c1b'; // 6.3.7, in "GRdF Montreal (ADSL)"
const GROUP_SIEMENS = '25b745dc-1d93-46ec-8bd8-c647a1d6a46e';
const SIEMENS_84_5B_A6 = '93b5cfca-77bb-5551-ad5f-e9443279c640'; // in GROUP SIEMENS
const UNGROUPED = 'd3ff2bf4-429a-4ff0-8533-4aa72f95bb9d'; // 6.3.9
const TELEMECANIQUE = '5ad0ab04-5a74-5f48-8d15-0d46302f9f7b'; // holds the 6.3.12 variables
const SIEMENS_84_5B_A6_VULNS = 2;

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(() => c.close());

const component = (id: string) => c.json<Component>(`${API}/component/${id}`);

describe('PUT /api/1.0/component/{id}/custom-name', () => {
  it('answers [Component] with the custom name (guide 6.3.3), and the component keeps it', async () => {
    const res = await c.send('PUT', `${API}/component/${PLC_3}/custom-name`, { custom_name: 'My PLC' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Component[];
    expectShape(z.array(ComponentSchema), body);
    expect(body).toHaveLength(1);
    expect(body[0]?.id).toBe(PLC_3);
    expect(body[0]?.custom_name).toBe('My PLC');
    expect(body[0]?.name).toBe('PLC_3');
    expect((await component(PLC_3)).custom_name).toBe('My PLC');
  });

  it('replaces a custom name that is already set', async () => {
    await c.send('PUT', `${API}/component/${PLC_3}/custom-name`, { custom_name: 'First' });
    await c.send('PUT', `${API}/component/${PLC_3}/custom-name`, { custom_name: 'Second' });
    expect((await component(PLC_3)).custom_name).toBe('Second');
  });

  it.each([
    ['an empty name', { custom_name: '' }, /custom_name.*must not be empty/],
    ['a blank name', { custom_name: '   ' }, /custom_name.*must not be empty/],
    ['a number', { custom_name: 7 }, /custom_name.*must be a string/],
    ['no name', {}, /custom_name/],
    ['another field', { custom_name: 'x', name: 'y' }, /name/],
  ])('answers 400 to %s, and changes nothing', async (_, body, message) => {
    expectError(await c.send('PUT', `${API}/component/${PLC_3}/custom-name`, body), 400, message);
    expect((await component(PLC_3)).custom_name).toBeUndefined();
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await c.app.inject({
      method: 'PUT',
      url: `${API}/component/${PLC_3}/custom-name?token=${TOKEN}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"custom_name": ',
    });
    expectError(res, 400, /JSON can't be properly parsed/);
  });

  it('answers 400 to an id that is not a UUID, and 404 to an unknown one', async () => {
    expectError(await c.send('PUT', `${API}/component/PLC_3/custom-name`, { custom_name: 'x' }), 400, /component id/);
    expectError(await c.send('PUT', `${API}/component/${UNKNOWN}/custom-name`, { custom_name: 'x' }), 404, /Component not found/);
  });
});

describe('a write is visible to the next read of any route (no stale cache)', () => {
  it('shows a custom name in the list, the component and its group at once', async () => {
    const inList = async () => (await c.json<Component[]>(`${API}/component?limit=2000`)).find((x) => x.id === SIEMENS_84_5B_A6);
    const inGroup = async () => (await c.json<{ components: Component[] }>(`${API}/group/${GROUP_SIEMENS}`)).components.find((x) => x.id === SIEMENS_84_5B_A6);
    // Read first, so that any cache holds the old answer.
    expect((await inList())?.custom_name).toBeUndefined();
    expect((await inGroup())?.custom_name).toBeUndefined();
    await c.send('PUT', `${API}/component/${SIEMENS_84_5B_A6}/custom-name`, { custom_name: 'Cell PLC' });
    expect((await inList())?.custom_name).toBe('Cell PLC');
    expect((await inGroup())?.custom_name).toBe('Cell PLC');
    expect((await component(SIEMENS_84_5B_A6)).custom_name).toBe('Cell PLC');
  });
});

describe('DELETE /api/1.0/component/{id}/custom-name', () => {
  it('answers [Component] without custom_name (guide 6.3.4)', async () => {
    await c.send('PUT', `${API}/component/${PLC_3}/custom-name`, { custom_name: 'My PLC' });
    const res = await c.send('DELETE', `${API}/component/${PLC_3}/custom-name`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Component[];
    expect(body).toHaveLength(1);
    expect(body[0]?.id).toBe(PLC_3);
    expect(body[0]).not.toHaveProperty('custom_name');
    expect(await component(PLC_3)).not.toHaveProperty('custom_name');
  });

  it('answers 400 to a bad id and 404 to an unknown one', async () => {
    expectError(await c.send('DELETE', `${API}/component/nope/custom-name`), 400);
    expectError(await c.send('DELETE', `${API}/component/${UNKNOWN}/custom-name`), 404);
  });
});

describe('PUT /api/1.0/component/{id}/custom-icon', () => {
  it('answers the Component with the custom icon (guide 6.3.7)', async () => {
    const res = await c.send('PUT', `${API}/component/${CISCO}/custom-icon`, { custom_icon: 'cisco' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Component;
    expectShape(ComponentSchema, body);
    expect(body.id).toBe(CISCO);
    expect(body.custom_icon).toBe('cisco');
    expect(body.group).toBe('GRdF Montreal (ADSL)');
    expect((await component(CISCO)).custom_icon).toBe('cisco');
  });

  it('answers 400 to an icon key that GET /icon does not list, and changes nothing', async () => {
    expectError(await c.send('PUT', `${API}/component/${CISCO}/custom-icon`, { custom_icon: 'no-such-icon' }), 400, /Unknown icon key: "no-such-icon"/);
    expect(await component(CISCO)).not.toHaveProperty('custom_icon');
  });

  it('answers 400 to a missing key, 400 to a bad id and 404 to an unknown component', async () => {
    expectError(await c.send('PUT', `${API}/component/${CISCO}/custom-icon`, {}), 400, /custom_icon/);
    expectError(await c.send('PUT', `${API}/component/x/custom-icon`, { custom_icon: 'cisco' }), 400);
    expectError(await c.send('PUT', `${API}/component/${UNKNOWN}/custom-icon`, { custom_icon: 'cisco' }), 404);
    // The component is looked up first: an unknown one is a 404 whatever the key.
    expectError(await c.send('PUT', `${API}/component/${UNKNOWN}/custom-icon`, { custom_icon: 'no-such-icon' }), 404, /Component not found/);
  });
});

describe('DELETE /api/1.0/component/{id}/custom-icon', () => {
  it('answers the Component without custom_icon (guide 6.3.8)', async () => {
    await c.send('PUT', `${API}/component/${CISCO}/custom-icon`, { custom_icon: 'cisco' });
    const res = await c.send('DELETE', `${API}/component/${CISCO}/custom-icon`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Component;
    expect(body.id).toBe(CISCO);
    expect(body).not.toHaveProperty('custom_icon');
  });

  it('answers 400 to a bad id and 404 to an unknown one', async () => {
    expectError(await c.send('DELETE', `${API}/component/x/custom-icon`), 400);
    expectError(await c.send('DELETE', `${API}/component/${UNKNOWN}/custom-icon`), 404);
  });
});

describe('POST /api/1.0/group/{id}/component/{cid}', () => {
  const add = (group: string, cid: string) => c.send('POST', `${API}/group/${group}/component/${cid}`);

  it('answers an empty 200 and puts the component in the group (guide 6.3.9)', async () => {
    const res = await add(GROUP_SIEMENS, UNGROUPED);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expect((await component(UNGROUPED)).group).toBe('GROUP SIEMENS');
    const group = await c.json<{ components: { id: string }[] }>(`${API}/group/${GROUP_SIEMENS}`);
    expect(group.components.map((x) => x.id)).toContain(UNGROUPED);
  });

  it('answers 309 when the component is already in this group or another one', async () => {
    expectError(await add(GROUP_SIEMENS, SIEMENS_84_5B_A6), 309, /already in a group/);
    const other = (await c.json<{ id: string; label: string }[]>(`${API}/group`)).find((g) => g.label === 'GRdF Montreal (ADSL)');
    expectError(await add(other?.id ?? '', SIEMENS_84_5B_A6), 309, new RegExp(SIEMENS_84_5B_A6));
    expect((await component(SIEMENS_84_5B_A6)).group).toBe('GROUP SIEMENS');
  });

  it('answers 400 to ids that are not UUIDs', async () => {
    expectError(await add('room-214', UNGROUPED), 400, /group id/);
    expectError(await add(GROUP_SIEMENS, 'plc'), 400, /component id/);
  });

  it('answers 404 to an unknown group or component', async () => {
    expectError(await add(UNKNOWN, UNGROUPED), 404, /Group not found/);
    expectError(await add(GROUP_SIEMENS, UNKNOWN), 404, /Component not found/);
    expect(await component(UNGROUPED)).not.toHaveProperty('group');
  });
});

describe('DELETE /api/1.0/group/{id}/component/{cid}', () => {
  const remove = (group: string, cid: string) => c.send('DELETE', `${API}/group/${group}/component/${cid}`);

  it('answers an empty 200 and takes the component out of the group (guide 6.3.10)', async () => {
    const res = await remove(GROUP_SIEMENS, SIEMENS_84_5B_A6);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expect(await component(SIEMENS_84_5B_A6)).not.toHaveProperty('group');
    const group = await c.json<{ components: { id: string }[] }>(`${API}/group/${GROUP_SIEMENS}`);
    expect(group.components.map((x) => x.id)).not.toContain(SIEMENS_84_5B_A6);
  });

  it('answers 400 when the component is not in that group', async () => {
    expectError(await remove(GROUP_SIEMENS, UNGROUPED), 400, /is not in the group/);
    expectError(await remove(GROUP_SIEMENS, CISCO), 400, /is not in the group/);
    expect((await component(CISCO)).group).toBe('GRdF Montreal (ADSL)');
  });

  it('answers 400 to bad ids and 404 to unknown ones', async () => {
    expectError(await remove('x', SIEMENS_84_5B_A6), 400);
    expectError(await remove(GROUP_SIEMENS, 'x'), 400);
    expectError(await remove(UNKNOWN, SIEMENS_84_5B_A6), 404, /Group not found/);
    expectError(await remove(GROUP_SIEMENS, UNKNOWN), 404, /Component not found/);
  });
});

describe('DELETE /api/1.0/component/remove-tags|remove-variables|remove-vulns (guide 6.3.14)', () => {
  const variables = (id: string) => c.json<unknown[]>(`${API}/component/${id}/variables`);

  it('remove-tags: only the listed components lose their tags', async () => {
    expect(Object.keys((await component(PLC_3)).tags ?? {})).toEqual(['PLC']);
    const res = await c.send('DELETE', `${API}/component/remove-tags`, [PLC_3]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expect((await component(PLC_3)).tags ?? {}).toEqual({});
    expect(Object.keys((await component(SIEMENS_84_5B_A6)).tags ?? {})).toEqual(['PLC']);
    // The tag filter no longer finds it.
    const plcs = await c.json<Component[]>(`${API}/component?limit=2000&tag=PLC`);
    expect(plcs.map((x) => x.id)).not.toContain(PLC_3);
    expect(plcs.map((x) => x.id)).toContain(SIEMENS_84_5B_A6);
  });

  it('remove-variables: only the listed components lose their variables', async () => {
    expect((await variables(TELEMECANIQUE)).length).toBeGreaterThan(0);
    const before = Object.keys(await c.json<Record<string, unknown>>(`${API}/variables?limit=2000`));
    expect((await c.send('DELETE', `${API}/component/remove-variables`, [TELEMECANIQUE])).statusCode).toBe(200);
    expect(await variables(TELEMECANIQUE)).toEqual([]);
    const after = Object.keys(await c.json<Record<string, unknown>>(`${API}/variables?limit=2000`));
    expect(after).toEqual(before.filter((id) => id !== TELEMECANIQUE));
  });

  it('remove-vulns: only the listed components lose their vulnerabilities', async () => {
    expect((await component(SIEMENS_84_5B_A6)).vulnerabilities).toHaveLength(SIEMENS_84_5B_A6_VULNS);
    expect((await component(PLC_3)).vulnerabilities?.length).toBeGreaterThan(0);
    expect((await c.send('DELETE', `${API}/component/remove-vulns`, [SIEMENS_84_5B_A6])).statusCode).toBe(200);
    expect((await component(SIEMENS_84_5B_A6)).vulnerabilities ?? []).toEqual([]);
    expect((await component(PLC_3)).vulnerabilities?.length).toBeGreaterThan(0);
  });

  it('answers 404 naming every unknown id, and removes nothing', async () => {
    const other = '11111111-1111-4111-8111-111111111111';
    const res = await c.send('DELETE', `${API}/component/remove-tags`, [PLC_3, UNKNOWN, other]);
    expectError(res, 404, new RegExp(`Unknown component ids: ${UNKNOWN}, ${other}$`));
    expect(Object.keys((await component(PLC_3)).tags ?? {})).toEqual(['PLC']);
  });

  it.each([
    ['no body', undefined, /a JSON array of component ids is required/],
    ['an object', { ids: [PLC_3] }, /must be a JSON array of component ids/],
    ['an empty array', [], /at least one component id/],
    ['an id that is not a UUID', ['PLC_3'], /must be a UUID/],
  ])('answers 400 to %s', async (_, body, message) => {
    expectError(await c.send('DELETE', `${API}/component/remove-vulns`, body), 400, message);
  });
});

describe('DELETE /api/1.0/component/purge-tags|purge-variables|purge-vulns (guide 6.3.14)', () => {
  it('purge-tags: no component keeps a tag', async () => {
    expect((await c.send('DELETE', `${API}/component/purge-tags`)).statusCode).toBe(200);
    const all = await c.json<Component[]>(`${API}/component?limit=2000`);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((x) => Object.keys(x.tags ?? {}).length > 0)).toEqual([]);
    expect(await c.json(`${API}/component?limit=10&tag=PLC`)).toEqual([]);
  });

  it('purge-variables: GET /variables is empty', async () => {
    expect(Object.keys(await c.json<object>(`${API}/variables?limit=10`)).length).toBeGreaterThan(0);
    expect((await c.send('DELETE', `${API}/component/purge-variables`)).statusCode).toBe(200);
    expect(await c.json(`${API}/variables?limit=10`)).toEqual({});
  });

  it('purge-vulns: no component keeps a vulnerability', async () => {
    expect((await c.send('DELETE', `${API}/component/purge-vulns`)).statusCode).toBe(200);
    const all = await c.json<Component[]>(`${API}/component?limit=2000`);
    expect(all.filter((x) => (x.vulnerabilities ?? []).length > 0)).toEqual([]);
  });
});
