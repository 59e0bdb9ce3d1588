/**
 * POST and DELETE /api/3.0/presets/{preset_id}/starring/{type}: `operational` and `security`
 * stars, read back as the Preset's `operationalStarred` and `securityStarred` through GET /presets
 * and GET /presets/{preset_id}; a preset the Center ships is starred too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PresetSchema } from '../../../src/api/v3/schemas/presets.js';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

type WirePreset = z.infer<typeof PresetSchema>;

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const presets = () => c.json3<WirePreset[]>('/presets');
/** The preset as both reads show it (they must agree). */
const read = async (id: string) => {
  const one = await c.json3<WirePreset>(`/presets/${id}`);
  expect((await presets()).find((p) => p.id === id)).toEqual(one);
  return one;
};
const stars = async (id: string) => {
  const p = await read(id);
  return { operational: p.operationalStarred, security: p.securityStarred };
};
let n = 0;
const custom = async () => {
  const res = await c.v3('POST', '/presets', { label: `Starred preset ${++n}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WirePreset>();
};
const world = () => JSON.stringify(c.store.presets.list());
const ok = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body).toBe('');
};

describe('POST /presets/{preset_id}/starring/{type}', () => {
  it('stars a preset operational, then security (an empty 200 each), read back through GET /presets and GET /presets/{preset_id}', async () => {
    const p = await custom();
    expect(await stars(p.id)).toEqual({ operational: false, security: false });
    ok(await c.v3('POST', `/presets/${p.id}/starring/operational`));
    expect(await stars(p.id)).toEqual({ operational: true, security: false });
    ok(await c.v3('POST', `/presets/${p.id}/starring/security`));
    expect(await stars(p.id)).toEqual({ operational: true, security: true });
    // Nothing else of the preset changed, lastUpdate included.
    const { operationalStarred: _o, securityStarred: _s, ...rest } = await read(p.id);
    const { operationalStarred: _o2, securityStarred: _s2, ...before } = p;
    expect(rest).toEqual(before);
  });

  it('stars again without error, and stars a preset the Center ships ("All data")', async () => {
    const p = await custom();
    ok(await c.v3('POST', `/presets/${p.id}/starring/security`));
    ok(await c.v3('POST', `/presets/${p.id}/starring/security`));
    expect(await stars(p.id)).toEqual({ operational: false, security: true });
    const all = (await presets()).find((x) => x.label === 'All data') as WirePreset;
    expect(all.custom).toBe(false);
    ok(await c.v3('POST', `/presets/${all.id.toUpperCase()}/starring/operational`));
    expect((await stars(all.id)).operational).toBe(true);
    ok(await c.v3('DELETE', `/presets/${all.id}/starring/operational`));
  });

  it('answers 400 for a malformed id or an unknown type, and changes nothing', async () => {
    const p = await custom();
    const before = world();
    expectError3(await c.v3('POST', '/presets/all-data/starring/operational'), 400, /Invalid preset id/);
    expectError3(await c.v3('POST', `/presets/${p.id}/starring/favourite`), 400, /"type": must be 'operational' or 'security'/);
    expectError3(await c.v3('POST', `/presets/${p.id}/starring/Operational`), 400, /"type"/);
    expect(world()).toBe(before);
  });

  it('answers 404 for an unknown preset, and changes nothing', async () => {
    const before = world();
    expectError3(await c.v3('POST', `/presets/${UNKNOWN}/starring/security`), 404, new RegExp(`Preset not found: ${UNKNOWN}`));
    expect(world()).toBe(before);
  });

  it('answers 401 to ?token= alone', async () => {
    const p = await custom();
    expectError3(await c.app.inject({ method: 'POST', url: `${API3}/presets/${p.id}/starring/security?token=${TOKEN}` }), 401, /x-token-id/);
    expect(await stars(p.id)).toEqual({ operational: false, security: false });
  });
});

describe('DELETE /presets/{preset_id}/starring/{type}', () => {
  it('takes one star off (an empty 200), the other staying; taking it off again is no error', async () => {
    const p = await custom();
    ok(await c.v3('POST', `/presets/${p.id}/starring/operational`));
    ok(await c.v3('POST', `/presets/${p.id}/starring/security`));
    ok(await c.v3('DELETE', `/presets/${p.id}/starring/operational`));
    expect(await stars(p.id)).toEqual({ operational: false, security: true });
    ok(await c.v3('DELETE', `/presets/${p.id}/starring/operational`));
    ok(await c.v3('DELETE', `/presets/${p.id}/starring/security`));
    expect(await stars(p.id)).toEqual({ operational: false, security: false });
  });

  it('answers 400 for a malformed id or an unknown type, and changes nothing', async () => {
    const p = await custom();
    ok(await c.v3('POST', `/presets/${p.id}/starring/operational`));
    const before = world();
    expectError3(await c.v3('DELETE', '/presets/x/starring/operational'), 400, /Invalid preset id/);
    expectError3(await c.v3('DELETE', `/presets/${p.id}/starring/all`), 400, /"type"/);
    expect(world()).toBe(before);
  });

  it('answers 404 for an unknown preset', async () => {
    expectError3(await c.v3('DELETE', `/presets/${UNKNOWN}/starring/operational`), 404, /Preset not found/);
  });
});
