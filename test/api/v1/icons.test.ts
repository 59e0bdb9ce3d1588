/**
 * GET /icon and /icon/{key} (guide 6.3.5, 6.3.6): the Knowledge DB icons, the image in base64.
 * The icons are the guide's fixtures (fixtures/icons.json, fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IconSchema, IconSummarySchema } from '../../../src/api/v1/schemas.js';
import { type TestCenter, expectError, expectShape, testCenter } from '../../helpers.js';

type Icon = z.infer<typeof IconSchema>;
type IconSummary = z.infer<typeof IconSummarySchema>;

interface IconFixture {
  key: string;
  description: string;
  content_type: string;
  image_base64: string;
}

const API = '/api/1.0';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The list that guide 6.3.5 prints, in its order. */
const GUIDE_ICONS: IconSummary[] = [
  { key: 'weinteck', description: 'Weintek Labs. Inc.' },
  { key: 'siemens_G_SY02_XX_00038', description: 'CPU 416-3 PN/DP' },
  { key: 'siemens_G_SY02_XX_00041', description: 'CPU 416F-2' },
  { key: 'siemens_G_SY02_XX_01104', description: 'CP 1242-7' },
  { key: 'softing', description: 'Softing' },
  { key: 'turck', description: 'TURCK, Inc.' },
  { key: 'siemens_G_SY02_XX_00244', description: 'CPU 315F-2 DP or PN/DP' },
  { key: 'dell', description: 'Dell' },
];

const fixtures = JSON.parse(readFileSync(new URL('../../../fixtures/icons.json', import.meta.url), 'utf8')) as IconFixture[];

let c: TestCenter;

async function ok(path: string): Promise<unknown> {
  const res = await c.get(path);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json();
}

beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

describe('GET /api/1.0/icon', () => {
  it('answers 200 with an array of {key, description}', async () => {
    expectShape(z.array(IconSummarySchema), await ok(`${API}/icon`));
  });

  it('lists the icons of guide 6.3.5 with their descriptions', async () => {
    const body = (await ok(`${API}/icon`)) as IconSummary[];
    for (const icon of GUIDE_ICONS) expect(body).toContainEqual(icon);
  });

  it('lists the icons of 6.3.6 and 6.3.7 too, each key once', async () => {
    const body = (await ok(`${API}/icon`)) as IconSummary[];
    expect(body).toContainEqual({ key: 'netgear', description: 'netgear' });
    expect(body.map((i) => i.key)).toContain('cisco');
    expect(new Set(body.map((i) => i.key)).size).toBe(body.length);
  });

  it('answers 401 without a token', async () => {
    expectError(await c.app.inject({ method: 'GET', url: `${API}/icon` }), 401, /Token/);
  });
});

describe('GET /api/1.0/icon/{key}', () => {
  it('answers the netgear icon of guide 6.3.6', async () => {
    const body = await ok(`${API}/icon/netgear`);
    expectShape(IconSchema, body);
    const icon = body as Icon;
    expect(icon.key).toBe('netgear');
    expect(icon.description).toBe('netgear');
    expect(icon['content-type']).toBe('image/png');
  });

  it('answers an image in base64 that decodes to a PNG', async () => {
    const icon = (await ok(`${API}/icon/weinteck`)) as Icon;
    expect(icon.image).toMatch(BASE64);
    const png = Buffer.from(icon.image, 'base64');
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
    // The first chunk is IHDR; the fixtures' images are 16×16 (fixtures/README.md).
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([16, 16]);
  });

  it('answers every fixture icon with its description, content type and image', async () => {
    expect(fixtures).toHaveLength(10);
    for (const f of fixtures) {
      const icon = (await ok(`${API}/icon/${f.key}`)) as Icon;
      expectShape(IconSchema, icon);
      expect(icon, f.key).toEqual({ key: f.key, description: f.description, image: f.image_base64, 'content-type': f.content_type });
      expect(Buffer.from(icon.image, 'base64').subarray(0, 8), f.key).toEqual(PNG_MAGIC);
    }
  });

  it('answers 404 for an unknown key', async () => {
    expectError(await c.get(`${API}/icon/no_such_icon`), 404, /no_such_icon/);
  });
});
