import { describe, expect, it } from 'vitest';
import { PresetSchema, categoryId } from '../../../src/domain/preset.js';
import { ALL_DATA, BADGES, CATEGORIES, builtinPresets, presetTag } from '../../../src/seed/knowledge/presets.js';
import { KDB_TAG_KEYS } from '../../../src/ingest/knowledge-db.js';

describe('builtinPresets', () => {
  const presets = builtinPresets();

  it('ships "All data" first: no filter, not custom, category Basics, badge Organize, priority 1', () => {
    expect(presets[0]).toBe(ALL_DATA);
    expect(ALL_DATA).toMatchObject({ label: 'All data', custom: false, priorityOrder: 1, category: { label: 'Basics', id: categoryId('Basics') }, badges: [BADGES.organize] });
    expect(Object.values(ALL_DATA.filters).every((f) => f.length === 0)).toBe(true);
    expect([ALL_DATA.componentTagless, ALL_DATA.groupless, ALL_DATA.hasExternalCommunications, ALL_DATA.search]).toEqual(['indeterminate', 'indeterminate', 'indeterminate', '']);
  });

  it('ships presets of every kind but "My preset", none custom, with unique labels and ids', () => {
    expect(presets.length).toBeGreaterThanOrEqual(5);
    for (const p of presets) expect(PresetSchema.parse(p)).toEqual(p);
    expect(presets.every((p) => !p.custom && p.category.id !== CATEGORIES.myPreset.id)).toBe(true);
    expect(new Set(presets.map((p) => p.label)).size).toBe(presets.length);
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    expect(new Set(presets.map((p) => p.category.label))).toEqual(new Set(['Basics', 'Asset management', 'Security']));
  });

  it('filters on Knowledge DB tags only, so that every Center has them', () => {
    for (const p of presets) for (const t of p.filters.tags) expect(KDB_TAG_KEYS.has(t.value.id), `${p.label}: ${t.value.id}`).toBe(true);
  });

  it('names the same presets with the same ids every time', () => {
    expect(builtinPresets().map((p) => p.id)).toEqual(presets.map((p) => p.id));
  });
});

describe('presetTag', () => {
  it('names a tag as presets do: key, label, type, category', () => {
    expect(presetTag('PLC')).toEqual({
      operator: 'include',
      value: { id: 'PLC', label: 'PLC', type: 'component', category: { id: categoryId('Device'), label: 'Device', priority_order: 0 } },
    });
    expect(() => presetTag('NOPE')).toThrow(/not a Knowledge DB tag/);
  });
});
