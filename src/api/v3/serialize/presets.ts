/** Presets → Cisco's Preset and PresetDataInfo (../schemas/presets.ts). */
import type { Preset, PresetDataInfo } from '../../../domain/preset.js';
import type { PresetDataInfoSchema, PresetSchema } from '../schemas/presets.js';
import { type Wire, ms } from './common.js';

/** `baselines`: the preset's, when asked for (GET /presets?baselines=true). */
export function preset(p: Preset, baselines: Wire<typeof PresetSchema>['baselines'] = []): Wire<typeof PresetSchema> {
  return {
    id: p.id,
    label: p.label,
    description: p.description,
    category: { id: p.category.id, label: p.category.label, priority_order: p.category.priorityOrder },
    custom: p.custom,
    imported: p.imported,
    creatorEmail: p.creatorEmail,
    lastUpdate: ms(p.lastUpdate),
    priority_order: p.priorityOrder,
    badges: p.badges,
    // As stored: the objects a client exported and may post back.
    filters: p.filters,
    search: p.search,
    componentTagless: p.componentTagless,
    activityTagless: p.activityTagless,
    groupless: p.groupless,
    hasExternalCommunications: p.hasExternalCommunications,
    baselines,
    operationalStarred: p.operationalStarred,
    securityStarred: p.securityStarred,
  };
}

export function presetDataInfo(d: PresetDataInfo): Wire<typeof PresetDataInfoSchema> {
  return {
    presetDataAvailable: d.presetDataAvailable,
    lastRefresh: ms(d.lastRefresh),
    lastRefreshDuration: d.lastRefreshDuration,
    refreshInProgress: d.refreshInProgress,
    forceRefreshRequested: d.forceRefreshRequested,
  };
}
