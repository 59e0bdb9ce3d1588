/**
 * Preset writes (Cisco 3.0 "Presets": POST /presets, PUT, PATCH and DELETE /presets/{preset_id},
 * POST /presets/{preset_id}/refreshData). Each operation is one transaction and throws ApiErrors,
 * every check before the first write, so a failing request changes nothing. A preset's filters are
 * its scope: the visualisations read them at each request (src/store/scopes.ts), so a write shows
 * in them at once.
 */
import type { Clock } from '../clock.js';
import { type Category, NO_FILTERS, type Preset, UNFILTERED, type PresetFilters, type TriState, categoryId } from '../domain/preset.js';
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
    store.presets.insert(applied(store, ctx.clock, blank, { ...f, category: undefined }));
  });
  return id;
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
