/**
 * Preset writes (Cisco 3.0 "Presets": POST /presets, PUT, PATCH and DELETE /presets/{preset_id},
 * POST /presets/{preset_id}/refreshData, POST and DELETE /presets/{preset_id}/starring/{type},
 * PUT /presets/{preset_id}/settings), the preview of a preset not saved (POST
 * /presets/preview/visualisations/…), and what deleting a group or a custom network does to the
 * presets naming it (`dropFromPresets`). Each write is one transaction and throws ApiErrors,
 * every check before the first write, so a failing request changes nothing. A preset's filters are
 * its scope: the visualisations read them at each request (src/store/scopes.ts), so a write shows
 * in them at once.
 */
import type { Clock } from '../clock.js';
import {
  type Category,
  NO_FILTERS,
  type Preset,
  type PresetFilters,
  type PresetStarType,
  type TriState,
  UNFILTERED,
  categoryId,
  withoutObjects,
} from '../domain/preset.js';
import type { PresetSettings } from '../domain/preset-settings.js';
import { ApiError, errors } from '../errors.js';
import type { Store } from '../store/store.js';

export interface PresetContext {
  store: Store;
  clock: Clock;
  newId: () => string;
}

/** What a write may set (Cisco's PresetPayload); absent fields stay, or take the defaults on creation. */
export interface PresetFields {
  label?: string;
  description?: string;
  /** The category's label. */
  category?: string;
  /** Given: the filters from now on, a dimension left out being empty. */
  filters?: Partial<PresetFilters>;
  search?: string;
  componentTagless?: TriState;
  activityTagless?: TriState;
  groupless?: TriState;
  hasExternalCommunications?: TriState;
}

/** The category of the users' presets (clients.md 3: CDN's export and FAR's MY_PRESETS read it). */
export const MY_PRESETS = 'My preset';

export const presetErrors = {
  /** Cisco, PUT: "409 There is another preset that already has the label we want to set". */
  labelTaken: (label: string) => new ApiError(409, `A preset with the label "${label}" already exists`),
  /** Cisco, PUT and DELETE: "400 … not custom preset" / "failed to delete non custom preset". */
  notCustom: (id: string, verb: 'changed' | 'deleted') => new ApiError(400, `The preset ${id} is not a custom preset: it cannot be ${verb}`),
  /** Cisco, PUT: "404 preset, tag or group not found". */
  unknownGroups: (ids: readonly string[]) => new ApiError(404, `Group${ids.length > 1 ? 's' : ''} not found in filters.groups: ${ids.join(', ')}`),
};

/** 409 when another preset has the label (compared without case, as group labels are). */
function checkLabel(store: Store, label: string, own: string | null): void {
  if (store.presets.withLabel(label).some((id) => id !== own)) throw presetErrors.labelTaken(label);
}

/** The group ids a group filter names, its subgroups' too. */
function groupIdsOf(filters: PresetFilters['groups']): string[] {
  return filters.flatMap((f) => [f.value.id, ...groupIdsOf(f.value.children ?? [])]);
}

/**
 * The whole filter set from what a payload gives (an exported preset's filters come back as they
 * are). A group no longer in the world is a 404 (Cisco PUT). divergence: tags, sensors, Centers,
 * networks and risk score ranges are taken as given: one the world lacks keeps nothing.
 */
function filtersOf(store: Store, given: Partial<PresetFilters>): PresetFilters {
  const filters = { ...NO_FILTERS, ...given };
  const unknown = [...new Set(groupIdsOf(filters.groups).map((id) => id.toLowerCase()))].filter((id) => store.groups.rowid(id) === undefined);
  if (unknown.length > 0) throw presetErrors.unknownGroups(unknown);
  return filters;
}

/** The category with this label, made (after the others) when it is new. */
function categoryOf(store: Store, label: string): Category {
  const known = store.presets.category(label);
  if (known) return known;
  const last = store.presets.categories().reduce((n, k) => Math.max(n, k.priorityOrder), 0);
  return { id: categoryId(label), label, priorityOrder: last + 1 };
}

