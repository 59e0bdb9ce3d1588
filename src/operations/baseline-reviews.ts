/**
 * Reviews of a baseline's differences (Cisco's "BaselineDifferences" writes): ack folds a
 * difference into the baseline's record, nack keeps it and reports it abnormal, ignore hides it
 * while its value stays, delete (of a target) makes the record forget what it holds, so the
 * world's state shows as differences. Each review is one transaction, every check before the
 * first write.
 */
import {
  type BaselineTarget,
  type Difference,
  type DifferenceKind,
  type ReviewAction,
  type ShownDifference,
  acknowledgeActivity,
  acknowledgeComponent,
  activityDifferences,
  componentDifferences,
  forgetActivity,
  forgetComponent,
  ofKind,
} from '../domain/baseline.js';
import { errors } from '../errors.js';
import { type TargetDifferences, accessingTargets, differingTargets, relatedTargets, targetOf } from './baseline-differences.js';
import { type BaselineContext, type BaselineState, baselineErrors, baselineState } from './baselines.js';

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

/**
 * Cisco POST /differences/{id}/{action}: one difference, of whichever baseline shows it; 404
 * when none does. Cost: a difference's id tells neither its baseline nor its target (a UUID,
 * src/domain/baseline.ts `differenceId`), so the baselines' scopes are compared until it is found.
 */
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

/**
 * The targets a review of one reaches: a variable's activities, or the target with (`allwithrelated`)
 * those related to it, differing or not (a delete forgets them all). divergence: on a variable,
 * `allwithrelated` is `all` (its activities are the targets already).
 */
function reviewedTargets(ctx: BaselineContext, s: BaselineState, target: BaselineTarget | 'variables', id: string, kind: DifferenceKind): TargetDifferences[] {
  if (target === 'variables') {
    const accessing = accessingTargets(ctx.store, s, id);
    if (!accessing) throw baselineErrors.noTarget('variables', id, s.baseline.id);
    return accessing;
  }
  const { found } = targetOf(ctx.store, s, target, id);
  if (!found) return [];
  return kind === 'allwithrelated' ? [found, ...relatedTargets(ctx.store, s, found)] : [found];
}

/**
 * Cisco POST /baselines/{baseline_id}/{target}/{target_id}/{diff_type}/{action}: the target's
 * differences of that kind (with `allwithrelated`, those of the related targets too). A
 * `variables` target is a variable (its id): the accesses to it that differ, on the activities of
 * the baseline's scope. divergence: the body's `id` narrows ack, nack and ignore to that
 * difference (404 when the target shows no such difference), `accessType` to the accesses of that
 * type; delete forgets a kind of what the record holds, so either is a 400 with it.
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
  if (action === 'delete' && f.id !== undefined) throw baselineErrors.field('id', 'delete forgets a kind of what the baseline holds of the target, not one difference');
  if (action === 'delete' && f.accessType !== undefined) throw baselineErrors.field('accessType', 'delete forgets a kind of what the baseline holds of the target, not one access type');
  ctx.store.transaction(() => {
    const s = baselineState(ctx, baselineId);
    const chosen = reviewedTargets(ctx, s, target, targetId, kind).map((t) => ({
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
    if (action === 'delete' && target !== 'variables' && chosen.length === 0 && (kind === 'all' || kind === 'allwithrelated')) {
      const { rowid } = targetOf(ctx.store, s, target, targetId);
      if (target === 'components') ctx.store.baselines.putComponent(s.rowid, rowid, undefined);
      else ctx.store.baselines.putActivity(s.rowid, rowid, undefined);
    }
  });
}
