/**
 * A known state on demand: GET /_emulator/health, POST /_emulator/reset, /_emulator/snapshots,
 * and the control plane turned off (CCV_CONTROL=off).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ADMIN_KEY, API, TOKEN, type TestCenter, expectError, testCenter } from '../helpers.js';

const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1'; // guide 5.2

let c: TestCenter;
let dir: string | undefined;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  c.app.services.world.close();
  await c.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const control: TestCenter['control'] = (...args) => c.control(...args);

describe('GET /_emulator/health', () => {
  it('answers without a key: status, version, scenario and counts', async () => {
    const res = await control('GET', '/_emulator/health', undefined, null);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { status: string; version: string; uptime_s: number; scenario: string; counts: Record<string, number> };
    expect(body).toMatchObject({ status: 'ok', scenario: 'small' });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.uptime_s).toBeGreaterThanOrEqual(0);
    const count = (t: string) => c.store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect(body.counts).toEqual({ sensors: count('sensor'), components: count('component'), flows: count('flow'), events: count('event'), variables: count('variable'), groups: count('grp') });
    expect(body.counts['flows']).toBeGreaterThan(0);
  });
});

describe('POST /_emulator/reset', () => {
  it('rebuilds the world (writes are gone) and keeps tokens, the admin key and the licence', async () => {
    expect((await c.send('POST', `${API}/group`, { label: 'Before reset', components: [PLC_3] })).statusCode).toBe(200);
    c.store.settings.set('license.api', 'true');
    const res = await control('POST', '/_emulator/reset', { scenario: 'small', seed: 7 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ scenario: 'small', seed: 7 });
    expect(c.store.settings.get('world.seed')).toBe('7');
    const groups = await c.json<{ label: string }[]>('/api/1.0/group');
    expect(groups.map((g) => g.label)).not.toContain('Before reset');
    // The guide's fixtures are back, the test token still works (c.json asserts the 200).
    expect((await c.json<{ id: string }>(`${API}/component/${PLC_3}`)).id).toBe(PLC_3);
    expect((await control('GET', '/_emulator/clock')).statusCode).toBe(200);
  });

  it('rebuilds the current scenario with its own seed when nothing is given', async () => {
    const seed = c.store.settings.get('world.seed');
    const res = await control('POST', '/_emulator/reset');
    expect(res.json()).toMatchObject({ scenario: 'small', seed: Number(seed) });
  });

  it('gives the same world twice for the same scenario and seed', async () => {
    const page = async () => (await c.get(`${API}/flows?limit=50&order=desc`)).body;
    await control('POST', '/_emulator/reset', { seed: 11 });
    const first = await page();
    await control('POST', '/_emulator/reset', { seed: 11 });
    expect(await page()).toBe(first);
  });

  it.each([
    [{ scenario: 'nope' }, /Unknown scenario "nope": available scenarios are .*small/],
    [{ seed: -1 }, /seed.*>= 0/],
    [{ seed: 1.5 }, /seed.*integer/],
    [{ scenario: 'small', colour: 'red' }, /colour|nrecognized/],
  ])('answers 400 to %j and changes nothing', async (body, message) => {
    const before = c.store.version();
    expectError(await control('POST', '/_emulator/reset', body), 400, message);
    expect(c.store.version()).toBe(before);
  });

  it('needs the admin key', async () => {
    expectError(await control('POST', '/_emulator/reset', {}, null), 401);
  });
});

describe('/_emulator/snapshots', () => {
  const answers = async () => Promise.all([`${API}/component/${PLC_3}`, `${API}/group`, `${API}/tags`, `${API}/flows?limit=20`].map(async (p) => (await c.get(p)).body));

  it('gives back the earlier answers after writes, and lists what was saved', async () => {
    const before = await answers();
    const saved = await control('POST', '/_emulator/snapshots', { name: 'clean' });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ name: 'clean' });

    expect((await c.send('PUT', `${API}/component/${PLC_3}/custom-name`, { custom_name: 'Renamed' })).statusCode).toBe(200);
    expect((await c.send('POST', `${API}/group`, { label: 'After', components: [PLC_3] })).statusCode).toBe(200);
    await control('POST', '/_emulator/ingest/flows', { flows: [{ src: { mac: '02:00:00:00:00:01' }, dst: { mac: '02:00:00:00:00:02' } }] });
    expect(await answers()).not.toEqual(before);

    const restored = await control('POST', '/_emulator/snapshots/clean/restore');
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await answers()).toEqual(before);

    const list = (await control('GET', '/_emulator/snapshots')).json() as { name: string; size_bytes: number }[];
    expect(list.map((s) => s.name)).toEqual(['clean']);
    expect(list[0]?.size_bytes).toBeGreaterThan(0);
  });

  it('keeps tokens made after the snapshot: they are not part of the world', async () => {
    await control('POST', '/_emulator/snapshots', { name: 's1' });
    const { token } = c.store.tokens.create({ id: 'later', name: 'later', now: c.clock.now() });
    await control('POST', '/_emulator/snapshots/s1/restore');
    expect((await c.app.inject({ method: 'GET', url: `${API}/sensor?token=${token}` })).statusCode).toBe(200);
  });

  it('works on a file database, beside it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ccv-snap-'));
    await c.close();
    c = await testCenter('small', join(dir, 'center.db'));
    expect((await control('POST', '/_emulator/snapshots', { name: 'on-disk' })).statusCode).toBe(201);
    expect((await c.send('POST', `${API}/group`, { label: 'Gone soon', components: [PLC_3] })).statusCode).toBe(200);
    expect((await control('POST', '/_emulator/snapshots/on-disk/restore')).statusCode).toBe(200);
    const labels = (await c.json<{ label: string }[]>(`${API}/group`)).map((g) => g.label);
    expect(labels).not.toContain('Gone soon');
  });

  it('answers 409 for a taken name, 400 for a bad one, 404 for an unknown one', async () => {
    await control('POST', '/_emulator/snapshots', { name: 'one' });
    expectError(await control('POST', '/_emulator/snapshots', { name: 'one' }), 409, /already exists/);
    expectError(await control('POST', '/_emulator/snapshots', { name: '../etc' }), 400, /Invalid snapshot name/);
    expectError(await control('POST', '/_emulator/snapshots', {}), 400, /name/);
    expectError(await control('POST', '/_emulator/snapshots/missing/restore'), 404, /Snapshot not found: missing/);
    expectError(await control('DELETE', '/_emulator/snapshots/missing'), 404, /Snapshot not found/);
  });

  it('deletes a snapshot', async () => {
    await control('POST', '/_emulator/snapshots', { name: 'temp' });
    const res = await control('DELETE', '/_emulator/snapshots/temp');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await control('GET', '/_emulator/snapshots')).json()).toEqual([]);
  });

  it('needs the admin key', async () => {
    expectError(await control('GET', '/_emulator/snapshots', undefined, null), 401);
    expectError(await control('POST', '/_emulator/snapshots', { name: 'x' }, 'wrong'), 401);
  });
});

describe('CCV_CONTROL=off', () => {
  it('serves health only: every other control-plane route is unknown, even with the key', async () => {
    const app = await buildApp({ store: c.store, clock: c.clock, adminKey: ADMIN_KEY, control: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/_emulator/health' })).statusCode).toBe(200);
      for (const url of ['/_emulator/clock', '/_emulator/snapshots', '/_emulator/traffic', '/_emulator/tokens']) {
        expectError(await app.inject({ method: 'GET', url, headers: { 'x-emulator-key': ADMIN_KEY } }), 404, /not found/);
      }
      expect((await app.inject({ method: 'GET', url: `${API}/sensor?token=${TOKEN}` })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
