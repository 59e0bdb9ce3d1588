/**
 * Every answer a real Center was recorded giving (fixtures/v3/sample-shapes.json), asked of the
 * emulator on the same route: each recorded field is there with a type the Center gave it. The
 * route tests check the same per route; this one makes sure no recording is left unchecked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCenter, type TestCenter } from '../../helpers.js';
import { RECORDED, shapeGaps } from './shape.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

/** The ids a recorded route's path names, taken from the world: the "All data" preset, the component with the most vulnerabilities. */
async function concretePath(route: string): Promise<string> {
  const path = route.replace(/^GET \/api\/3\.0/, '');
  if (!path.includes('{id}')) return path;
  if (path.startsWith('/presets/')) {
    const presets = await c.json3<{ id: string; label: string }[]>('/presets');
    const all = presets.find((p) => p.label === 'All data');
    return path.replace('{id}', all?.id ?? 'none');
  }
  const components = await c.json3<{ id: string; vulnerabilitiesCount: number }[]>('/components');
  const most = components.reduce((a, b) => (b.vulnerabilitiesCount > a.vulnerabilitiesCount ? b : a));
  return path.replace('{id}', most.id);
}

describe('the answers recorded from a real Center', () => {
  it('cover the routes the recordings name', () => {
    expect(RECORDED.length).toBeGreaterThanOrEqual(7);
  });

  for (const r of RECORDED) {
    it(`${r.route}${r.query ? `?${r.query}` : ''}: every recorded field, with a type the Center gave`, async () => {
      const path = await concretePath(r.route);
      const answer = await c.json3<unknown[]>(`${path}${r.query ? `?${r.query}` : ''}`);
      expect(answer.length).toBeGreaterThan(0);
      expect(answer.flatMap((item, i) => shapeGaps(item, r.item, `$[${i}]`))).toEqual([]);
    });
  }
});
