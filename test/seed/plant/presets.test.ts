import { describe, expect, it } from 'vitest';
import { PresetDataInfoSchema, PresetSchema } from '../../../src/domain/preset.js';
import { BADGES, CATEGORIES, builtinPresets } from '../../../src/seed/knowledge/presets.js';
import { generatePlant } from '../../../src/seed/plant.js';
import { loadProfile } from '../../../src/seed/profile.js';

const END = Date.UTC(2026, 0, 15, 12) * 1000;
const small = loadProfile('small');
const plant = generatePlant(small, END);
const custom = plant.presets.filter((p) => p.preset.custom).map((p) => p.preset);

describe('buildPresets', () => {
  it('gives the shipped presets, then the users\' in "My preset"', () => {
    expect(plant.presets.slice(0, builtinPresets().length).map((p) => p.preset)).toEqual(builtinPresets());
    expect(custom.length).toBeGreaterThanOrEqual(5);
    for (const p of custom) {
      expect(PresetSchema.parse(p)).toEqual(p);
      expect(p).toMatchObject({ category: CATEGORIES.myPreset, badges: [BADGES.custom], imported: false });
      expect(p.creatorEmail).toMatch(/@example\.com$/);
      expect(p.lastUpdate).toBeLessThanOrEqual(END);
      expect(p.lastUpdate).toBeGreaterThanOrEqual(END - small.historyDays * 86_400_000_000);
    }
    expect(new Set(plant.presets.map((p) => p.preset.id)).size).toBe(plant.presets.length);
  });

  it("names the plant's real groups, sensors and networks, as GET /presets prints them", () => {
    const groups = custom.flatMap((p) => p.filters.groups.map((g) => g.value));
    const sensors = custom.flatMap((p) => p.filters.sensors.map((s) => s.value));
    const networks = custom.flatMap((p) => p.filters.networks.map((n) => n.value));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const real = plant.groups.find((x) => x.id === g.id);
      expect(real?.label).toBe(g.label);
      expect(typeof g.color).toBe('number');
    }
    expect(sensors.length).toBeGreaterThan(0);
    for (const s of sensors) expect(plant.sensors.find((x) => x.id === s.id)).toMatchObject({ name: s.label, ip: s.ip, serialNumber: s.serialNumber });
    expect(networks.length).toBeGreaterThan(0);
    for (const n of networks) expect(plant.customNetworks.find((x) => x.id === n.id)).toMatchObject({ ipRange: n.subnet, vlanId: n.vlan });
  });

  it('has data for every preset, refreshed before the end of the history', () => {
    for (const { dataInfo } of plant.presets) {
      expect(PresetDataInfoSchema.parse(dataInfo)).toEqual(dataInfo);
      expect(dataInfo).toMatchObject({ presetDataAvailable: true, refreshInProgress: false, forceRefreshRequested: false });
      expect(dataInfo.lastRefresh).toBeLessThan(END);
      expect(dataInfo.lastRefreshDuration).toBeGreaterThan(0);
    }
  });

  it('is the same for the same profile and end', () => {
    expect(generatePlant(small, END).presets).toEqual(plant.presets);
  });
});
