/** The baseline engine (src/domain/baseline.ts): what differs, what a review does to the record, a target's status, the counts. */
import { describe, expect, it } from 'vitest';
import {
  type ActivityNow,
  type ComponentNow,
  type Difference,
  acknowledgeActivity,
  acknowledgeComponent,
  activityDifferences,
  componentDifferences,
  differenceId,
  forgetActivity,
  forgetComponent,
  ofKind,
  shown,
  summarizeDifferences,
  targetStatus,
} from '../../src/domain/baseline.js';

const B = { id: 'b1', periodEnd: 1_000 };
const component = (over: Partial<ComponentNow> = {}): ComponentNow => ({ id: 'c1', first: 100, last: 2_000, tags: ['PLC'], props: { vendor: 'Acme' }, ...over });
const activity = (over: Partial<ActivityNow> = {}): ActivityNow => ({
  id: 'a_b',
  first: 100,
  last: 2_000,
  tags: ['S7'],
  variables: [{ variableId: 'v1', authorId: 'a', type: 'read', first: 1_500 }],
  ...over,
});
const summary = (ds: Difference[]) => ds.map((d) => [d.type, d.key, d.value, d.oldValue, d.detection]);

describe('componentDifferences', () => {
  it.each([
    ['the same as recorded', component(), { tags: ['PLC'], props: { vendor: 'Acme' } }, []],
    ['not recorded, active after the period', component(), undefined, [['newComponent', '', '', '', 100]]],
    ['not recorded, silent since before the period ended', component({ last: 999 }), undefined, []],
    ['a new tag', component({ tags: ['PLC', 'HMI'] }), { tags: ['PLC'], props: { vendor: 'Acme' } }, [['newTag', 'HMI', 'HMI', '', 2_000]]],
    ['a new property', component({ props: { vendor: 'Acme', fw: '2' } }), { tags: ['PLC'], props: { vendor: 'Acme' } }, [['newProperty', 'fw', '2', '', 2_000]]],
    ['a changed property', component({ props: { vendor: 'Other' } }), { tags: ['PLC'], props: { vendor: 'Acme' } }, [['changedProperty', 'vendor', 'Other', 'Acme', 2_000]]],
    ['a tag and a property gone: nothing', component({ tags: [], props: {} }), { tags: ['PLC'], props: { vendor: 'Acme' } }, []],
  ] as const)('%s', (_, now, then, expected) => {
    expect(summary(componentDifferences(B, now, then))).toEqual(expected);
  });
});

describe('activityDifferences', () => {
  const recorded = { tags: ['S7'], variables: ['v1/a/read'] };
  it.each([
    ['the same as recorded', activity(), recorded, []],
    ['not recorded, active after the period', activity(), undefined, [['newActivity', '', '', '', 100]]],
    ['not recorded, silent since', activity({ last: 10 }), undefined, []],
    ['a new tag', activity({ tags: ['S7', 'WRITE_VAR'] }), recorded, [['newTag', 'WRITE_VAR', 'WRITE_VAR', '', 2_000]]],
    [
      'a new access type to a known variable',
      activity({ variables: [...activity().variables, { variableId: 'v1', authorId: 'a', type: 'write', first: 1_800 }] }),
      recorded,
      [['newVariableAccess', 'v1/a/write', 'write', '', 1_800]],
    ],
  ] as const)('%s', (_, now, then, expected) => {
    expect(summary(activityDifferences(B, now, then))).toEqual(expected);
  });
});

describe('differenceId', () => {
  it('is a UUID derived from the baseline, the target, the type and the key', () => {
    const id = differenceId('b1', 'components', 'c1', 'newTag', 'PLC');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(differenceId('b1', 'components', 'c1', 'newTag', 'PLC')).toBe(id);
    expect(differenceId('b2', 'components', 'c1', 'newTag', 'PLC')).not.toBe(id);
    expect(differenceId('b1', 'components', 'c1', 'newTag', 'HMI')).not.toBe(id);
  });
});

describe('shown and targetStatus', () => {
  const [tag, prop] = componentDifferences(B, component({ tags: ['PLC', 'HMI'], props: { vendor: 'Other' } }), { tags: ['PLC'], props: { vendor: 'Acme' } }) as [Difference, Difference];
  it.each([
    ['no review', new Map(), ['HMI', 'vendor'], [false, false], 'changed'],
    ['one ignored at its value', new Map([[prop.id, { status: 'ignored' as const, value: 'Other' }]]), ['HMI'], [false], 'changed'],
    ['one ignored at another value: shown again', new Map([[prop.id, { status: 'ignored' as const, value: 'Acme' }]]), ['HMI', 'vendor'], [false, false], 'changed'],
    ['one reported abnormal', new Map([[tag.id, { status: 'abnormal' as const, value: 'HMI' }]]), ['HMI', 'vendor'], [true, false], 'abnormal'],
    ['both ignored', new Map([[tag.id, { status: 'ignored' as const, value: 'HMI' }], [prop.id, { status: 'ignored' as const, value: 'Other' }]]), [], [], 'normal'],
  ])('%s', (_, reviews, keys, abnormal, status) => {
    const s = shown([tag, prop], reviews);
    expect(s.map((d) => d.key)).toEqual(keys);
    expect(s.map((d) => d.abnormal)).toEqual(abnormal);
    expect(targetStatus(s)).toBe(status);
  });

  it('a new target is new', () => {
    expect(targetStatus(shown(componentDifferences(B, component(), undefined), new Map()))).toBe('new');
  });
});

