/**
 * Baselines (Cisco 3.0 "Baselines"): making, editing and deleting a baseline, and what the
 * baseline operations share (their context, errors, a baseline's state). A baseline records its
 * preset's scope when made (src/store/baselines.ts); its differences are read from the live world
 * (./baseline-differences.ts) and reviewed (./baseline-reviews.ts). Each write is one
 * transaction, every check before the first write.
 */
import type { Clock } from '../clock.js';
import type { Baseline, BaselineTarget, DifferenceKind } from '../domain/baseline.js';
import type { Preset } from '../domain/preset.js';
import type { PresetScope } from '../domain/preset-scope.js';
import { type Micros, parseTimestamp } from '../domain/time.js';
import { ApiError, errors } from '../errors.js';
import type { Store } from '../store/store.js';

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

/** What the baseline operations read of a baseline: it, its row, its preset's scope now. */
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

/**
 * A time of the body's `from`/`to`: milliseconds since the epoch, or RFC 3339. divergence: Cisco
 * types both as strings and gives no format; these two are what its other times are.
 */
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
