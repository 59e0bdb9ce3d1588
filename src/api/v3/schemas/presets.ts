/**
 * Presets as Cisco's document defines them (Preset, PresetFilters and the filter items,
 * PresetBadge, PresetDataInfo) and samples/presets.json shows them: `priority_order` in snake
 * case, `lastUpdate` in ms, the tri-state flags as strings. Filter values keep fields we do not
 * know (a preset exported from a real Center comes back whole).
 */
import { z } from 'zod';
import { BaselineSchema } from './baselines.js';
import { named } from '../registry.js';
import { CategorySchema, SensorSchema, int, ms } from './common.js';

const operator = z.enum(['include', 'exclude']);
const filter = <T extends z.ZodType>(id: string, value: T, description: string) => named(id, z.object({ operator, value }), description);

export const PresetTagSchema = named(
  'PresetTag',
  z.looseObject({ id: z.string(), label: z.string(), type: z.string(), category: CategorySchema.optional() }),
  'A tag as a preset names it: `id` is the tag key.',
);

interface PresetGroupWire {
  id: string;
  label?: string | undefined;
  color?: number | undefined;
  parentId?: string | undefined;
  children?: { operator: 'include' | 'exclude'; value: PresetGroupWire }[] | undefined;
  [field: string]: unknown;
}
export const PresetGroupSchema: z.ZodType<PresetGroupWire> = named(
  'PresetGroup',
  z.looseObject({
    id: z.string(),
    label: z.string().optional(),
    color: int.optional(),
    parentId: z.string().optional(),
    get children() {
      return z.array(z.object({ operator, value: PresetGroupSchema })).optional();
    },
  }),
  'A group as a preset names it: `color` is an integer (0xrrggbb); `children` are its subgroups, each with its own operator.',
);

export const PresetCenterSchema = named('Center', z.looseObject({ id: z.string(), label: z.string().optional() }), 'A Center as a preset names it.');
export const PresetNetworkSchema = named(
  'PresetNetwork',
  z.looseObject({ id: z.string(), subnet: z.string(), vlan: int.nullable().optional() }),
  'A network as a preset names it: a subnet in CIDR form and a VLAN (null: none).',
);
export const PresetRiskScoreSchema = named('PresetRiskScore', z.looseObject({ id: z.string(), min: int, max: int }), 'A risk score range, bounds included.');

export const PresetFiltersSchema = named(
  'PresetFilters',
  z.object({
    tags: z.array(filter('PresetTagFilter', PresetTagSchema, 'A tag kept (include) or left out (exclude).')),
    groups: z.array(filter('PresetGroupFilter', PresetGroupSchema, 'A group kept or left out, with its subgroups.')),
    sensors: z.array(filter('PresetSensorFilter', SensorSchema, 'What a sensor sees, kept or left out.')),
    centers: z.array(filter('PresetCenterFilter', PresetCenterSchema, 'A Center kept or left out.')),
    networks: z.array(filter('PresetNetworkFilter', PresetNetworkSchema, 'A network kept or left out.')),
    riskScores: z.array(filter('PresetRiskScoreFilter', PresetRiskScoreSchema, 'A risk score range kept or left out.')),
  }),
  'The filters of a preset: dimensions combine with AND; within one, included values with OR.',
);

export const PresetBadgeSchema = named('PresetBadge', z.object({ id: z.string(), iconKey: z.string(), label: z.string(), description: z.string() }));

const triState = z.enum(['indeterminate', 'true', 'false']);

export const PresetSchema = named(
  'Preset',
  z.object({
    id: z.string(),
    label: z.string(),
    description: z.string(),
    category: CategorySchema,
    custom: z.boolean(),
    imported: z.boolean(),
    creatorEmail: z.string(),
    lastUpdate: ms,
    priority_order: int,
    badges: z.array(PresetBadgeSchema),
    filters: PresetFiltersSchema,
    search: z.string(),
    componentTagless: triState,
    activityTagless: triState,
    groupless: triState,
    hasExternalCommunications: triState,
    baselines: z.array(BaselineSchema),
    operationalStarred: z.boolean(),
    securityStarred: z.boolean(),
  }),
  'A named, categorised filter over the Center\'s data. `custom` is false for the presets the Center ships ("All data"). The tri-state flags are "indeterminate" (not set), "true" or "false". `baselines` are the preset\'s with `?baselines=true` (in advantage mode), empty otherwise.',
);

export const PresetDataInfoSchema = named(
  'PresetDataInfo',
  z.object({ presetDataAvailable: z.boolean(), lastRefresh: ms, lastRefreshDuration: int, refreshInProgress: z.boolean(), forceRefreshRequested: z.boolean() }),
  'The state of the data the Center computed for a preset: `lastRefresh` in ms, `lastRefreshDuration` in ms.',
);
