/**
 * GET /api/3.0/tags: the whole catalogue (Knowledge DB and API-created tags) as Cisco's
 * DetailedTags, by key, the same tags as 1.0's and the same categories as the tags 3.0 nests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API3, TOKEN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { DetailedTagSchema } from '../../../src/api/v3/schemas/tags.js';
import { ACTIVITY_RISKS } from '../../../src/domain/risk-score.js';
import { recorded, shapeGaps } from './shape.js';

type DetailedTag = z.infer<typeof DetailedTagSchema>;
const FIELDS = ['category', 'description', 'domain', 'id', 'important', 'label', 'riskScoreDescription', 'type'];

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const catalogue = () => c.json3<DetailedTag[]>('/tags');
const byKey = async (key: string) => (await catalogue()).find((t) => t.id === key);

describe('GET /tags', () => {
  it('lists every tag of the catalogue by key, with the fields of Cisco DetailedTag and those a real Center gave', async () => {
    const tags = await catalogue();
    expect(tags.map((t) => t.id)).toEqual(c.store.tags.list().map((t) => t.key));
    expect(tags.length).toBeGreaterThan(20);
    expectShape(z.array(DetailedTagSchema), tags);
    expect(shapeGaps(tags, { types: ['array'], items: recorded('GET /api/3.0/tags') })).toEqual([]);
    for (const t of tags) expect(Object.keys(t).sort()).toEqual(FIELDS);
  });

  it('lists the tags of /api/1.0/tags, with their labels and descriptions', async () => {
    const v1 = await c.json<{ tag: string; label: string; desc: string }[]>(`${API}/tags`);
    expect((await catalogue()).map((t) => ({ tag: t.id, label: t.label, desc: t.description }))).toEqual(v1);
  });

  it('gives each tag the category 3.0 nests it with elsewhere (a group’s component tags)', async () => {
    const tags = new Map((await catalogue()).map((t) => [t.id, t]));
    const groups = await c.json3<{ id: string }[]>('/groups');
    const details = await c.json3<{ componentsTags: { id: string; label: string; type: string; category: unknown }[] }[]>(`/groups/${groups.map((g) => g.id).join(';')}`);
    const nested = details.flatMap((d) => d.componentsTags);
    expect(nested.length).toBeGreaterThan(0);
    for (const n of nested) expect(tags.get(n.id)).toMatchObject({ label: n.label, type: n.type, category: n.category });
    // A category is one id per label.
    const ids = new Map<string, string>();
    for (const t of tags.values()) expect(ids.set(t.category.label, t.category.id).get(t.category.label)).toBe(t.category.id);
    expect(new Set([...tags.values()].map((t) => t.category.label)).size).toBeGreaterThan(3);
  });

  it("describes what a tag adds to a risk score, and \"\" for a tag that adds nothing", async () => {
    const tags = await catalogue();
    const risky = tags.filter((t) => t.id in ACTIVITY_RISKS);
    expect(risky.length).toBeGreaterThan(5);
    for (const t of tags) expect(t.riskScoreDescription).toBe(ACTIVITY_RISKS[t.id]?.description ?? '');
    expect(tags.some((t) => t.riskScoreDescription === '')).toBe(true);
  });

  it('marks important the tags the Knowledge DB always sets important, and those only', async () => {
    const tags = await catalogue();
    expect(tags.filter((t) => t.important).map((t) => t.id).sort()).toEqual(['INSECURE', 'PROGRAM_DOWNLOAD', 'PROGRAM_UPLOAD', 'START_CPU', 'STOP_CPU']);
  });

  it('lists a tag created through POST /api/1.0/analyzer/tag, its domain from the IT and OT flags, until it is deleted', async () => {
    const made = [
      { tag: 'ZZ_OT_ONLY', label: 'OT only', desc: 'An OT tag', type: 'component', IT: false, OT: true },
      { tag: 'ZZ_IT_ONLY', label: 'IT only', IT: true, OT: false },
      { tag: 'ZZ_BOTH', label: 'Both' },
      { tag: 'ZZ_NEITHER', label: 'Neither', IT: false, OT: false },
    ];
    for (const body of made) expect((await c.send('POST', `${API}/analyzer/tag`, body)).statusCode).toBe(200);
    expect(await byKey('ZZ_OT_ONLY')).toEqual({
      id: 'ZZ_OT_ONLY',
      label: 'OT only',
      description: 'An OT tag',
      type: 'component',
      domain: 'ot',
      important: false,
      category: expect.objectContaining({ label: 'My tag' }) as unknown,
      riskScoreDescription: '',
    });
    expect((await byKey('ZZ_IT_ONLY'))?.domain).toBe('it');
    expect((await byKey('ZZ_BOTH'))?.domain).toBe('both');
    expect((await byKey('ZZ_NEITHER'))?.domain).toBe('');
    expect((await c.send('PUT', `${API}/analyzer/tag/ZZ_BOTH`, { label: 'Both, renamed' })).statusCode).toBe(200);
    expect((await byKey('ZZ_BOTH'))?.label).toBe('Both, renamed');
    for (const { tag } of made) expect((await c.send('DELETE', `${API}/analyzer/tag/${tag}`)).statusCode).toBe(200);
    expect((await catalogue()).filter((t) => t.id.startsWith('ZZ_'))).toEqual([]);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/tags?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});
