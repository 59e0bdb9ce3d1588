/**
 * Baselines (Cisco 3.0 "Baselines" and "BaselineDifferences"): making, editing and deleting a
 * baseline, reading its differences from the live world, and reviewing them. A baseline records
 * its preset's scope when made (src/store/baselines.ts); its differences are what the world holds
 * now that the record does not (src/domain/baseline.ts), so live traffic or an ingest after the
 * baseline shows up at the next read. Each write is one transaction, every check before the
 * first write.
 */
import type { Clock } from '../clock.js';
import {
  type ActivityNow,
  type ActivityRecord,
  type Baseline,
  type BaselineTarget,
  type ComponentNow,
  type ComponentRecord,
  type CountDifferences,
  type Difference,
  type DifferenceKind,
  type ReviewAction,
  type ShownDifference,
  acknowledgeActivity,
  acknowledgeComponent,
  activityDifferences,
  componentDifferences,
  countDifferences,
  forgetActivity,
  forgetComponent,
  ofKind,
  shown,
} from '../domain/baseline.js';
import { activityEnds } from '../domain/activities.js';
import type { Preset } from '../domain/preset.js';
import type { PresetScope } from '../domain/preset-scope.js';
import { type Micros, parseTimestamp } from '../domain/time.js';
import { ApiError, errors } from '../errors.js';
import type { Compared } from '../store/baselines.js';
import type { FlowCause } from '../store/flow-views.js';
import type { Store } from '../store/store.js';

/** How many targets are compared at once. */
const CHUNK = 500;

export interface BaselineContext {
  store: Store;
  clock: Clock;
  newId: () => string;
  /** The scope of a preset, with the Center's facts (src/api/v3/preset-lookup.ts `scopeOf`). */
  scopeOf: (preset: Preset) => PresetScope;
}

export const baselineErrors = {
  /** Cisco, POST and PATCH: "409 There is another baseline that already has the same label". */
  labelTaken: (label: string) => new ApiError(409, `A baseline with the label "${label}" already exists`),
  /** Cisco, POST: "412 precondition failed on some field of the body". */
  precondition: (field: string, why: string) => new ApiError(412, `Precondition failed on the body field "${field}": ${why}`),
  field: (field: string, why: string) => new ApiError(400, `Invalid body field "${field}": ${why}`),
  /** Cisco: "402 accessible only in advantage mode". */
  advantageOnly: () => new ApiError(402, 'License error: baselines are accessible only in advantage mode'),
  noTarget: (target: BaselineTarget | 'variables', id: string, baselineId: string) =>
    new ApiError(404, `${target === 'components' ? 'Component' : target === 'activities' ? 'Activity' : 'Variable'} not found in the baseline ${baselineId} nor in its preset: ${id}`),
  noBaseline: () => new ApiError(404, 'No baseline found'),
  kindOfTarget: (kind: DifferenceKind, target: BaselineTarget | 'variables') => new ApiError(400, `Invalid path parameter "diff_type": ${target} have no ${kind} differences`),
};

/** A target with the differences shown of it: what the world holds now, what the baseline recorded. */
export type TargetDifferences =
  | ({ target: 'components'; diffs: ShownDifference[] } & Compared<ComponentNow, ComponentRecord>)
  | ({ target: 'activities'; diffs: ShownDifference[] } & Compared<ActivityNow, ActivityRecord>);

/** What the routes read of a baseline: it, its row, its scope, the reviews in force. */
export interface BaselineState {
  baseline: Baseline;
  rowid: number;
  scope: PresetScope;
}

export function baselineState(ctx: BaselineContext, id: string): BaselineState {
  const baseline = ctx.store.baselines.get(id);
  const rowid = ctx.store.baselines.rowid(id);
  if (!baseline || rowid === undefined) throw errors.notFound('Baseline', id);
  const preset = ctx.store.presets.get(baseline.presetId);
  if (!preset) throw errors.notFound('Preset', baseline.presetId);
  return { baseline, rowid, scope: ctx.scopeOf(preset) };
}

