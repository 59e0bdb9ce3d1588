/** A preset's dashboard (API 3.0): dashboard-security/{type}/counts, equal to the ends of the lists it summarizes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preset } from '../../../src/domain/preset.js';
import { UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Element {
  label: string;
  value: number;
  componentsCount: number;
}

let c: TestCenter;
const preset = (label: string) => c.store.presets.list().find((p) => p.label === label) as Preset;
const view = <T>(p: Preset, path: string) => c.json3<T>(`/presets/${p.id}/visualisations/${path}`);

beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

describe('GET /presets/{preset_id}/visualisations/dashboard-security/{type}/counts', () => {
  it('answers the first ten and the last ten values of dashboard-security/{type}/list, for each type and preset', async () => {
    let longest = 0;
    for (const label of ['All data', 'IT infrastructure', 'All Controllers']) {
      for (const type of ['dns', 'http', 'smb']) {
        const p = preset(label);
        const list = await view<Element[]>(p, `dashboard-security/${type}/list`);
        expect(await view(p, `dashboard-security/${type}/counts`), `${label} ${type}`).toEqual({ top: list.slice(0, 10), bottom: list.slice(-10) });
        longest = Math.max(longest, list.length);
      }
    }
    // Some list is long enough for its two ends to differ.
    expect(longest).toBeGreaterThan(10);
  });

  it('keeps the flows active in the from/to window, as the list does', async () => {
    const p = preset('All data');
    expect(await view(p, 'dashboard-security/dns/counts?to=0')).toEqual({ top: [], bottom: [] });
    const list = await view<Element[]>(p, 'dashboard-security/dns/list?from=0');
    expect(list.length).toBeGreaterThan(0);
    expect(await view(p, 'dashboard-security/dns/counts?from=0')).toEqual({ top: list.slice(0, 10), bottom: list.slice(-10) });
  });

  it('answers 400 for an unknown type or a malformed id, 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `/presets/${preset('All data').id}/visualisations/dashboard-security/ftp/counts`), 400, /type/);
    expectError3(await c.v3('GET', '/presets/x/visualisations/dashboard-security/dns/counts'), 400, /Invalid preset id/);
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/dashboard-security/dns/counts`), 404, /Preset not found/);
  });
});
