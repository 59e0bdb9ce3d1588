/**
 * A baseline's differences, read from the live world (Cisco's "BaselineDifferences"): the targets
 * of its scope that differ, those of given ids, one target, their summary, and the flows that
 * caused them. The store hands over each target with what the baseline recorded of it, a chunk at
 * a time (src/store/baselines.ts); src/domain/baseline.ts says what differs and what a review
 * hides. Read by the routes and by the reviews (./baseline-reviews.ts).
 */
import { activityEnds, activityId } from '../domain/activities.js';
import {
  type ActivityNow,
  type ActivityRecord,
  type BaselineTarget,
  type ComponentNow,
  type ComponentRecord,
  type DifferenceSummary,
  type ShownDifference,
  activityDifferences,
  componentDifferences,
  shown,
  summarizeDifferences,
} from '../domain/baseline.js';
import type { Micros } from '../domain/time.js';
import type { Compared } from '../store/baselines.js';
import type { FlowCause } from '../store/flow-views.js';
import type { Store } from '../store/store.js';
import { type BaselineContext, type BaselineState, baselineErrors, baselineState } from './baselines.js';

/** How many targets are compared at once: a baseline of "All data" on `large` is compared without holding its 300 000 targets. */
const CHUNK = 500;

/** A target with the differences shown of it: what the world holds now, what the baseline recorded. */
export type TargetDifferences =
  | ({ target: 'components'; diffs: ShownDifference[] } & Compared<ComponentNow, ComponentRecord>)
  | ({ target: 'activities'; diffs: ShownDifference[] } & Compared<ActivityNow, ActivityRecord>);

type Reviews = ReturnType<Store['baselines']['reviews']>;

function compareComponents(s: BaselineState, rows: Compared<ComponentNow, ComponentRecord>[], reviews: Reviews): TargetDifferences[] {
  return rows.map((r) => ({ target: 'components' as const, ...r, diffs: shown(componentDifferences(s.baseline, r.now, r.then), reviews) }));
}
function compareActivities(s: BaselineState, rows: Compared<ActivityNow, ActivityRecord>[], reviews: Reviews): TargetDifferences[] {
  return rows.map((r) => ({ target: 'activities' as const, ...r, diffs: shown(activityDifferences(s.baseline, r.now, r.then), reviews) }));
}

/** Every target of the baseline's scope that differs, components first, a chunk at a time. */
export function* differingTargets(store: Store, s: BaselineState): Generator<TargetDifferences> {
  const reviews = store.baselines.reviews(s.rowid);
  const { components, activities } = store.baselines.scopeTargets(s.scope);
  for (let i = 0; i < components.length; i += CHUNK) {
    for (const t of compareComponents(s, store.baselines.componentsByRowids(s.rowid, components.slice(i, i + CHUNK)), reviews)) if (t.diffs.length > 0) yield t;
  }
  for (let i = 0; i < activities.length; i += CHUNK) {
    for (const t of compareActivities(s, store.baselines.activitiesByRowids(s.rowid, activities.slice(i, i + CHUNK)), reviews)) if (t.diffs.length > 0) yield t;
  }
}

/** The differences of the baseline counted (GET /baselines), target by target: none is held. */
export function differenceSummary(store: Store, s: BaselineState): DifferenceSummary {
  return summarizeDifferences((function* () {
    for (const t of differingTargets(store, s)) yield t.diffs;
  })());
}

/**
 * How many differences every baseline shows now, those detected in [from, to] when given (the
 * homepage's `differences.total`; a change's detection is its target's last activity:
 * src/domain/baseline.ts). Cost: each baseline's scope compared, as GET /baselines does.
 */
export function differencesDetected(ctx: BaselineContext, from: Micros | undefined, to: Micros | undefined): number {
  let n = 0;
  for (const b of ctx.store.baselines.all()) {
    for (const t of differingTargets(ctx.store, baselineState(ctx, b.id))) {
      for (const d of t.diffs) if ((from === undefined || d.detection >= from) && (to === undefined || d.detection <= to)) n += 1;
    }
  }
  return n;
}

/**
 * These components or activities (by id) with their differences, in the store's order; with
 * `scoped`, only those the baseline's scope keeps (without, the caller knows they are in it:
 * rows of its lists, a component's activities).
 */
function targetsOf(store: Store, s: BaselineState, target: BaselineTarget, ids: readonly string[], scoped: boolean): TargetDifferences[] {
  const reviews = store.baselines.reviews(s.rowid);
  const scope = scoped ? s.scope : undefined;
  return target === 'components'
    ? compareComponents(s, store.baselines.componentsIn(s.rowid, scope, ids), reviews)
    : compareActivities(s, store.baselines.activitiesIn(s.rowid, scope, ids), reviews);
}

