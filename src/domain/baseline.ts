/**
 * Baselines (API 3.0 "Baselines", "BaselineDifferences"): what a preset's scope held when the
 * baseline was made, and how the live world differs from it. Pure: the store hands over what the
 * baseline recorded of a target and what the world holds of it now; this module says what
 * differs, what a review does to the record, and what a target's status is. Times in µs.
 *
 * divergence: Cisco's document names the targets (components, activities), the kinds of
 * difference a review takes (tags, properties, variables) and the actions (ack, nack, ignore,
 * delete), not the difference types nor the statuses: these are ours.
 * - A component is `newComponent` when the baseline does not hold it and it was active after the
 *   baseline's period ended; one the baseline holds differs by a tag it did not have (`newTag`), a
 *   property it did not have (`newProperty`) or whose value changed (`changedProperty`).
 * - An activity likewise: `newActivity`, `newTag`, and `newVariableAccess` (one end reads or
 *   writes a variable of the other in a way the baseline did not hold).
 * - Nothing is reported for what disappeared (a tag or a property gone, a component silent).
 * - A difference's detection: a new target's first activity, a change's the target's last
 *   activity (when the change appeared is not kept), a new variable access's first access.
 */
import { uuidv5 } from './ids.js';
import type { Micros } from './time.js';

export const BASELINE_TARGETS = ['components', 'activities'] as const;
export type BaselineTarget = (typeof BASELINE_TARGETS)[number];

export const DIFFERENCE_TYPES = ['newComponent', 'newActivity', 'newTag', 'newProperty', 'changedProperty', 'newVariableAccess'] as const;
export type DifferenceType = (typeof DIFFERENCE_TYPES)[number];

