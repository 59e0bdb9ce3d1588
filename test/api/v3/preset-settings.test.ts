/**
 * GET and PUT /api/3.0/presets/{preset_id}/settings: the defaults of a preset never set, the
 * fields a PUT gives replacing, the others staying, read back through GET; a failing PUT changes
 * nothing; settings and stars survive a restart and go with their preset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PresetSettingsSchema } from '../../../src/api/v3/schemas/preset-settings.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';

type Settings = z.infer<typeof PresetSettingsSchema>;

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const DEFAULT_SEVERITIES = { severityAckDifference: 0, severityDeleteElement: 1, severityDifferenceDetected: 2, severityIgnoreDifference: 0, severityNackDifference: 1 };
/** What a preset never set answers (src/domain/preset-settings.ts). */
const defaults = (presetId: string): Settings => ({
  activeBaselineId: '',
  defaultSeverities: DEFAULT_SEVERITIES,
  differenceActivityNew: true,
  differenceActivityTagNew: true,
  differenceComponentNew: true,
  differenceComponentPropertyModified: true,
  differenceComponentPropertyNew: true,
  differenceComponentTagNew: true,
  differenceComponentVariableAccessNew: true,
  forceScanPeriod: false,
  lastEditUpdate: 0,
  presetId,
  scanPeriod: 0,
  ...DEFAULT_SEVERITIES,
});

let n = 0;
const custom = async (center = c) => {
  const res = await center.v3('POST', '/presets', { label: `Preset with settings ${++n}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>().id;
};
const settings = (id: string, center = c) => center.json3<Settings>(`/presets/${id}/settings`);
const put = (id: string, body: unknown) => c.v3('PUT', `/presets/${id}/settings`, body);
const world = () => JSON.stringify(c.store.presets.list().map((p) => [p, c.store.presets.settings(p.id)]));

describe('GET /presets/{preset_id}/settings', () => {
  it('answers the defaults for a preset never set: every difference looked for, no forced scan period, the default severities', async () => {
    const id = await custom();
    const s = await settings(id);
    expectShape(PresetSettingsSchema, s);
    expect(s).toEqual(defaults(id));
  });

  it('answers the settings of a preset the Center ships too', async () => {
    const all = c.store.presets.list().find((p) => p.label === 'All data');
    expect(await settings(all?.id as string)).toEqual(defaults(all?.id as string));
  });

  it('answers 400 for a malformed id, 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', '/presets/x/settings'), 400, /Invalid preset id/);
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/settings`), 404, new RegExp(`Preset not found: ${UNKNOWN}`));
  });
});

describe('PUT /presets/{preset_id}/settings', () => {
  it('writes the fields given, the others staying, lastEditUpdate now; answers the settings as GET then reads them', async () => {
    const id = await custom();
    c.clock.advance(7_000_000);
    const res = await put(id, { differenceActivityNew: false, forceScanPeriod: true, scanPeriod: 3_600_000, severityDifferenceDetected: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json<Settings>();
    expect(first).toEqual({ ...defaults(id), differenceActivityNew: false, forceScanPeriod: true, scanPeriod: 3_600_000, severityDifferenceDetected: 3, lastEditUpdate: Math.floor(c.clock.now() / 1000) });
    expect(await settings(id)).toEqual(first);
    // A second PUT keeps what the first wrote.
    const second = await put(id, { severityAckDifference: 1, differenceComponentNew: false });
    expect(second.json()).toEqual({ ...first, severityAckDifference: 1, differenceComponentNew: false });
    expect(await settings(id)).toEqual(second.json());
  });

  it('takes back what GET answered (presetId, defaultSeverities, lastEditUpdate are not written)', async () => {
    const id = await custom();
    const read = await settings(id);
    c.clock.advance(1_000_000);
    const res = await put(id, { ...read, defaultSeverities: { severityAckDifference: 3 }, lastEditUpdate: 5, scanPeriod: 60_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...read, scanPeriod: 60_000, lastEditUpdate: Math.floor(c.clock.now() / 1000) });
  });

  it('keeps each preset its own settings, and the settings go with their preset', async () => {
    const a = await custom();
    const b = await custom();
    expect((await put(a, { scanPeriod: 1000 })).statusCode).toBe(200);
    expect((await settings(b)).scanPeriod).toBe(0);
    expect((await c.v3('DELETE', `/presets/${a}`)).statusCode).toBe(200);
    expect(c.store.db.prepare('SELECT count(*) FROM preset_settings s LEFT JOIN preset p ON p.rowid = s.preset_rowid WHERE p.rowid IS NULL').pluck().get()).toBe(0);
  });

  it('answers 400 naming the bad field (a type, a severity out of range, a negative period, another preset\'s id, a baseline, no object), and changes nothing', async () => {
    const id = await custom();
    const before = world();
    expectError3(await put(id, { differenceActivityNew: 'yes' }), 400, /"differenceActivityNew": must be a boolean/);
    expectError3(await put(id, { severityNackDifference: 4 }), 400, /"severityNackDifference": must be a severity level from 0 to 3/);
    expectError3(await put(id, { severityNackDifference: 1.5 }), 400, /"severityNackDifference"/);
    expectError3(await put(id, { scanPeriod: -1 }), 400, /"scanPeriod": must be >= 0/);
    expectError3(await put(id, { presetId: UNKNOWN }), 400, /"presetId"/);
    expectError3(await put(id, { activeBaselineId: UNKNOWN }), 400, /"activeBaselineId"/);
    expectError3(await put(id, [1]), 400, /object/);
    expectError3(await c.app.inject({ method: 'PUT', url: `${API3}/presets/${id}/settings`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' }, payload: '{"scanPeriod"' }), 400);
    expectError3(await c.v3('PUT', '/presets/x/settings', { scanPeriod: 1 }), 400, /Invalid preset id/);
    expect(world()).toBe(before);
  });

  it('answers 404 for an unknown preset, and changes nothing', async () => {
    const before = world();
    expectError3(await put(UNKNOWN, { scanPeriod: 1 }), 404, new RegExp(`Preset not found: ${UNKNOWN}`));
    expect(world()).toBe(before);
  });
});

describe('preset settings and stars, after a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccv-preset-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('read back as written', async () => {
    const db = join(dir, 'center.db');
    const first = await testCenter('small', db);
    const id = await custom(first);
    expect((await first.v3('PUT', `/presets/${id}/settings`, { scanPeriod: 42_000, severityDeleteElement: 3 })).statusCode).toBe(200);
    expect((await first.v3('POST', `/presets/${id}/starring/security`)).statusCode).toBe(200);
    const written = await settings(id, first);
    await first.close();
    const second = await testCenter('small', db);
    try {
      expect(await settings(id, second)).toEqual(written);
      expect(await second.json3(`/presets/${id}`)).toMatchObject({ securityStarred: true, operationalStarred: false });
    } finally {
      await second.close();
    }
  });
});
