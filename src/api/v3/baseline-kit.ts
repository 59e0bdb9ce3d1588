/**
 * What the 3.0 routes that read baselines share (routes/baselines.ts, routes/baseline-differences.ts,
 * routes/baseline-reviews.ts, the homepage's count, GET /presets?baselines=true): the operations'
 * context, the 402 outside advantage mode, a baseline by id and as Cisco's Baseline, and the
 * path parameters naming a target.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { activityEnds } from '../../domain/activities.js';
import { BASELINE_TARGETS, type BaselineTarget } from '../../domain/baseline.js';
import { errors } from '../../errors.js';
import { differenceSummary } from '../../operations/baseline-differences.js';
import { type BaselineContext, type BaselineState, baselineErrors, baselineState } from '../../operations/baselines.js';
import { checkId } from '../kit.js';
import { scopeOf } from './preset-lookup.js';
import { doc } from './registry.js';
import { baseline } from './serialize/baselines.js';

const EXAMPLE_ID = 'cbcbed07-1ed4-4fa6-817c-f3c1702fd187';
export const baselineId = doc(z.string(), { description: 'baseline id (uuid)', example: EXAMPLE_ID });
export const BASELINE_ERRORS = { badRequest: errors.badId('baseline', 'x').message, notFound: errors.notFound('Baseline', EXAMPLE_ID).message };
export const EXAMPLE_BASELINE_ID = EXAMPLE_ID;

export function baselineKit(app: FastifyInstance) {
  const ctx: BaselineContext = { store: app.store, clock: app.clock, newId: () => app.newId(), scopeOf: (p) => scopeOf(app, p) };
  return {
    ctx,
    /** Whether the licence allows baselines (Cisco: "accessible only in advantage mode"). */
    advantage: () => app.store.settings.licenseMode() === 'advantage',
    /** Cisco: "402 accessible only in advantage mode", once the token is accepted (an onRequest hook). */
    advantageOnly: async () => {
      if (app.store.settings.licenseMode() !== 'advantage') throw baselineErrors.advantageOnly();
    },
    stateOf: (id: string): BaselineState => baselineState(ctx, checkId(id, 'baseline')),
    /** The Baseline object, its differences counted now. */
    shown: (s: BaselineState) => baseline(s.baseline, differenceSummary(app.store, s), app.clock.now()),
  };
}

/** A path parameter that is one of `values`, its 400 naming them. */
export const pathEnum = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  doc(z.enum(values, { error: `must be one of ${values.map((v) => `'${v}'`).join(', ')}` }), { description });
export const targetParam = pathEnum(BASELINE_TARGETS, 'the target on which to get the differences');
export const targetIdParam = doc(z.string(), { description: 'target id: a component id (uuid), or an activity id "<left component id>_<right component id>"' });
export const TARGET_NOT_FOUND = { ...BASELINE_ERRORS, notFound: 'Component not found in the baseline … nor in its preset: …' };

/** A target id of the path, checked: a UUID, or for an activity two joined by '_'; lower case. */
export function checkedTarget(t: BaselineTarget, id: string): string {
  if (t === 'components') return checkId(id, 'component');
  const ends = activityEnds(id);
  if (!ends) throw errors.badId('activity', id);
  return ends.map((e) => checkId(e, 'component')).join('_');
}