/** The preset a write names: 404 when unknown, 400 when the Center ships it (`custom: false`). */
function customPreset(store: Store, id: string, verb: 'changed' | 'deleted'): Preset {
  const p = store.presets.get(id);
  if (!p) throw errors.notFound('Preset', id);
  if (!p.custom) throw presetErrors.notCustom(id, verb);
  return p;
}

/** The preset with the fields given applied: lastUpdate now, a new category placed last in it. */
function applied(store: Store, clock: Clock, p: Preset, f: PresetFields): Preset {
  const category = f.category !== undefined && f.category !== p.category.label ? categoryOf(store, f.category) : p.category;
  return {
    ...p,
    label: f.label ?? p.label,
    description: f.description ?? p.description,
    category,
    priorityOrder: category.id === p.category.id ? p.priorityOrder : store.presets.lastPriorityIn(category.id) + 1,
    filters: f.filters ? filtersOf(store, f.filters) : p.filters,
    search: f.search ?? p.search,
    componentTagless: f.componentTagless ?? p.componentTagless,
    activityTagless: f.activityTagless ?? p.activityTagless,
    groupless: f.groupless ?? p.groupless,
    hasExternalCommunications: f.hasExternalCommunications ?? p.hasExternalCommunications,
    lastUpdate: clock.now(),
  };
}

/** The custom preset a payload describes, not stored: what POST /presets would store (and a preview scopes). */
function drafted(ctx: PresetContext, id: string, f: PresetFields & { label: string }): Preset {
  const { store } = ctx;
  const category = categoryOf(store, f.category ?? MY_PRESETS);
  const blank: Preset = {
    id,
    label: f.label,
    description: '',
    category,
    custom: true,
    imported: false,
    creatorEmail: '',
    lastUpdate: ctx.clock.now(),
    priorityOrder: store.presets.lastPriorityIn(category.id) + 1,
    badges: [],
    ...UNFILTERED,
  };
  return applied(store, ctx.clock, blank, { ...f, category: undefined });
}

/**
 * Cisco POST /presets: a custom preset, in "My preset" unless a category is named; its data is
 * not computed yet (dataInfo `presetDataAvailable: false` until a refresh).
 * divergence: `creatorEmail` is empty (a token has no user); `badges` are none.
 */
export function createPreset(ctx: PresetContext, f: PresetFields & { label: string }): string {
  const { store } = ctx;
  const id = ctx.newId();
  store.transaction(() => {
    checkLabel(store, f.label, null);
    store.presets.insert(drafted(ctx, id, f));
  });
  return id;
}

/** The id a preview's preset carries: it is never stored, and no stored preset has it. */
export const PREVIEW_ID = 'preview';

/**
 * Cisco POST /presets/preview/visualisations/…: the preset a PresetPayload describes, parsed as
 * POST /presets parses it (a group the filters name that the world lacks is the same 404), and
 * not stored. Its label is not checked: nothing is saved under it.
 */
export function previewPreset(ctx: PresetContext, f: PresetFields): Preset {
  return drafted(ctx, PREVIEW_ID, { ...f, label: f.label ?? '' });
}

/** Cisco PUT /presets/{preset_id}: absent fields stay; `filters`, when given, replace the filters. */
export function editPreset(ctx: PresetContext, id: string, f: PresetFields): void {
  const { store } = ctx;
  store.transaction(() => {
    const p = customPreset(store, id, 'changed');
    if (f.label !== undefined) checkLabel(store, f.label, id);
    store.presets.update(applied(store, ctx.clock, p, f));
  });
}

/** Cisco DELETE /presets/{preset_id}: the preset and its data state go; its category stays. */
export function deletePreset(ctx: PresetContext, id: string): void {
  const { store } = ctx;
  store.transaction(() => {
    customPreset(store, id, 'deleted');
    store.presets.delete(id);
  });
}

