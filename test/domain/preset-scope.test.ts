import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Preset, type PresetFilters, UNFILTERED } from '../../src/domain/preset.js';
import { type PresetScope, needsFacts, passesRanges, presetScope } from '../../src/domain/preset-scope.js';

type Scoped = Pick<Preset, 'filters' | 'search' | 'componentTagless' | 'activityTagless' | 'groupless' | 'hasExternalCommunications'>;
const NONE: Scoped = UNFILTERED;
const CENTER = 'b6a1b1a4-0000-4000-8000-000000000001';
const ctx = { centerId: CENTER, isComponentTag: (k: string) => ['PLC', 'SWITCH'].includes(k) };
const scope = (change: Partial<Scoped> = {}, filters: Partial<PresetFilters> = {}): PresetScope =>
  presetScope({ ...NONE, ...change, filters: { ...NO_FILTERS, ...filters } }, ctx);
const tag = (operator: 'include' | 'exclude', id: string) => ({ operator, value: { id, label: id, type: 'x' } });

describe('presetScope', () => {
  it('keeps everything for a preset without filters ("All data")', () => {
    const s = scope();
    expect(s.all).toBe(true);
    expect(s.thisCenter).toBe(true);
  });

  it('splits tags into component tags and activity tags, included and excluded', () => {
    const s = scope({}, { tags: [tag('include', 'PLC'), tag('include', 'S7'), tag('exclude', 'SWITCH'), tag('exclude', 'TELNET')] });
    expect(s.all).toBe(false);
    expect(s.componentTags).toEqual({ include: ['PLC'], exclude: ['SWITCH'] });
    expect(s.activityTags).toEqual({ include: ['S7'], exclude: ['TELNET'] });
  });

  it('lists a group filter\'s nested children with their own operators', () => {
    const s = scope({}, {
      groups: [{ operator: 'include', value: { id: 'a', children: [{ operator: 'include', value: { id: 'b', children: [{ operator: 'exclude', value: { id: 'c' } }] } }] } }],
    });
    expect(s.groups).toEqual({ include: ['a', 'b'], exclude: ['c'] });
  });

  it('turns subnets into address ranges, and an unparsable one into a range nothing falls in', () => {
    const s = scope({}, {
      networks: [
        { operator: 'include', value: { id: 'n1', subnet: '10.20.0.0/16', vlan: 20 } },
        { operator: 'exclude', value: { id: 'n2', subnet: 'not a subnet', vlan: null } },
      ],
    });
    expect(s.networks.include).toEqual([{ first: 0x0a140000, last: 0x0a14ffff }]);
    expect(s.networks.exclude).toEqual([{ first: 1, last: 0 }]);
  });

  it('keeps sensor ids and risk score ranges', () => {
    const s = scope({}, {
      sensors: [{ operator: 'exclude', value: { id: 's1', label: 'S1' } }],
      riskScores: [{ operator: 'include', value: { id: 'high', min: 70, max: 100 } }],
    });
    expect(s.sensors).toEqual({ include: [], exclude: ['s1'] });
    expect(s.riskScores).toEqual({ include: [{ first: 70, last: 100 }], exclude: [] });
  });

  it.each([
    ['no center listed', [], true],
    ['this Center included', [{ operator: 'include' as const, value: { id: CENTER } }], true],
    ['another Center included', [{ operator: 'include' as const, value: { id: 'other' } }], false],
    ['this Center excluded', [{ operator: 'exclude' as const, value: { id: CENTER } }], false],
    ['another Center excluded', [{ operator: 'exclude' as const, value: { id: 'other' } }], true],
  ])('decides whether this Center is in scope: %s', (_, centers, expected) => {
    expect(scope({}, { centers }).thisCenter).toBe(expected);
  });

  it('reads the flags: "true" and "false" filter, "indeterminate" does not', () => {
    const s = scope({ componentTagless: 'true', groupless: 'false', activityTagless: 'indeterminate', hasExternalCommunications: 'true', search: '  plc  ' });
    expect([s.componentTagless, s.groupless, s.activityTagless, s.hasExternalCommunications]).toEqual([true, false, null, true]);
    expect(s.search).toBe('plc');
    expect(s.all).toBe(false);
  });
});

describe('needsFacts', () => {
  it('says when risk scores or external communications are needed', () => {
    expect(needsFacts(scope())).toEqual({ riskScore: false, externalCommunications: false });
    expect(needsFacts(scope({ hasExternalCommunications: 'false' }, { riskScores: [{ operator: 'exclude', value: { id: 'x', min: 0, max: 10 } }] }))).toEqual({
      riskScore: true,
      externalCommunications: true,
    });
  });
});

describe('passesRanges', () => {
  const ranges = (include: [number, number][], exclude: [number, number][] = []) => ({
    include: include.map(([first, last]) => ({ first, last })),
    exclude: exclude.map(([first, last]) => ({ first, last })),
  });
  it.each([
    ['no range: anything', 42, ranges([]), true],
    ['no range: a missing value', null, ranges([]), true],
    ['in an included range, bounds included', 70, ranges([[70, 100]]), true],
    ['in the second included range', 15, ranges([[70, 100], [10, 20]]), true],
    ['outside every included range', 69, ranges([[70, 100]]), false],
    ['a missing value when a range is included', null, ranges([[0, 100]]), false],
    ['in an excluded range', 5, ranges([], [[0, 10]]), false],
    ['included and excluded', 75, ranges([[70, 100]], [[75, 75]]), false],
    ['a missing value when a range is only excluded', null, ranges([], [[0, 10]]), true],
  ])('%s', (_, value, s, expected) => {
    expect(passesRanges(value, s)).toBe(expected);
  });
});
