/**
 * GET /tags (guide 6.8.1.1), /analyzer/tag/{tag} (6.8.1.2), /analyzer/property/rule[/{id}]
 * (6.8.2.1, 6.8.2.2) and /analyzer/port/rule[/{id}] (6.8.3.1, 6.8.3.2): the Knowledge DB tags
 * and the guide's rules (fixtures/rules.json, fixtures/tags.json).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PortRuleSchema, PropertyRuleSchema, TagSchema, TagSummarySchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UNKNOWN, expectError, expectShape, ids, testCenter } from '../../helpers.js';

type TagSummary = z.infer<typeof TagSummarySchema>;
type Tag = z.infer<typeof TagSchema>;
type PropertyRule = z.infer<typeof PropertyRuleSchema>;
type PortRule = z.infer<typeof PortRuleSchema>;

const fixture = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/${file}`, import.meta.url), 'utf8')) as T;
const guideTags = fixture<TagSummary[]>('tags.json');
const rules = fixture<{ property: PropertyRule[]; port: PortRule[] }>('rules.json');

const RULE_1 = 'bd1c1b0b-eb8c-4740-a870-e1fac758ef2b';
const RULE_2 = '8d95c60b-c1e6-4e04-b3ed-4c8b8d339b0e';

let c: TestCenter;
let tags: TagSummary[];

beforeAll(async () => {
  c = await testCenter();
  tags = await c.json<TagSummary[]>(`${API}/tags`);
});
afterAll(() => c.close());

describe('GET /api/1.0/tags', () => {
  it('answers an array of {tag, label, desc}', () => {
    expectShape(z.array(TagSummarySchema), tags);
    expect(tags.length).toBeGreaterThanOrEqual(guideTags.length);
    expect(new Set(tags.map((t) => t.tag)).size).toBe(tags.length);
  });

  it('holds WEB, WEB_SERVER and WINDOWS with the labels and descriptions of 6.8.1.1', () => {
    expect(tags.find((t) => t.tag === 'WEB')).toEqual({ tag: 'WEB', label: 'Web', desc: 'Web protocols' });
    expect(tags.find((t) => t.tag === 'WEB_SERVER')).toEqual({ tag: 'WEB_SERVER', label: 'Web Server', desc: 'Web server computer' });
    expect(tags.find((t) => t.tag === 'WINDOWS')).toEqual({ tag: 'WINDOWS', label: 'Windows', desc: 'Windows workstation' });
    for (const g of guideTags) expect(tags).toContainEqual(g);
  });

  it('holds the tags the rules and the fixture objects name (fixtures/README.md)', () => {
    const keys = tags.map((t) => t.tag);
    for (const key of ['S7', 'SSH', 'WEB']) expect(keys).toContain(key);
    const labels = tags.map((t) => t.label);
    for (const label of ['PLC', 'Net Management Server', 'Tunneling', 'EthernetIP', 'Start CPU', 'Stop CPU', 'S7Plus', 'Read Var', 'Write Var', 'Program Upload', 'S7', 'Insecure', 'SMB']) {
      expect(labels).toContain(label);
    }
  });

  it('is also served at /tags/ (the route as 6.8.1.1 prints it)', async () => {
    expect(await c.json(`${API}/tags/`)).toEqual(tags);
  });
});

describe('GET /api/1.0/analyzer/tag/{tag}', () => {
  it('answers WEB with the tag and label of 6.8.1.2', async () => {
    const body = await c.json<Tag>(`${API}/analyzer/tag/WEB`);
    expectShape(TagSchema, body);
    expect(body.tag).toBe('WEB');
    expect(body.label).toBe('Web');
  });

  it('answers every tag of /tags with the same label and description', async () => {
    for (const t of tags) {
      const body = await c.json<Tag>(`${API}/analyzer/tag/${encodeURIComponent(t.tag)}`);
      expect({ tag: body.tag, label: body.label, desc: body.desc }).toEqual(t);
    }
  });

  it('is also served with a trailing slash', async () => {
    expect(await c.json(`${API}/analyzer/tag/WEB/`)).toEqual(await c.json(`${API}/analyzer/tag/WEB`));
  });

  it('answers 404 for an unknown tag', async () => {
    expectError(await c.get(`${API}/analyzer/tag/NO_SUCH_TAG`), 404, /not found/);
  });
});

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