/**
 * Cisco POST /presets/{preset_id}/refreshData ("refresh preset data as soon as possible").
 * divergence: the emulator computes every visualisation at each request, so the refresh is done
 * at once: dataInfo shows the data available, refreshed now (the injected clock), in 0 ms, with
 * `refreshInProgress` and `forceRefreshRequested` false. A shipped preset ("All data") is
 * refreshed too.
 */
export function refreshPreset(ctx: PresetContext, id: string): void {
  const { store } = ctx;
  store.transaction(() => {
    const done = { presetDataAvailable: true, lastRefresh: ctx.clock.now(), lastRefreshDuration: 0, refreshInProgress: false, forceRefreshRequested: false };
    if (!store.presets.setDataInfo(id, done)) throw errors.notFound('Preset', id);
  });
}

/**
 * Cisco POST and DELETE /presets/{preset_id}/starring/{type}: puts the star on or takes it off
 * (again is no error). divergence: a preset the Center ships is starred too (a star is the user's
 * mark, not the preset's content, so `custom` does not matter), and `lastUpdate` stays.
 */
export function starPreset(ctx: PresetContext, id: string, type: PresetStarType, starred: boolean): void {
  ctx.store.transaction(() => {
    if (!ctx.store.presets.setStarred(id, type, starred)) throw errors.notFound('Preset', id);
  });
}

/** What PUT /presets/{preset_id}/settings may set; `defaultSeverities`, `presetId` and `lastEditUpdate` are not the client's. */
export type PresetSettingsFields = Partial<Omit<PresetSettings, 'lastEditUpdate'>>;

/**
 * Cisco PUT /presets/{preset_id}/settings ("Update the preset settings"): the fields given
 * replace, absent ones stay (the defaults for a preset never set), `lastEditUpdate` is now.
 * Answers the settings as stored. A preset the Center ships has settings too (Cisco says
 * nothing against it). `activeBaselineId` is "" (none) or one of the preset's baselines (400
 * otherwise); deleting that baseline sets it back to "" (src/operations/baselines.ts).
 */
export function writePresetSettings(ctx: PresetContext, id: string, f: PresetSettingsFields): PresetSettings {
  const { store } = ctx;
  return store.transaction(() => {
    const before = store.presets.settings(id);
    if (!before) throw errors.notFound('Preset', id);
    if (f.activeBaselineId !== undefined && f.activeBaselineId !== '') {
      const named = store.baselines.get(f.activeBaselineId.toLowerCase());
      if (named?.presetId !== id) throw errors.badRequest(`Invalid body field "activeBaselineId": the preset ${id} has no baseline ${f.activeBaselineId}`);
      f = { ...f, activeBaselineId: named.id };
    }
    const given = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as PresetSettingsFields;
    const settings: PresetSettings = { ...before, ...given, lastEditUpdate: ctx.clock.now() };
    store.presets.setSettings(id, settings);
    return settings;
  });
}

/**
 * What deleting groups or custom networks does to the presets (called inside the delete's
 * transaction): every filter entry naming one goes, a group's nested subgroups taking its place
 * (src/domain/preset.ts `withoutGroups`). A preset left with no group (or network) filter keeps
 * every group (or address), as a preset never filtered on them: the entries are gone, not
 * replaced by a filter that keeps nothing. divergence: Cisco's document does not say what
 * becomes of such a preset; `lastUpdate` stays (the user did not edit it), and the presets the
 * Center ships are cleaned too. Ids lower case.
 */
export function dropFromPresets(store: Store, gone: { groups?: readonly string[]; networks?: readonly string[] }): void {
  const sets = {
    ...(gone.groups ? { groups: new Set(gone.groups.map((g) => g.toLowerCase())) } : {}),
    ...(gone.networks ? { networks: new Set(gone.networks.map((n) => n.toLowerCase())) } : {}),
  };
  for (const p of store.presets.list()) {
    const filters = withoutObjects(p.filters, sets);
    if (filters !== p.filters) store.presets.setFilters(p.id, filters);
  }
}
