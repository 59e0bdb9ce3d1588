/**
 * Tags (guide 6.8.1): GET /tags and /analyzer/tag/{tag} over the Knowledge DB and the guide's
 * tags (fixtures/tags.json), then the writes, each on a fresh Center.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TagSchema, TagSummarySchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, expectError, expectShape, testCenter } from '../../helpers.js';

type TagSummary = z.infer<typeof TagSummarySchema>;
type Tag = z.infer<typeof TagSchema>;

const guideTags = JSON.parse(readFileSync(new URL('../../../fixtures/tags.json', import.meta.url), 'utf8')) as TagSummary[];

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

describe('tag writes (guide 6.8.1.3–6.8.1.5), each on a fresh Center', () => {
  let w: TestCenter;
  beforeEach(async () => {
    w = await testCenter();
  });
  afterEach(() => w.close());

  const create = (body: unknown) => w.send('POST', `${API}/analyzer/tag`, body);
  const catalogue = async () => w.json<TagSummary[]>(`${API}/tags`);
  const PROPERTY_RULES = `${API}/analyzer/property/rule`;
  const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1';

  describe('POST /api/1.0/analyzer/tag', () => {
    it('answers the created tag in the "My tag" category, with the defaults of guide 6.8.1.3', async () => {
      const res = await create({ tag: 'WEB_CUSTOM', label: 'Web Custom' });
      expect(res.statusCode, res.body).toBe(200);
      const tag = res.json() as Tag;
      expectShape(TagSchema, tag);
      expect(tag).toEqual({ tag: 'WEB_CUSTOM', label: 'Web Custom', desc: '', type: 'flow', category: 'My tag', IT: true, OT: true });
      expect(await w.json(`${API}/analyzer/tag/WEB_CUSTOM`)).toEqual(tag);
      expect(await catalogue()).toContainEqual({ tag: 'WEB_CUSTOM', label: 'Web Custom', desc: '' });
    });

    it('keeps every field given', async () => {
      const res = await create({ tag: 'Hmi_panel', label: 'HMI panel', desc: 'Operator panels', type: 'component', IT: false, OT: true });
      expect(res.json()).toEqual({ tag: 'Hmi_panel', label: 'HMI panel', desc: 'Operator panels', type: 'component', category: 'My tag', IT: false, OT: true });
    });

    it('answers 409 when the key exists, from the Knowledge DB or the API', async () => {
      expectError(await create({ tag: 'WEB', label: 'Mine' }), 409, /A tag with the key "WEB" already exists/);
      expect((await create({ tag: 'MINE', label: 'Mine' })).statusCode).toBe(200);
      expectError(await create({ tag: 'MINE', label: 'Again' }), 409, /"MINE"/);
      expect((await w.json<Tag>(`${API}/analyzer/tag/MINE`)).label).toBe('Mine');
      expect((await w.json<Tag>(`${API}/analyzer/tag/WEB`)).label).toBe('Web');
    });

    it.each([
      ['a key with a digit', { tag: 'S7_CUSTOM', label: 'x' }, /"tag": may only hold the letters a-z, A-Z and _/],
      ['a key with a dash', { tag: 'my-tag', label: 'x' }, /"tag": may only hold/],
      ['a key with a space', { tag: 'MY TAG', label: 'x' }, /"tag": may only hold/],
      ['an empty key', { tag: '', label: 'x' }, /"tag"/],
      ['no key', { label: 'x' }, /"tag"/],
      ['no label', { tag: 'MINE' }, /"label"/],
      ['an empty label', { tag: 'MINE', label: ' ' }, /"label": must not be empty/],
      ['a wrong type', { tag: 'MINE', label: 'x', type: 'event' }, /"type": must be "flow" or "component"/],
      ['IT as a string', { tag: 'MINE', label: 'x', IT: 'true' }, /"IT": must be a boolean/],
      ['an unknown field', { tag: 'MINE', label: 'x', category: 'Protocol' }, /category/],
    ])('answers 400 to %s, and creates nothing', async (_, body, message) => {
      const before = await catalogue();
      expectError(await create(body), 400, message);
      expect(await catalogue()).toEqual(before);
    });
  });

  describe('PUT /api/1.0/analyzer/tag/{tag}', () => {
    it('answers the updated tag (guide 6.8.1.4 example)', async () => {
      await create({ tag: 'WEB_CUSTOM', label: 'Web Custom', desc: 'kept', IT: false });
      const res = await w.send('PUT', `${API}/analyzer/tag/WEB_CUSTOM`, { tag: 'WEB_CUSTOM', label: 'Web Custom Updated' });
      expect(res.statusCode, res.body).toBe(200);
      const expected = { tag: 'WEB_CUSTOM', label: 'Web Custom Updated', desc: 'kept', type: 'flow', category: 'My tag', IT: false, OT: true };
      expect(res.json()).toEqual(expected);
      expect(await w.json(`${API}/analyzer/tag/WEB_CUSTOM`)).toEqual(expected);
    });

    it('prints the new label on the components that carry the tag (tags print by label)', async () => {
      await create({ tag: 'MINE', label: 'Mine', type: 'component' });
      const plc = w.store.components.state(PLC_3);
      w.store.components.setTags(plc?.rowid ?? 0, { ...plc?.tags, MINE: 'important' }, { MINE: 'important' });
      expect((await w.json<{ tags: object }>(`${API}/component/${PLC_3}`)).tags).toEqual({ PLC: 'info', Mine: 'important' });
      expect((await w.send('PUT', `${API}/analyzer/tag/MINE`, { label: 'Renamed' })).statusCode).toBe(200);
      expect((await w.json<{ tags: object }>(`${API}/component/${PLC_3}`)).tags).toEqual({ PLC: 'info', Renamed: 'important' });
      expect(await catalogue()).toContainEqual({ tag: 'MINE', label: 'Renamed', desc: '' });
    });

    it('answers 400 for a Knowledge DB tag, and changes nothing', async () => {
      expectError(await w.send('PUT', `${API}/analyzer/tag/WEB`, { label: 'Internet' }), 400, /"WEB" comes from the Knowledge DB and cannot be changed/);
      expect((await w.json<Tag>(`${API}/analyzer/tag/WEB`)).label).toBe('Web');
    });

    it('answers 400 when the body key differs from the path, and to bad fields', async () => {
      await create({ tag: 'MINE', label: 'Mine' });
      expectError(await w.send('PUT', `${API}/analyzer/tag/MINE`, { tag: 'OTHER', label: 'x' }), 400, /^The body tag "OTHER" differs from the tag in the path "MINE"$/);
      expectError(await w.send('PUT', `${API}/analyzer/tag/MINE`, { type: 'both' }), 400, /"type"/);
      expect((await w.json<Tag>(`${API}/analyzer/tag/MINE`)).label).toBe('Mine');
    });

    it('answers 404 to an unknown tag', async () => {
      expectError(await w.send('PUT', `${API}/analyzer/tag/NOPE`, { label: 'x' }), 404, /Tag not found: NOPE/);
    });
  });

  describe('DELETE /api/1.0/analyzer/tag/{tag}', () => {
    it('deletes an API tag (guide 6.8.1.5): gone from /tags and from the components it was on', async () => {
      await create({ tag: 'MINE', label: 'Mine', type: 'component' });
      // Put it on a component the way ingest does, then delete it.
      const plc = w.store.components.state(PLC_3);
      expect(plc).toBeDefined();
      w.store.components.setTags(plc?.rowid ?? 0, { ...plc?.tags, MINE: 'info' }, { MINE: 'info' });
      expect((await w.json<{ id: string }[]>(`${API}/component?limit=10&tag=MINE`)).map((x) => x.id)).toEqual([PLC_3]);

      const res = await w.send('DELETE', `${API}/analyzer/tag/MINE`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('');
      expectError(await w.get(`${API}/analyzer/tag/MINE`), 404);
      expect((await catalogue()).map((t) => t.tag)).not.toContain('MINE');
      expect(await w.json(`${API}/component?limit=10&tag=MINE`)).toEqual([]);
      expect((await w.json<{ tags: object }>(`${API}/component/${PLC_3}`)).tags).toEqual({ PLC: 'info' });
    });

    it('takes the tag off the flows it was on, which stay', async () => {
      const S7 = 'fea763b5-a292-556e-a986-af71bffb45eb'; // guide 6.4.2
      await create({ tag: 'MINE', label: 'Mine' });
      // Put it on the flow the way ingest does, then delete it.
      const state = w.store.flows.states([S7]).get(S7);
      if (!state) throw new Error('the guide flow fea763b5 is missing');
      state.tags = { ...state.tags, MINE: 'info' };
      w.store.flows.update(state, { sensorId: null, changedTags: { MINE: 'info' }, changedProps: {}, lastSeenMoved: false, categoryChanged: false });
      const tagged = (await w.json<{ id: string }[]>(`${API}/flows?limit=2000&tag=MINE`)).map((f) => f.id);
      expect(tagged).toEqual([S7]);
      const count = (await w.json<unknown[]>(`${API}/flows?limit=2000`)).length;

      expect((await w.send('DELETE', `${API}/analyzer/tag/MINE`)).statusCode).toBe(200);
      expect(await w.json(`${API}/flows?limit=2000&tag=MINE`)).toEqual([]);
      expect(await w.json<unknown[]>(`${API}/flows?limit=2000`)).toHaveLength(count);
      expect((await w.json<{ tags: object }>(`${API}/flow/${S7}`)).tags).toEqual({ S7: 'info' });
    });

    it('answers 400 for a Knowledge DB tag (guide 6.8.1.5), which stays', async () => {
      expectError(await w.send('DELETE', `${API}/analyzer/tag/WEB`), 400, /cannot be deleted/);
      expect((await w.json<Tag>(`${API}/analyzer/tag/WEB`)).tag).toBe('WEB');
    });

    it('answers 400 while a rule names the tag, and deletes it once the rule is gone', async () => {
      await create({ tag: 'MINE', label: 'Mine' });
      const rule = { test: { operator: 'or', conditions: [{ name: 'HasProp', params: { property: 'x' } }] }, actions: [{ name: 'TagFlow', params: { tag: 'MINE', type: 'info' } }] };
      const { id } = (await w.send('POST', PROPERTY_RULES, rule)).json() as { id: string };
      expectError(await w.send('DELETE', `${API}/analyzer/tag/MINE`), 400, new RegExp(`"MINE" is used by the rule ${id}`));
      expect((await w.send('DELETE', `${PROPERTY_RULES}/${id}`)).statusCode).toBe(200);
      expect((await w.send('DELETE', `${API}/analyzer/tag/MINE`)).statusCode).toBe(200);
    });

    it('answers 404 to an unknown tag', async () => {
      expectError(await w.send('DELETE', `${API}/analyzer/tag/NOPE`), 404, /Tag not found/);
    });
  });
});
