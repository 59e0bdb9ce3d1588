/** GET /api/3.0/devices/{id}/riskScore and GET /dashboard/risk-score/devices/counts: the stored scores, by part and by level. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DeviceRiskScoreSchema, RiskScoreDevicesCountResponseSchema } from '../../../src/api/v3/schemas/devices.js';
import { riskScore } from '../../../src/domain/risk-score.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { recorded, shapeGaps } from './shape.js';

type Breakdown = z.infer<typeof DeviceRiskScoreSchema>;
type Scored = { id: string; deviceType: string; riskScore: number; bestAchievableScore: number; group: { label: string } | null };

let c: TestCenter;
let devices: Scored[];
let breakdowns: Map<string, Breakdown>;
beforeAll(async () => {
  c = await testCenter();
  devices = await c.json3<Scored[]>('/devices');
  breakdowns = new Map();
  for (const d of devices) breakdowns.set(d.id, await c.json3<Breakdown>(`/devices/${d.id}/riskScore`));
});
afterAll(() => c.close());

const parts = (b: Breakdown) => b.deviceTypeRisk.score + b.activitiesRisk.score + b.groupRisk.score + b.vulnerabilitiesRisk.score;

describe('GET /devices/{id}/riskScore', () => {
  it("answers parts that sum to the device's riskScore, for every device", () => {
    for (const d of devices) {
      const b = breakdowns.get(d.id) as Breakdown;
      expectShape(DeviceRiskScoreSchema, b);
      expect(parts(b), d.id).toBe(d.riskScore);
      expect(b.deviceTypeRisk.device).toMatchObject({ id: d.id, deviceType: d.deviceType });
      expect(b.groupRisk.label).toBe(d.group?.label ?? '');
    }
    // The parts vary: types, tags, groups and vulnerabilities all count somewhere.
    const all = [...breakdowns.values()];
    for (const part of ['activitiesRisk', 'groupRisk', 'vulnerabilitiesRisk'] as const) expect(all.some((b) => b[part].score > 0), part).toBe(true);
  });

  it('is what riskScore() gives from the inputs the store gathers', () => {
    for (const { id, input } of c.store.riskInputs.all()) {
      const s = riskScore(input);
      const b = breakdowns.get(id) as Breakdown;
      expect(b.vulnerabilitiesRisk.mostImpactingVulnerability?.id ?? null).toBe(s.vulnerabilitiesRisk.mostImpactingVulnerability?.id ?? null);
      expect(b.activitiesRisk.matchingTag.id).toBe(s.activitiesRisk.matchingTag?.key ?? '');
    }
  });

  it('gives CDN every field it reads, a matching tag with its activity, the most impacting vulnerability in the catalogue shape', () => {
    const all = [...breakdowns.values()];
    const tagged = all.filter((b) => b.activitiesRisk.score > 0);
    expect(tagged.length).toBeGreaterThan(0);
    for (const b of tagged) {
      expect(b.activitiesRisk.matchingTag.label).not.toBe('');
      expect(b.activitiesRisk.matchingTag.riskScoreDescription).not.toBe('');
      expect(b.activitiesRisk.matchingTag.nbOccurences).toBeGreaterThan(0);
      expect(b.activitiesRisk.mostImpactingActivity?.tags.map((t) => t.id)).toContain(b.activitiesRisk.matchingTag.id);
    }
    const vulnerable = all.filter((b) => b.vulnerabilitiesRisk.mostImpactingVulnerability !== null);
    expect(vulnerable.length).toBeGreaterThan(0);
    for (const b of vulnerable) {
      expect(b.vulnerabilitiesRisk.mostImpactingVulnerability?.cve).toMatch(/^CVE-/);
      expect(shapeGaps(b.vulnerabilitiesRisk.mostImpactingVulnerability, recorded('GET /api/3.0/vulnerabilities'))).toEqual([]);
    }
  });

  it('gives a zero-valued matching tag, not null, where no activity tag counts (CDN reads matchingTag.label)', () => {
    const untagged = [...breakdowns.values()].filter((b) => b.activitiesRisk.score === 0);
    expect(untagged.length).toBeGreaterThan(0);
    for (const b of untagged) {
      expect(b.activitiesRisk.matchingTag).toMatchObject({ id: '', label: '', riskScoreDescription: '' });
      expect(b.activitiesRisk.mostImpactingActivity).toBeNull();
    }
  });

  it('follows an acknowledgement: the vulnerability part drops when the worst one is acknowledged', async () => {
    const d = devices.find((x) => breakdowns.get(x.id)?.vulnerabilitiesRisk.mostImpactingVulnerability);
    const worst = breakdowns.get(d?.id ?? '')?.vulnerabilitiesRisk.mostImpactingVulnerability;
    c.store.vulnerabilities.acknowledge(d?.id ?? '', worst?.id ?? '', { time: 0, author: 'test', comment: '' });
    try {
      const after = await c.json3<Breakdown>(`/devices/${d?.id}/riskScore`);
      expect(after.vulnerabilitiesRisk.mostImpactingVulnerability?.id).not.toBe(worst?.id);
    } finally {
      c.store.vulnerabilities.unacknowledge(d?.id ?? '', worst?.id ?? '');
    }
  });

  it('answers 404 for an unknown device, 400 for an id that is not a UUID, 401 to ?token= alone', async () => {
    expectError3(await c.v3('GET', `/devices/${UNKNOWN}/riskScore`), 404, /Device not found/);
    expectError3(await c.v3('GET', '/devices/x/riskScore'), 400, /not a UUID/);
    expectError3(await c.app.inject({ url: `${API3}/devices/${devices[0]?.id}/riskScore?token=${TOKEN}` }), 401, /x-token-id/);
  });
});

describe('GET /dashboard/risk-score/devices/counts', () => {
  type Counts = z.infer<typeof RiskScoreDevicesCountResponseSchema>;
  const level = (s: number) => (s >= 70 ? 'high' : s >= 40 ? 'medium' : 'low');

  it('counts the devices of /devices by level, the counts first in the first object (STE reads them by position)', async () => {
    const body = await c.json3<Counts>('/dashboard/risk-score/devices/counts');
    expectShape(RiskScoreDevicesCountResponseSchema, body);
    const want = { low: 0, medium: 0, high: 0, total: devices.length };
    for (const d of devices) want[level(d.riskScore)]++;
    expect(want.low * want.medium * want.high).toBeGreaterThan(0);
    expect(Object.values(body)[0]).toEqual({ ...want, centerId: '', centerName: '' });
    expect(Object.keys(body.total).slice(0, 4)).toEqual(['low', 'medium', 'high', 'total']);
    expect(body.centers).toEqual([{ ...want, centerId: c.store.settings.get('center.id'), centerName: expect.any(String) }]);
  });

  it('leaves this Center out when centerId names others, and lists at most `limit` Centers', async () => {
    const other = await c.json3<Counts>(`/dashboard/risk-score/devices/counts?centerId=${UNKNOWN}`);
    expect(other).toEqual({ total: { low: 0, medium: 0, high: 0, total: 0, centerId: '', centerName: '' }, centers: [] });
    const ours = await c.json3<Counts>(`/dashboard/risk-score/devices/counts?centerId=${UNKNOWN},${c.store.settings.get('center.id')}`);
    expect(ours.centers).toHaveLength(1);
    expect((await c.json3<Counts>('/dashboard/risk-score/devices/counts?limit=0')).centers).toEqual([]);
  });

  it('answers 400 for a centerId that is not a UUID or a bad limit', async () => {
    expectError3(await c.v3('GET', '/dashboard/risk-score/devices/counts?centerId=abc'), 400, /centerId/);
    expectError3(await c.v3('GET', '/dashboard/risk-score/devices/counts?limit=-1'), 400, /limit/);
  });
});