/** The differences of rows of the baseline's lists, by id. */
export function differencesOf(store: Store, s: BaselineState, target: BaselineTarget, ids: readonly string[]): Map<string, ShownDifference[]> {
  return new Map(targetsOf(store, s, target, ids, false).map((t) => [t.now.id, t.diffs]));
}

/**
 * A BaselineComponentFields' `newVariableAccess` for each of these components: the new accesses
 * to the variables it holds, which are differences of its activities (those whose author is the
 * activity's other end), not of the component. divergence: Cisco does not define it; the
 * component's `status` and its own differences do not count them (a component with only these
 * is `normal`, and GET /baselines/{id}/differences/components/{id} answers 404 for it).
 */
export function newAccessesHeld(store: Store, s: BaselineState, componentIds: readonly string[]): Map<string, number> {
  const wanted = new Set(componentIds);
  const out = new Map(componentIds.map((id) => [id, 0]));
  for (const [activity, diffs] of differencesOf(store, s, 'activities', store.baselines.activitiesOf(componentIds))) {
    for (const d of diffs) {
      if (d.type !== 'newVariableAccess') continue;
      const author = d.key.split('/')[1];
      for (const end of activityEnds(activity) ?? []) if (end !== author && wanted.has(end)) out.set(end, (out.get(end) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * One target of a baseline, by id: with its differences when the scope keeps it (`found`),
 * without when only the baseline holds it; 404 when neither knows it.
 */
export function targetOf(store: Store, s: BaselineState, target: BaselineTarget, id: string): { rowid: number; found: TargetDifferences | undefined } {
  const rowid = target === 'components' ? store.baselines.componentRowid(id) : store.baselines.activityRowid(id);
  if (rowid === undefined) throw baselineErrors.noTarget(target, id, s.baseline.id);
  const found = targetsOf(store, s, target, [id], true)[0];
  const recorded = target === 'components' ? store.baselines.componentRecorded(s.rowid, rowid) : store.baselines.activityRecorded(s.rowid, rowid);
  if (!found && !recorded) throw baselineErrors.noTarget(target, id, s.baseline.id);
  return { rowid, found };
}

/** The targets related to one (`allwithrelated`): a component's activities, an activity's ends, as the scope keeps them. */
export function relatedTargets(store: Store, s: BaselineState, t: TargetDifferences): TargetDifferences[] {
  if (t.target === 'activities') return targetsOf(store, s, 'components', activityEnds(t.now.id) ?? [], true);
  // An activity of a component the scope keeps has an end in it: the scope keeps the activity.
  return targetsOf(store, s, 'activities', (store.activities.ofComponent(t.now.id) ?? []).map((a) => a.id), false);
}

/**
 * The activities on which a variable is accessed (those between the component that holds it and
 * each that reads or writes it), as the scope keeps them; undefined when the Center has no such
 * variable.
 */
export function accessingTargets(store: Store, s: BaselineState, variableId: string): TargetDifferences[] | undefined {
  const accesses = [...store.baselines.accesses([variableId]).values()];
  if (accesses.length === 0) return store.baselines.variableExists(variableId) ? [] : undefined;
  const ids = [...new Set(accesses.map((a) => activityId(a.holderId, a.authorId)))];
  return targetsOf(store, s, 'activities', ids, true);
}

/** The flows of an activity's differences: all of a new activity's, those with a new tag of a changed one. */
function causesOf(store: Store, activity: string, diffs: readonly ShownDifference[]): FlowCause[] {
  const [left, right] = (activityEnds(activity) ?? []).map((e) => store.baselines.componentRowid(e));
  if (left === undefined || right === undefined) return [];
  if (diffs.some((d) => d.type === 'newActivity')) return [{ left, right }];
  const tags = diffs.filter((d) => d.type === 'newTag').map((d) => d.key);
  return tags.length > 0 ? [{ left, right, tags }] : [];
}

/**
 * Cisco's "flows that caused the differences to appear" of a target: those of its activity's
 * differences, or of the differing activities a component is an end of. divergence: a property
 * or a variable access is not told by one flow here; their differences bring no flow.
 */
export function differenceFlows(store: Store, s: BaselineState, target: BaselineTarget, id: string): FlowCause[] {
  const { found } = targetOf(store, s, target, id);
  if (target === 'activities') return found ? causesOf(store, id, found.diffs) : [];
  const activityIds = (store.activities.ofComponent(id) ?? []).map((a) => a.id);
  return [...differencesOf(store, s, 'activities', activityIds)].flatMap(([aid, diffs]) => causesOf(store, aid, diffs));
}
