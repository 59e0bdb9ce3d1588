import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type PresetFilters, PresetFiltersSchema, TriStateSchema, categoryId, withoutObjects } from '../../src/domain/preset.js';

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

describe('withoutObjects', () => {
  const g = (id: string, operator: 'include' | 'exclude' = 'include', children?: PresetFilters['groups']): PresetFilters['groups'][number] => ({ operator, value: { id, label: id, ...(children ? { children } : {}) } });
  const net = (id: string, operator: 'include' | 'exclude' = 'include'): PresetFilters['networks'][number] => ({ operator, value: { id, subnet: '10.0.0.0/8', vlan: null } });
  const filters = (groups: PresetFilters['groups'], networks: PresetFilters['networks'] = []): PresetFilters => ({ ...NO_FILTERS, groups, networks });

  it.each<[string, PresetFilters, { groups?: string[]; networks?: string[] }, PresetFilters]>([
    ['a group at the top', filters([g('a'), g('b', 'exclude')]), { groups: ['a'] }, filters([g('b', 'exclude')])],
    ['the only group: no group filter left', filters([g('a')]), { groups: ['a'] }, filters([])],
    ['a group nested: its parent stays, without it', filters([g('p', 'include', [g('a'), g('c', 'exclude')])]), { groups: ['a'] }, filters([g('p', 'include', [g('c', 'exclude')])])],
    ['a parent: its children take its place, each with its operator', filters([g('x'), g('p', 'include', [g('a', 'exclude'), g('c')])]), { groups: ['p'] }, filters([g('x'), g('a', 'exclude'), g('c')])],
    ['ids compared without case', filters([g('ABC')]), { groups: ['abc'] }, filters([])],
    ['a network', filters([], [net('n1'), net('n2', 'exclude')]), { networks: ['n2'] }, filters([], [net('n1')])],
    ['groups and networks at once', filters([g('a')], [net('a')]), { groups: ['a'], networks: ['a'] }, filters([], [])],
    ['a group id does not name a network', filters([], [net('a')]), { groups: ['a'] }, filters([], [net('a')])],
  ])('drops %s', (_, before, gone, after) => {
    const sets = { ...(gone.groups ? { groups: new Set<string>(gone.groups) } : {}), ...(gone.networks ? { networks: new Set<string>(gone.networks) } : {}) };
    expect(withoutObjects(before, sets)).toEqual(after);
  });

  it('answers the same object when it names none of them (nothing to write)', () => {
    const f = filters([g('a', 'include', [g('b')])], [net('n')]);
    expect(withoutObjects(f, { groups: new Set(['z']), networks: new Set(['y']) })).toBe(f);
  });
});
