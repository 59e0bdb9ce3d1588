/**
 * Property and port analyzer rules (guide 6.8.2, 6.8.3): the guide's rules
 * (fixtures/rules.json) through the read routes, then the writes, each on a fresh Center.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PortRuleSchema, PropertyRuleSchema } from '../../../src/api/v1/schemas.js';
import { API, TOKEN, type TestCenter, UNKNOWN, expectError, expectShape, ids, testCenter } from '../../helpers.js';

type PropertyRule = z.infer<typeof PropertyRuleSchema>;
type PortRule = z.infer<typeof PortRuleSchema>;

const rules = JSON.parse(readFileSync(new URL('../../../fixtures/rules.json', import.meta.url), 'utf8')) as { property: PropertyRule[]; port: PortRule[] };

const RULE_1 = 'bd1c1b0b-eb8c-4740-a870-e1fac758ef2b';
const RULE_2 = '8d95c60b-c1e6-4e04-b3ed-4c8b8d339b0e';

let c: TestCenter;

beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

describe('GET /api/1.0/analyzer/property/rule', () => {
  it('answers the two property rules of 6.8.2.1 with their ids', async () => {
    const body = await c.json<PropertyRule[]>(`${API}/analyzer/property/rule`);
    expectShape(z.array(PropertyRuleSchema), body);
    expect(ids(body)).toEqual([RULE_1, RULE_2]);
    expect(body).toEqual(rules.property);
  });

  it('holds the conditions and actions 6.8.2.1 prints', async () => {
    const [hasProp, propValue] = await c.json<PropertyRule[]>(`${API}/analyzer/property/rule`);
    expect(hasProp?.test).toEqual({ operator: 'or', conditions: [{ name: 'HasProp', params: { property: 's7-function' } }] });
    expect(hasProp?.actions).toEqual([{ name: 'TagFlow', params: { tag: 'S7', type: 'info', throw_admin_event: true } }]);
    expect(propValue?.test).toEqual({ operator: 'and', conditions: [{ name: 'PropValue', params: { property: 'dst_port', value: '22' } }] });
    expect(propValue?.actions).toEqual([{ name: 'TagFlow', params: { tag: 'SSH', type: 'important', throw_admin_event: true } }]);
  });

  it('is also served at /analyzer/property/rule/ (the route as 6.8.2.1 prints it)', async () => {
    expect(await c.json(`${API}/analyzer/property/rule/`)).toEqual(rules.property);
  });
});

describe('GET /api/1.0/analyzer/property/rule/{id}', () => {
  it('answers bd1c1b0b as 6.8.2.2 prints it (action "TagFlow")', async () => {
    const body = await c.json<PropertyRule>(`${API}/analyzer/property/rule/${RULE_1}`);
    expectShape(PropertyRuleSchema, body);
    expect(body).toEqual(rules.property[0]);
    expect(body.actions[0]?.name).toBe('TagFlow');
  });

  it('answers each rule as the list does', async () => {
    for (const r of rules.property) expect(await c.json(`${API}/analyzer/property/rule/${r.id}`)).toEqual(r);
  });

  it('is also served with a trailing slash', async () => {
    expect(await c.json(`${API}/analyzer/property/rule/${RULE_1}/`)).toEqual(rules.property[0]);
  });

  it('answers 404 for an unknown rule', async () => {
    expectError(await c.get(`${API}/analyzer/property/rule/${UNKNOWN}`), 404, /not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/analyzer/property/rule/rule-1`), 400, /not a UUID/);
  });
});

describe('GET /api/1.0/analyzer/port/rule', () => {
  it('answers the two port rules of 6.8.3.1 with their ids', async () => {
    const body = await c.json<PortRule[]>(`${API}/analyzer/port/rule`);
    expectShape(z.array(PortRuleSchema), body);
    expect(ids(body)).toEqual([RULE_1, RULE_2]);
    expect(body).toEqual(rules.port);
  });

  it('holds the ports and actions 6.8.3.1 prints (as PORT_ARRAY strings, "UPD" read as UDP)', async () => {
    const [web, ssh] = await c.json<PortRule[]>(`${API}/analyzer/port/rule`);
    expect(web?.ports).toEqual(['TCP/80', 'UDP/8080', '9000']);
    expect(web?.actions).toEqual([{ name: 'TagFlow', params: { tag: 'WEB', type: 'info', throw_admin_event: true } }]);
    expect(ssh?.ports).toEqual(['22']);
    expect(ssh?.actions).toEqual([{ name: 'TagFlow', params: { tag: 'SSH', type: 'important', throw_admin_event: true } }]);
  });

  it('is also served at /analyzer/port/rule/ (the route as 6.8.3.1 prints it)', async () => {
    expect(await c.json(`${API}/analyzer/port/rule/`)).toEqual(rules.port);
  });
});

describe('GET /api/1.0/analyzer/port/rule/{id}', () => {
  it('answers bd1c1b0b as 6.8.3.2 prints it', async () => {
    const body = await c.json<PortRule>(`${API}/analyzer/port/rule/${RULE_1}`);
    expectShape(PortRuleSchema, body);
    expect(body).toEqual(rules.port[0]);
  });

  it('answers each rule as the list does', async () => {
    for (const r of rules.port) expect(await c.json(`${API}/analyzer/port/rule/${r.id}`)).toEqual(r);
  });

  it('is also served with a trailing slash', async () => {
    expect(await c.json(`${API}/analyzer/port/rule/${RULE_2}/`)).toEqual(rules.port[1]);
  });

  it('answers 404 for an unknown rule', async () => {
    expectError(await c.get(`${API}/analyzer/port/rule/${UNKNOWN}`), 404, /not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/analyzer/port/rule/22`), 400, /not a UUID/);
  });
});

const tagFlow = (tag: string, type = 'info') => ({ name: 'TagFlow', params: { tag, type, throw_admin_event: true } });
const KINDS = [
  {
    kind: 'property',
    body: { test: { operator: 'or', conditions: [{ name: 'HasProp', params: { property: 's7plus-function' } }] }, actions: [tagFlow('S7')] },
    changed: {
      test: { operator: 'or', conditions: [{ name: 'HasProp', params: { property: 's7plus-function' } }, { name: 'HasProp', params: { property: 's7-function' } }] },
      actions: [tagFlow('S7'), { name: 'Netcat', params: { value: 'control' } }],
    },
  },
  {
    kind: 'port',
    body: { ports: ['22'], actions: [tagFlow('SSH', 'important')] },
    changed: { ports: [234, 'TCP/80'], actions: [tagFlow('S7')] },
  },
] as const;

describe.each(KINDS)('$kind rule writes (guide 6.8.2.3–6.8.2.5, 6.8.3.3–6.8.3.5), each on a fresh Center', ({ kind, body, changed }) => {
  const base = `${API}/analyzer/${kind}/rule`;
  let w: TestCenter;
  beforeEach(async () => {
    w = await testCenter();
  });
  afterEach(() => w.close());

  const list = () => w.json<{ id: string }[]>(base);
  const create = async (b: unknown = body) => {
    const res = await w.send('POST', base, b);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string };
  };

  describe(`POST /api/1.0/analyzer/${kind}/rule`, () => {
    it('answers the whole rule with a new UUID, and lists it after the existing ones', async () => {
      const before = await list();
      const rule = await create();
      expectShape(kind === 'property' ? PropertyRuleSchema : PortRuleSchema, rule);
      expect(rule.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(rule).toEqual({ id: rule.id, ...body });
      expect(await w.json(`${base}/${rule.id}`)).toEqual(rule);
      expect(await list()).toEqual([...before, rule]);
    });

    it('accepts the trailing slash the guide writes (POST …/rule/)', async () => {
      const res = await w.send('POST', `${base}/`, body);
      expect(res.statusCode, res.body).toBe(200);
    });

    it('answers 400 with the guide\'s message for a wrong action name, and creates nothing', async () => {
      const before = await list();
      const res = await w.send('POST', base, { ...body, actions: [{ name: 'TagFlow2', params: tagFlow('S7').params }] });
      expectError(res, 400);
      expect(res.json()).toEqual({ status: 'error', message: 'Invalid syntax for rule.\nWrong action name : "TagFlow2"' });
      expect(await list()).toEqual(before);
    });

    it('answers 400 for a tag that is not in the catalogue, and accepts it once created', async () => {
      const withMine = { ...body, actions: [tagFlow('MINE')] };
      expectError(await w.send('POST', base, withMine), 400, /^Invalid syntax for rule.\nUnknown tag : "MINE"/);
      expect((await w.send('POST', `${API}/analyzer/tag`, { tag: 'MINE', label: 'Mine' })).statusCode).toBe(200);
      expect((await create(withMine)).id).toBeDefined();
    });

    it.each([
      ['an array', []],
      ['a missing actions field', { ...body, actions: undefined }],
      ['an unknown field', { ...body, priority: 2 }],
    ])('answers 400 "Invalid syntax for rule." to %s', async (_, b) => {
      expectError(await w.send('POST', base, b), 400, /^Invalid syntax for rule.\n/);
    });

    it('answers 400 to a body that is not JSON', async () => {
      const res = await w.app.inject({ method: 'POST', url: `${base}?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: '{"ports": [“22”]}' });
      expectError(res, 400, /JSON can't be properly parsed/);
    });
  });

  describe(`PUT /api/1.0/analyzer/${kind}/rule/{id}`, () => {
    it('answers the updated rule, which keeps its id and its place in the list', async () => {
      const rule = await create();
      const after = await create();
      const res = await w.send('PUT', `${base}/${rule.id}`, { id: rule.id, ...changed });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ id: rule.id, ...changed });
      expect(await w.json(`${base}/${rule.id}`)).toEqual({ id: rule.id, ...changed });
      const ids = (await list()).map((r) => r.id);
      expect(ids.indexOf(rule.id)).toBeLessThan(ids.indexOf(after.id));
    });

    it('accepts a body without id', async () => {
      const rule = await create();
      expect((await w.send('PUT', `${base}/${rule.id}`, changed)).statusCode).toBe(200);
    });

    it('updates the guide\'s own rule (bd1c1b0b…)', async () => {
      const res = await w.send('PUT', `${base}/${RULE_1}`, { id: RULE_1, ...changed });
      expect(res.statusCode, res.body).toBe(200);
      expect(await w.json(`${base}/${RULE_1}`)).toEqual({ id: RULE_1, ...changed });
    });

    it('answers 400 when the body id differs from the path, and changes nothing', async () => {
      const rule = await create();
      expectError(await w.send('PUT', `${base}/${rule.id}`, { ...changed, id: RULE_2 }), 400, /differs from the id in the path/);
      expect(await w.json(`${base}/${rule.id}`)).toEqual(rule);
    });

    it('answers 400 to an invalid rule, and changes nothing', async () => {
      const rule = await create();
      expectError(await w.send('PUT', `${base}/${rule.id}`, { ...changed, actions: [{ name: 'Netcat', params: { value: 'ot' } }] }), 400, /^Invalid syntax for rule.\nWrong parameter value : value = "ot"/);
      expect(await w.json(`${base}/${rule.id}`)).toEqual(rule);
    });

    it('answers 400 to an id that is not a UUID and 404 to an unknown rule', async () => {
      expectError(await w.send('PUT', `${base}/rule-1`, changed), 400, /rule id/);
      expectError(await w.send('PUT', `${base}/${UNKNOWN}`, changed), 404, /rule not found/);
    });
  });

  describe(`DELETE /api/1.0/analyzer/${kind}/rule/{id}`, () => {
    it('answers an empty 200, and the rule is gone', async () => {
      const rule = await create();
      const res = await w.send('DELETE', `${base}/${rule.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('');
      expectError(await w.get(`${base}/${rule.id}`), 404);
      expect((await list()).map((r) => r.id)).not.toContain(rule.id);
      expectError(await w.send('DELETE', `${base}/${rule.id}`), 404);
    });

    it('deletes the guide\'s rule of this kind only (the two kinds share ids in the guide)', async () => {
      expect((await w.send('DELETE', `${base}/${RULE_1}`)).statusCode).toBe(200);
      const other = kind === 'property' ? 'port' : 'property';
      expect((await w.get(`${API}/analyzer/${other}/rule/${RULE_1}`)).statusCode).toBe(200);
    });

    it('answers 400 to an id that is not a UUID and 404 to an unknown rule', async () => {
      expectError(await w.send('DELETE', `${base}/x`), 400);
      expectError(await w.send('DELETE', `${base}/${UNKNOWN}`), 404);
    });
  });
});