/** Cisco's actions: ack folds the difference into the baseline, nack reports it abnormal, ignore hides it, delete (a target's) forgets what the baseline holds. */
export const REVIEW_ACTIONS = ['ack', 'nack', 'ignore', 'delete'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Cisco's `diff_type`: every difference of the target (with those of the related targets), or one kind. */
export const DIFFERENCE_KINDS = ['allwithrelated', 'all', 'variables', 'tags', 'properties'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export interface Baseline {
  id: string;
  presetId: string;
  label: string;
  description: string;
  creatorEmail: string;
  creationTime: Micros;
  /** What the baseline was made of: the scope's components and activities active in [start, end]. */
  periodStart: Micros;
  periodEnd: Micros;
  lastEditTime: Micros;
}

/** What a baseline holds of a component: its tag keys and properties. */
export interface ComponentRecord {
  tags: readonly string[];
  props: Readonly<Record<string, string>>;
}

/** What a baseline holds of an activity: its tag keys and variable accesses (`accessKey`). */
export interface ActivityRecord {
  tags: readonly string[];
  variables: readonly string[];
}

export interface VariableAccess {
  variableId: string;
  authorId: string;
  /** read or write. */
  type: string;
  first: Micros;
}

/** A component or an activity as the world holds it now. */
export interface TargetNow {
  id: string;
  first: Micros;
  last: Micros;
}
export type ComponentNow = TargetNow & ComponentRecord;
export type ActivityNow = TargetNow & { tags: readonly string[]; variables: readonly VariableAccess[] };

export interface Difference {
  id: string;
  target: BaselineTarget;
  targetId: string;
  type: DifferenceType;
  /** The tag key, property name or variable access key ("" for a new target). */
  key: string;
  value: string;
  oldValue: string;
  detection: Micros;
}

export type ReviewStatus = 'abnormal' | 'ignored';
export interface Review {
  status: ReviewStatus;
  /** The difference's value when reviewed: once it changes, the review no longer holds. */
  value: string;
}

/** A difference as shown: `abnormal` when reported so (nack) and not changed since. */
export interface ShownDifference extends Difference {
  abnormal: boolean;
}

export const accessKey = (a: Pick<VariableAccess, 'variableId' | 'authorId' | 'type'>): string => `${a.variableId}/${a.authorId}/${a.type}`;

const DIFFERENCE_NAMESPACE = Buffer.from('9c1e6a4b2f7d4e8a8b3c5d6e7f801a2b', 'hex');

export function differenceId(baselineId: string, target: BaselineTarget, targetId: string, type: DifferenceType, key: string): string {
  return uuidv5(`${baselineId}|${target}|${targetId}|${type}|${key}`, DIFFERENCE_NAMESPACE);
}

function make(baselineId: string, target: BaselineTarget, t: TargetNow, type: DifferenceType, key: string, value: string, oldValue: string, detection: Micros): Difference {
  return { id: differenceId(baselineId, target, t.id, type, key), target, targetId: t.id, type, key, value, oldValue, detection };
}

/** Whether a target the baseline does not hold is new: active after the baseline's period. */
const isNew = (b: Pick<Baseline, 'periodEnd'>, t: TargetNow) => t.last >= b.periodEnd;

export function componentDifferences(b: Pick<Baseline, 'id' | 'periodEnd'>, now: ComponentNow, then: ComponentRecord | undefined): Difference[] {
  if (!then) return isNew(b, now) ? [make(b.id, 'components', now, 'newComponent', '', '', '', now.first)] : [];
  const out: Difference[] = [];
  const known = new Set(then.tags);
  for (const tag of now.tags) if (!known.has(tag)) out.push(make(b.id, 'components', now, 'newTag', tag, tag, '', now.last));
  for (const [name, value] of Object.entries(now.props)) {
    const old = then.props[name];
    if (old === undefined) out.push(make(b.id, 'components', now, 'newProperty', name, value, '', now.last));
    else if (old !== value) out.push(make(b.id, 'components', now, 'changedProperty', name, value, old, now.last));
  }
  return out;
}

export function activityDifferences(b: Pick<Baseline, 'id' | 'periodEnd'>, now: ActivityNow, then: ActivityRecord | undefined): Difference[] {
  if (!then) return isNew(b, now) ? [make(b.id, 'activities', now, 'newActivity', '', '', '', now.first)] : [];
  const out: Difference[] = [];
  const tags = new Set(then.tags);
  for (const tag of now.tags) if (!tags.has(tag)) out.push(make(b.id, 'activities', now, 'newTag', tag, tag, '', now.last));
  const accesses = new Set(then.variables);
  for (const a of now.variables) {
    const key = accessKey(a);
    if (!accesses.has(key)) out.push(make(b.id, 'activities', now, 'newVariableAccess', key, a.type, '', a.first));
  }
  return out;
}

/** The differences as shown: those ignored (at their present value) left out, those reported abnormal marked. */
export function shown(diffs: readonly Difference[], reviews: ReadonlyMap<string, Review>): ShownDifference[] {
  const out: ShownDifference[] = [];
  for (const d of diffs) {
    const r = reviews.get(d.id);
    const holds = r !== undefined && r.value === d.value;
    if (holds && r.status === 'ignored') continue;
    out.push({ ...d, abnormal: holds && r.status === 'abnormal' });
  }
  return out;
}

export type TargetStatus = 'normal' | 'new' | 'changed' | 'abnormal';

/** A target's status from its shown differences: abnormal when one is reported so, new when it is, changed when it differs. */
export function targetStatus(diffs: readonly ShownDifference[]): TargetStatus {
  if (diffs.length === 0) return 'normal';
  if (diffs.some((d) => d.abnormal)) return 'abnormal';
  return diffs.some((d) => d.type === 'newComponent' || d.type === 'newActivity') ? 'new' : 'changed';
}

/**
 * Cisco's `newVariableAccess` of an activity: how many of its differences are new variable
 * accesses. divergence: Cisco does not define it; one per variable, client and access type (where
 * `variablesCount` counts variables).
 */
export const newVariableAccesses = (diffs: readonly Difference[]): number => diffs.filter((d) => d.type === 'newVariableAccess').length;

/** Which differences a `diff_type` takes (`allwithrelated` and `all` take every one of the target). */
export function ofKind(kind: DifferenceKind, d: Difference): boolean {
  switch (kind) {
    case 'allwithrelated':
    case 'all':
      return true;
    case 'tags':
      return d.type === 'newTag';
    case 'properties':
      return d.type === 'newProperty' || d.type === 'changedProperty';
    case 'variables':
      return d.type === 'newVariableAccess';
  }
}

/** The component's record once these of its differences are acknowledged: a new component is taken whole. */
export function acknowledgeComponent(then: ComponentRecord | undefined, now: ComponentRecord, diffs: readonly Difference[]): ComponentRecord {
  if (!then || diffs.some((d) => d.type === 'newComponent')) return { tags: [...now.tags], props: { ...now.props } };
  const tags = [...then.tags];
  const props = { ...then.props };
  for (const d of diffs) {
    if (d.type === 'newTag' && !tags.includes(d.key)) tags.push(d.key);
    if (d.type === 'newProperty' || d.type === 'changedProperty') props[d.key] = d.value;
  }
  return { tags, props };
}

/** The activity's record once these of its differences are acknowledged: a new activity is taken whole. */
export function acknowledgeActivity(then: ActivityRecord | undefined, now: ActivityNow, diffs: readonly Difference[]): ActivityRecord {
  if (!then || diffs.some((d) => d.type === 'newActivity')) return { tags: [...now.tags], variables: now.variables.map(accessKey) };
  const tags = [...then.tags];
  const variables = [...then.variables];
  for (const d of diffs) {
    if (d.type === 'newTag' && !tags.includes(d.key)) tags.push(d.key);
    if (d.type === 'newVariableAccess' && !variables.includes(d.key)) variables.push(d.key);
  }
  return { tags, variables };
}

/**
 * What a baseline still holds of a component after `delete` of a kind: nothing for all (it will
 * show as new if active again), no tags, no properties. divergence: Cisco does not say what
 * delete does; here it makes the baseline forget, so the world's state shows as differences.
 */
export function forgetComponent(then: ComponentRecord, kind: DifferenceKind): ComponentRecord | undefined {
  if (kind === 'tags') return { ...then, tags: [] };
  if (kind === 'properties') return { ...then, props: {} };
  if (kind === 'variables') return then;
  return undefined;
}

export function forgetActivity(then: ActivityRecord, kind: DifferenceKind): ActivityRecord | undefined {
  if (kind === 'tags') return { ...then, tags: [] };
  if (kind === 'variables') return { ...then, variables: [] };
  if (kind === 'properties') return then;
  return undefined;
}

/** Cisco's CountDifferences: targets new, and targets the baseline holds that differ. */
export interface CountDifferences {
  newComponent: number;
  changedComponent: number;
  newActivity: number;
  changedActivity: number;
}

/** What a baseline's differences come to: the targets counted (CountDifferences), the latest detection of each target kind (0 when none). */
export interface DifferenceSummary {
  counts: CountDifferences;
  componentLastDiff: Micros;
  activityLastDiff: Micros;
}

/**
 * Sums up the differences target by target (each target's shown differences once), so that a
 * baseline of a large scope is summed without holding its differences. A target is new when it
 * is (newComponent, newActivity), changed otherwise.
 */
export function summarizeDifferences(targets: Iterable<readonly Difference[]>): DifferenceSummary {
  const s: DifferenceSummary = { counts: { newComponent: 0, changedComponent: 0, newActivity: 0, changedActivity: 0 }, componentLastDiff: 0, activityLastDiff: 0 };
  for (const diffs of targets) {
    const first = diffs[0];
    if (!first) continue;
    const last = diffs.reduce((m, d) => Math.max(m, d.detection), 0);
    const isNew = diffs.some((d) => d.type === 'newComponent' || d.type === 'newActivity');
    if (first.target === 'components') {
      s.counts[isNew ? 'newComponent' : 'changedComponent'] += 1;
      s.componentLastDiff = Math.max(s.componentLastDiff, last);
    } else {
      s.counts[isNew ? 'newActivity' : 'changedActivity'] += 1;
      s.activityLastDiff = Math.max(s.activityLastDiff, last);
    }
  }
  return s;
}
