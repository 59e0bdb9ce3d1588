import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PresetFiltersSchema, TriStateSchema, categoryId } from '../../src/domain/preset.js';

const sample = JSON.parse(readFileSync(new URL('../../fixtures/v3/presets.json', import.meta.url), 'utf8')) as {
  sample: { filters: unknown; componentTagless: string; category: { id: string; label: string } }[];
};

describe('PresetFiltersSchema', () => {
  it('reads the filters of the recorded presets, and gives them back unchanged', () => {
    for (const p of sample.sample) expect(PresetFiltersSchema.parse(p.filters)).toEqual(p.filters);
  });

  it('keeps the fields of a value it does not know (a preset exported from a real Center comes back whole)', () => {
    const filters = {
      tags: [{ operator: 'include', value: { id: 'PLC', label: 'PLC', type: 'component', important: true } }],
      groups: [{ operator: 'exclude', value: { id: 'g1', color: 0x06a2c9, children: [{ operator: 'include', value: { id: 'g2', depth: 1 } }] } }],
      sensors: [],
      centers: [{ operator: 'include', value: { id: 'c1', label: 'Center', fingerprint: 'ab:cd' } }],
      networks: [{ operator: 'include', value: { id: 'n1', subnet: '10.0.0.0/8', vlan: null } }],
      riskScores: [{ operator: 'include', value: { id: 'high', min: 70, max: 100 } }],
    };
    expect(PresetFiltersSchema.parse(filters)).toEqual(filters);
  });

  it.each([
    ['an unknown operator', { operator: 'only', value: { id: 'PLC', label: 'PLC', type: 'component' } }],
    ['a value without id', { operator: 'include', value: { label: 'PLC', type: 'component' } }],
  ])('refuses %s', (_, tag) => {
    const filters = { tags: [tag], groups: [], sensors: [], centers: [], networks: [], riskScores: [] };
    expect(PresetFiltersSchema.safeParse(filters).success).toBe(false);
  });
});

describe('TriStateSchema', () => {
  it('reads the recorded "indeterminate", and true and false', () => {
    expect(sample.sample.map((p) => TriStateSchema.parse(p.componentTagless))).toEqual(['indeterminate', 'indeterminate', 'indeterminate']);
    expect(TriStateSchema.options).toEqual(['indeterminate', 'true', 'false']);
  });
});

describe('categoryId', () => {
  it('derives a stable UUIDv5 from the label', () => {
    expect(categoryId('My preset')).toBe(categoryId('My preset'));
    expect(categoryId('My preset')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(categoryId('Basics')).not.toBe(categoryId('My preset'));
  });
});