function compareComponents(s: BaselineState, rows: Compared<ComponentNow, ComponentRecord>[], reviews: ReturnType<Store['baselines']['reviews']>): TargetDifferences[] {
  return rows.map((r) => ({ target: 'components' as const, ...r, diffs: shown(componentDifferences(s.baseline, r.now, r.then), reviews) }));
}
function compareActivities(s: BaselineState, rows: Compared<ActivityNow, ActivityRecord>[], reviews: ReturnType<Store['baselines']['reviews']>): TargetDifferences[] {
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

/** What GET /baselines shows of the differences: their counts and the latest detection of each target kind. */
export interface DifferenceSummary {
  counts: CountDifferences;
  componentLastDiff: Micros;
  activityLastDiff: Micros;
}

export function differenceSummary(store: Store, s: BaselineState): DifferenceSummary {
  const all: ShownDifference[] = [];
  for (const t of differingTargets(store, s)) all.push(...t.diffs);
  const last = (target: BaselineTarget) => all.filter((d) => d.target === target).reduce((m, d) => Math.max(m, d.detection), 0);
  return { counts: countDifferences(all), componentLastDiff: last('components'), activityLastDiff: last('activities') };
}

/**
 * The differences of these components or activities, by id: rows of the baseline's lists, or a
 * component's activities, which its scope keeps already (so the scope is not evaluated again).
 */
export function differencesOf(store: Store, s: BaselineState, target: BaselineTarget, ids: readonly string[]): Map<string, ShownDifference[]> {
  const reviews = store.baselines.reviews(s.rowid);
  const found =
    target === 'components'
      ? compareComponents(s, store.baselines.componentsIn(s.rowid, undefined, ids), reviews)
      : compareActivities(s, store.baselines.activitiesIn(s.rowid, undefined, ids), reviews);
  return new Map(found.map((t) => [t.now.id, t.diffs]));
}

/**
 * One target of a baseline, by id: with its differences when the scope keeps it (`found`),
 * without when only the baseline holds it; 404 when neither knows it.
 */
export function targetOf(store: Store, s: BaselineState, target: BaselineTarget, id: string): { rowid: number; found: TargetDifferences | undefined } {
  const rowid = target === 'components' ? store.baselines.componentRowid(id) : store.baselines.activityRowid(id);
  if (rowid === undefined) throw baselineErrors.noTarget(target, id, s.baseline.id);
  const reviews = store.baselines.reviews(s.rowid);
  const found =
    target === 'components'
      ? compareComponents(s, store.baselines.componentsIn(s.rowid, s.scope, [id]), reviews)[0]
      : compareActivities(s, store.baselines.activitiesIn(s.rowid, s.scope, [id]), reviews)[0];
  const recorded = target === 'components' ? store.baselines.componentRecorded(s.rowid, rowid) : store.baselines.activityRecorded(s.rowid, rowid);
  if (!found && !recorded) throw baselineErrors.noTarget(target, id, s.baseline.id);
  return { rowid, found };
}

/** A time of the body's `from`/`to`: milliseconds since the epoch, or RFC 3339. */
function timeOf(field: 'from' | 'to', text: string): Micros {
  if (/^\d{1,15}$/.test(text.trim())) return Number(text.trim()) * 1000;
  const t = parseTimestamp(text);
  if (t === undefined) throw baselineErrors.field(field, `"${text}" is neither milliseconds since the epoch nor an RFC 3339 time`);
  return t;
}

export interface BaselineFields {
  label: string;
  description?: string;
  presetId: string;
  from?: string;
  to?: string;
}

/**
 * Cisco POST /baselines: records the preset's scope now, its components and activities active
 * between `from` and `to` (the beginning of the data and now when absent). 412 for a preset the
 * Center lacks or `from` after `to`. divergence: `creatorEmail` is empty (a token has no user).
 */
export function createBaseline(ctx: BaselineContext, f: BaselineFields): Baseline {
  const { store } = ctx;
  const now = ctx.clock.now();
  if (f.label.trim() === '') throw baselineErrors.field('label', 'must not be empty');
  const periodStart = f.from === undefined || f.from === '' ? 0 : timeOf('from', f.from);
  const periodEnd = f.to === undefined || f.to === '' ? now : timeOf('to', f.to);
  return store.transaction(() => {
    const preset = store.presets.get(f.presetId.toLowerCase());
    if (!preset) throw baselineErrors.precondition('presetId', `no preset ${f.presetId}`);
    if (periodStart > periodEnd) throw baselineErrors.precondition('from', 'must not be after "to"');
    if (store.baselines.labelled(f.label) !== undefined) throw baselineErrors.labelTaken(f.label);
    const b: Baseline = {
      id: ctx.newId(),
      presetId: preset.id,
      label: f.label,
      description: f.description ?? '',
      creatorEmail: '',
      creationTime: now,
      periodStart,
      periodEnd,
      lastEditTime: now,
    };
    store.baselines.insert(b, ctx.scopeOf(preset));
    return b;
  });
}

/** Cisco PATCH /baselines/{id}: the label and the description given replace; 409 for another baseline's label. */
export function patchBaseline(ctx: BaselineContext, id: string, f: { label?: string | undefined; description?: string | undefined }): Baseline {
  const { store } = ctx;
  return store.transaction(() => {
    const b = store.baselines.get(id);
    if (!b) throw errors.notFound('Baseline', id);
    if (f.label !== undefined) {
      if (f.label.trim() === '') throw baselineErrors.field('label', 'must not be empty');
      const other = store.baselines.labelled(f.label);
      if (other !== undefined && other !== id) throw baselineErrors.labelTaken(f.label);
    }
    const next = { ...b, label: f.label ?? b.label, description: f.description ?? b.description, lastEditTime: ctx.clock.now() };
    store.baselines.update(next);
    return next;
  });
}

/** Cisco DELETE /baselines/{id}: "deletion successful or nothing to delete". Its preset's settings naming it name none after. */
export function deleteBaseline(ctx: BaselineContext, id: string): void {
  const { store } = ctx;
  store.transaction(() => {
    const b = store.baselines.get(id);
    if (!b) return;
    store.baselines.delete(id);
    const settings = store.presets.settings(b.presetId);
    if (settings?.activeBaselineId === id) store.presets.setSettings(b.presetId, { ...settings, activeBaselineId: '' });
  });
}

/** What a review's body gives (Cisco's DifferenceReview): a comment kept with it, and for a target's review, one difference or one access type. */
export interface ReviewFields {
  comment?: string | undefined;
  /** One difference of the target (its id). */
  id?: string | undefined;
  /** Variable accesses of this type only (read, write). */
  accessType?: string | undefined;
}

/** Applies an action to differences of one target, all shown; `kind` is what delete forgets. */
function apply(ctx: BaselineContext, s: BaselineState, t: TargetDifferences, diffs: readonly ShownDifference[], action: ReviewAction, kind: DifferenceKind, comment: string): void {
  const { baselines } = ctx.store;
  if (action === 'nack' || action === 'ignore') {
    for (const d of diffs) baselines.putReview(s.rowid, { id: d.id, value: d.value, status: action === 'nack' ? 'abnormal' : 'ignored', comment, time: ctx.clock.now() });
    return;
  }
  if (action === 'ack') {
    // What is acknowledged needs no review.
    for (const d of diffs) baselines.dropReview(s.rowid, d.id);
    if (t.target === 'components') baselines.putComponent(s.rowid, t.rowid, acknowledgeComponent(t.then, t.now, diffs));
    else baselines.putActivity(s.rowid, t.rowid, acknowledgeActivity(t.then, t.now, diffs));
    return;
  }
  // delete: what the record forgets shows afresh, its reviews (an ignore included) dropped; those of other kinds stay.
  if (!t.then) return;
  let fresh: Difference[];
  if (t.target === 'components') {
    const next = forgetComponent(t.then, kind);
    baselines.putComponent(s.rowid, t.rowid, next);
    fresh = componentDifferences(s.baseline, t.now, next);
  } else {
    const next = forgetActivity(t.then, kind);
    baselines.putActivity(s.rowid, t.rowid, next);
    fresh = activityDifferences(s.baseline, t.now, next);
  }
  for (const d of fresh) if (ofKind(kind, d)) baselines.dropReview(s.rowid, d.id);
}

/** Cisco POST /baselines/{id}/differences/{action}: every difference of the baseline. */
export function reviewBaseline(ctx: BaselineContext, id: string, action: Exclude<ReviewAction, 'delete'>, f: ReviewFields): void {
  ctx.store.transaction(() => {
    const s = baselineState(ctx, id);
    for (const t of [...differingTargets(ctx.store, s)]) apply(ctx, s, t, t.diffs, action, 'all', f.comment ?? '');
  });
}

/** Cisco POST /presets/baselines/differences/{action}: every difference of every baseline; 404 when there is none. */
export function reviewAllBaselines(ctx: BaselineContext, action: Exclude<ReviewAction, 'delete'>, f: ReviewFields): void {
  ctx.store.transaction(() => {
    const all = ctx.store.baselines.all();
    if (all.length === 0) throw baselineErrors.noBaseline();
    for (const b of all) {
      const s = baselineState(ctx, b.id);
      for (const t of [...differingTargets(ctx.store, s)]) apply(ctx, s, t, t.diffs, action, 'all', f.comment ?? '');
    }
  });
}

/** Cisco POST /differences/{id}/{action}: one difference, of whichever baseline; 404 when no baseline shows it. */
export function reviewDifference(ctx: BaselineContext, differenceId: string, action: Exclude<ReviewAction, 'delete'>, f: ReviewFields): void {
  ctx.store.transaction(() => {
    for (const b of ctx.store.baselines.all()) {
      const s = baselineState(ctx, b.id);
      for (const t of differingTargets(ctx.store, s)) {
        const d = t.diffs.find((x) => x.id === differenceId);
        if (d) {
          apply(ctx, s, t, [d], action, 'all', f.comment ?? '');
          return;
        }
      }
    }
    throw errors.notFound('Difference', differenceId);
  });
}

/** The targets a target-level review reaches: the target, and with `allwithrelated` a component's activities or an activity's ends. */
function reviewedTargets(ctx: BaselineContext, s: BaselineState, target: BaselineTarget, id: string, kind: DifferenceKind): TargetDifferences[] {
  const { found } = targetOf(ctx.store, s, target, id);
  const own = found ? [found] : [];
  if (kind !== 'allwithrelated' || !found) return own;
  const related = [...differingTargets(ctx.store, s)].filter((t) =>
    target === 'components' ? t.target === 'activities' && t.now.id.split('_').includes(id) : t.target === 'components' && found.now.id.split('_').includes(t.now.id),
  );
  return [...own, ...related];
}

/**
 * Cisco POST /baselines/{baseline_id}/{target}/{target_id}/{diff_type}/{action}: the target's
 * differences of that kind (with `allwithrelated`, those of the related targets too). A
 * `variables` target is a variable (its id): the accesses to it that differ, on the activities of
 * the baseline's scope. divergence: the body's `id` narrows the review to that difference (404
 * when the target shows no such difference), `accessType` to the accesses of that type.
 */
export function reviewTarget(
  ctx: BaselineContext,
  baselineId: string,
  target: BaselineTarget | 'variables',
  targetId: string,
  kind: DifferenceKind,
  action: ReviewAction,
  f: ReviewFields,
): void {
  if (target === 'activities' && kind === 'properties') throw baselineErrors.kindOfTarget(kind, target);
  if (target === 'components' && kind === 'variables') throw baselineErrors.kindOfTarget(kind, target);
  if (target === 'variables' && (kind === 'tags' || kind === 'properties')) throw baselineErrors.kindOfTarget(kind, target);
  if (target === 'variables' && action === 'delete') throw errors.badRequest('Invalid path parameter "action": delete takes a component or an activity');
  ctx.store.transaction(() => {
    const s = baselineState(ctx, baselineId);
    const targets =
      target === 'variables'
        ? [...differingTargets(ctx.store, s)].filter((t) => t.diffs.some((d) => d.type === 'newVariableAccess' && d.key.startsWith(`${targetId}/`)))
        : reviewedTargets(ctx, s, target, targetId, kind);
    if (target === 'variables' && targets.length === 0 && !ctx.store.baselines.variableExists(targetId)) throw baselineErrors.noTarget('variables', targetId, baselineId);
    const chosen = targets.map((t) => ({
      t,
      diffs: t.diffs.filter(
        (d) =>
          ofKind(kind, d) &&
          (target !== 'variables' || d.key.startsWith(`${targetId}/`)) &&
          (f.id === undefined || d.id === f.id.toLowerCase()) &&
          (f.accessType === undefined || d.type !== 'newVariableAccess' || d.value === f.accessType.toLowerCase()),
      ),
    }));
    if (f.id !== undefined && !chosen.some((c) => c.diffs.length > 0)) throw errors.notFound('Difference', f.id);
    for (const { t, diffs } of chosen) {
      if (action === 'delete' || diffs.length > 0) apply(ctx, s, t, diffs, action, kind, f.comment ?? '');
    }
    // A target the scope no longer keeps is only in the record: delete forgets it there.
    if (action === 'delete' && target !== 'variables' && chosen.length === 0) {
      const { rowid } = targetOf(ctx.store, s, target, targetId);
      if (kind === 'all' || kind === 'allwithrelated') {
        if (target === 'components') ctx.store.baselines.putComponent(s.rowid, rowid, undefined);
        else ctx.store.baselines.putActivity(s.rowid, rowid, undefined);
      }
    }
  });
}

/** The flows of an activity's differences: all of a new activity's, those with a new tag of a changed one. */
function causesOf(store: Store, activityId: string, diffs: readonly ShownDifference[]): FlowCause[] {
  const ends = activityEnds(activityId);
  const [left, right] = (ends ?? []).map((e) => store.baselines.componentRowid(e));
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
