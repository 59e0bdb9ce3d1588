import { describe, expect, it } from 'vitest';
import { uuidv5 } from '../../../src/domain/ids.js';
import { generatePlant } from '../../../src/seed/plant.js';
import { loadProfile } from '../../../src/seed/profile.js';

const END = Date.UTC(2026, 0, 15, 12) * 1000;
const profile = loadProfile('default');
const plant = generatePlant(profile, END);

describe('buildAcknowledgements', () => {
  it('acknowledges about one match in twenty, each on the device of the matched component', () => {
    const acks = plant.acknowledgements;
    expect(acks.length).toBe(Math.round(plant.vulnerabilities.length * 0.05));
    for (const a of acks) {
      const m = plant.vulnerabilities.find((v) => v.componentId === a.componentId && v.vulnerability.id === a.vulnerabilityId);
      expect(m, a.vulnerabilityId).toBeDefined();
      expect(a.author).toMatch(/@example\.com$/);
      expect(a.comment.length).toBeGreaterThan(0);
      expect(a.after).toBeGreaterThan(0);
    }
    expect(new Set(acks.map((a) => `${a.deviceId}|${a.vulnerabilityId}`)).size).toBe(acks.length);
  });

  it('acknowledges at least one when anything matched, none otherwise', () => {
    expect(generatePlant(loadProfile('small'), END).acknowledgements.length).toBeGreaterThanOrEqual(1);
    expect(generatePlant({ ...profile, vulnerabilities: 0 }, END).acknowledgements).toEqual([]);
  });
});

describe('buildUserProperties', () => {
  it('annotates some devices (location, owner) and some controllers\' components (asset tag), with stable ids', () => {
    const props = plant.userProperties;
    expect(props.filter((p) => p.owner === 'device').length).toBeGreaterThan(0);
    expect(props.filter((p) => p.owner === 'component').length).toBeGreaterThan(0);
    for (const p of props) expect(p.id).toBe(uuidv5(`user-property|${p.owner}|${p.ownerId}|${p.key}`));
    expect(new Set(props.map((p) => p.id)).size).toBe(props.length);
    expect(new Set(props.filter((p) => p.owner === 'component').map((p) => p.key))).toEqual(new Set(['Asset tag']));
    expect(new Set(props.filter((p) => p.owner === 'device').map((p) => p.key))).toEqual(new Set(['Location', 'Owner']));
  });
});