describe('ofKind', () => {
  const d = (type: Difference['type']) => ({ type }) as Difference;
  it.each([
    ['all', 'newComponent', true],
    ['allwithrelated', 'newVariableAccess', true],
    ['tags', 'newTag', true],
    ['tags', 'newProperty', false],
    ['properties', 'changedProperty', true],
    ['properties', 'newTag', false],
    ['variables', 'newVariableAccess', true],
    ['variables', 'newActivity', false],
  ] as const)('%s takes %s: %s', (kind, type, expected) => {
    expect(ofKind(kind, d(type))).toBe(expected);
  });
});

describe('acknowledging', () => {
  it('takes a new component whole, and only the acknowledged differences of a known one', () => {
    const now = component({ tags: ['PLC', 'HMI'], props: { vendor: 'Other', fw: '2' } });
    expect(acknowledgeComponent(undefined, now, componentDifferences(B, now, undefined))).toEqual({ tags: ['PLC', 'HMI'], props: { vendor: 'Other', fw: '2' } });
    const then = { tags: ['PLC'], props: { vendor: 'Acme' } };
    const diffs = componentDifferences(B, now, then).filter((x) => x.type !== 'newProperty');
    const next = acknowledgeComponent(then, now, diffs);
    expect(next).toEqual({ tags: ['PLC', 'HMI'], props: { vendor: 'Other' } });
    // What is acknowledged no longer differs; what was not still does.
    expect(summary(componentDifferences(B, now, next))).toEqual([['newProperty', 'fw', '2', '', 2_000]]);
  });

  it('takes a new activity whole, a new tag or access of a known one', () => {
    const now = activity({ tags: ['S7', 'WRITE_VAR'] });
    expect(acknowledgeActivity(undefined, now, [])).toEqual({ tags: ['S7', 'WRITE_VAR'], variables: ['v1/a/read'] });
    const then = { tags: ['S7'], variables: [] };
    const next = acknowledgeActivity(then, now, activityDifferences(B, now, then));
    expect(activityDifferences(B, now, next)).toEqual([]);
  });
});

describe('forgetting (delete)', () => {
  const c = { tags: ['PLC'], props: { vendor: 'Acme' } };
  const a = { tags: ['S7'], variables: ['v1/a/read'] };
  it.each([
    ['all', undefined, undefined],
    ['allwithrelated', undefined, undefined],
    ['tags', { tags: [], props: c.props }, { tags: [], variables: a.variables }],
    ['properties', { tags: c.tags, props: {} }, a],
    ['variables', c, { tags: a.tags, variables: [] }],
  ] as const)('%s', (kind, component, act) => {
    expect(forgetComponent(c, kind)).toEqual(component);
    expect(forgetActivity(a, kind)).toEqual(act);
  });
});

describe('summarizeDifferences', () => {
  it('counts targets, not differences: new ones, and changed ones the baseline holds', () => {
    const changed = componentDifferences(B, component({ tags: ['PLC', 'HMI'], props: { vendor: 'B' } }), { tags: ['PLC'], props: { vendor: 'A' } });
    const added = componentDifferences(B, component({ id: 'c2', first: 1_800 }), undefined);
    const act = activityDifferences(B, activity(), undefined);
    const actChanged = activityDifferences(B, activity({ id: 'x_y', tags: ['S7', 'X'] }), { tags: ['S7'], variables: ['v1/a/read'] });
    expect(summarizeDifferences([changed, added, act, actChanged])).toEqual({
      counts: { newComponent: 1, changedComponent: 1, newActivity: 1, changedActivity: 1 },
      componentLastDiff: 2_000,
      activityLastDiff: 2_000,
    });
  });

  it('takes the latest detection of each kind, and leaves a target without differences out', () => {
    const added = componentDifferences(B, component({ id: 'c2', first: 1_800 }), undefined);
    const act = activityDifferences(B, activity({ first: 1_200 }), undefined);
    expect(summarizeDifferences([added, [], act])).toEqual({
      counts: { newComponent: 1, changedComponent: 0, newActivity: 1, changedActivity: 0 },
      componentLastDiff: 1_800,
      activityLastDiff: 1_200,
    });
    expect(summarizeDifferences([])).toEqual({ counts: { newComponent: 0, changedComponent: 0, newActivity: 0, changedActivity: 0 }, componentLastDiff: 0, activityLastDiff: 0 });
  });
});
