/**
 * Presets (API 3.0 `Preset`): a named, categorised filter over the Center's data, and the state
 * of the data a Center computes for it (`dataInfo`). The filter objects keep the shape GET
 * /presets prints (the document's PresetFilters and its item definitions, and
 * samples/presets.json), since clients export them and POST them back unchanged. Version-neutral
 * otherwise: times in microseconds, camelCase (the serializer prints `priority_order`).
 */
import { z } from 'zod';
import { uuidv5 } from './ids.js';

const micros = z.number().int();

/** include keeps what matches, exclude drops it. */
export const PRESET_OPERATORS = ['include', 'exclude'] as const;
const operator = z.enum(PRESET_OPERATORS);

/**
 * A filter that is on, off or not set. The document types these as strings and the sample
 * shows only "indeterminate". divergence: we take "true" and "false" for the other two states.
 */
export const TRI_STATES = ['indeterminate', 'true', 'false'] as const;
export const TriStateSchema = z.enum(TRI_STATES);
export type TriState = z.infer<typeof TriStateSchema>;

export const CategorySchema = z.object({ id: z.string(), label: z.string(), priorityOrder: z.number().int() });
export type Category = z.infer<typeof CategorySchema>;

/** Categories are named by their label: the id is derived from it, the same on every Center we emulate. */
export function categoryId(label: string): string {
  return uuidv5(`category|${label}`);
}

export const BadgeSchema = z.object({ id: z.string(), iconKey: z.string(), label: z.string(), description: z.string() });
export type Badge = z.infer<typeof BadgeSchema>;

/** A tag as a preset names it (PresetTag); `id` is the tag key. */
export const PresetTagSchema = z.looseObject({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  category: z.object({ id: z.string(), label: z.string(), priority_order: z.number().int() }).optional(),
});

/** A group as a preset names it (PresetGroup): `color` is an integer there (0xrrggbb), and `children` nest. */
export interface PresetGroup {
  id: string;
  label?: string | undefined;
  color?: number | undefined;
  parentId?: string | undefined;
  children?: { operator: 'include' | 'exclude'; value: PresetGroup }[] | undefined;
  [field: string]: unknown;
}
export const PresetGroupSchema: z.ZodType<PresetGroup> = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    label: z.string().optional(),
    color: z.number().int().optional(),
    parentId: z.string().optional(),
    children: z.array(z.object({ operator, value: PresetGroupSchema })).optional(),
  }),
);

/** A sensor as a preset names it (the document's `Sensor`; `centerId` is null in the sample). */
export const PresetSensorSchema = z.looseObject({
  id: z.string(),
  label: z.string().optional(),
  ip: z.string().optional(),
  serialNumber: z.string().optional(),
  captureMode: z.string().optional(),
  centerId: z.string().nullable().optional(),
});

/** A Center (the document's `Center`): only the id matters to the filter; other fields pass through. */
export const PresetCenterSchema = z.looseObject({ id: z.string(), label: z.string().optional() });

/** A network (PresetNetwork): a subnet in CIDR form and a VLAN (null: none); `id` is the custom network's. */
export const PresetNetworkSchema = z.looseObject({ id: z.string(), subnet: z.string(), vlan: z.number().int().nullable().optional() });

/** A risk score range (PresetRiskScore), bounds included. */
export const PresetRiskScoreSchema = z.looseObject({ id: z.string(), min: z.number().int(), max: z.number().int() });

/** Value objects keep fields we do not know: a preset exported from a real Center comes back whole. */
const filter = <T extends z.ZodType>(value: T) => z.array(z.object({ operator, value }));

export const PresetFiltersSchema = z.object({
  tags: filter(PresetTagSchema),
  groups: filter(PresetGroupSchema),
  sensors: filter(PresetSensorSchema),
  centers: filter(PresetCenterSchema),
  networks: filter(PresetNetworkSchema),
  riskScores: filter(PresetRiskScoreSchema),
});
export type PresetFilters = z.infer<typeof PresetFiltersSchema>;

export const NO_FILTERS: PresetFilters = { tags: [], groups: [], sensors: [], centers: [], networks: [], riskScores: [] };

/** What a preset keeps when it keeps everything: no filter, no search, every tri-state undecided, no star. */
export const UNFILTERED = {
  filters: NO_FILTERS,
  search: '',
  componentTagless: 'indeterminate',
  activityTagless: 'indeterminate',
  groupless: 'indeterminate',
  hasExternalCommunications: 'indeterminate',
  operationalStarred: false,
  securityStarred: false,
} as const satisfies Partial<Preset>;

/**
 * The stars a preset may carry (Cisco POST/DELETE /presets/{preset_id}/starring/{type}): the
 * Preset's `operationalStarred` and `securityStarred`, the two kinds of favourite presets
 * GET /homepage/presets-highlights filters on (`favoriteType` "operational" or "security").
 */
export const PRESET_STAR_TYPES = ['operational', 'security'] as const;
export type PresetStarType = (typeof PRESET_STAR_TYPES)[number];
export const STARRED_FIELD = { operational: 'operationalStarred', security: 'securityStarred' } as const satisfies Record<PresetStarType, keyof Preset>;

export const PresetSchema = z.object({
  id: z.string(),
  label: z.string().min(1),
  description: z.string(),
  category: CategorySchema,
  /** False for the presets a Center ships ("All data"), true for the users'. */
  custom: z.boolean(),
  imported: z.boolean(),
  creatorEmail: z.string(),
  lastUpdate: micros,
  priorityOrder: z.number().int(),
  badges: z.array(BadgeSchema),
  filters: PresetFiltersSchema,
  /** Full-text search ("" for none). */
  search: z.string(),
  componentTagless: TriStateSchema,
  activityTagless: TriStateSchema,
  groupless: TriStateSchema,
  hasExternalCommunications: TriStateSchema,
  operationalStarred: z.boolean(),
  securityStarred: z.boolean(),
});
export type Preset = z.infer<typeof PresetSchema>;

/** The Center's cache of a preset's data (GET /presets/{id}/dataInfo): `lastRefresh` in µs here, ms on the wire. */
export const PresetDataInfoSchema = z.object({
  presetDataAvailable: z.boolean(),
  lastRefresh: micros,
  /** Milliseconds. */
  lastRefreshDuration: z.number().int(),
  refreshInProgress: z.boolean(),
  forceRefreshRequested: z.boolean(),
});
export type PresetDataInfo = z.infer<typeof PresetDataInfoSchema>;

type GroupFilter = PresetFilters['groups'][number];

/**
 * The group filters without the groups named (ids compared without case): a filter naming one is
 * dropped, and the subgroups it nested (`children`) take its place, each with its own operator,
 * as the group's subgroups go to the top when it is deleted.
 */
export function withoutGroups(filters: PresetFilters['groups'], ids: ReadonlySet<string>): PresetFilters['groups'] {
  return filters.flatMap((f): GroupFilter[] => {
    const children = f.value.children === undefined ? undefined : withoutGroups(f.value.children, ids);
    if (ids.has(f.value.id.toLowerCase())) return children ?? [];
    return [children === undefined ? f : { ...f, value: { ...f.value, children } }];
  });
}

/** A preset's filters without the groups and custom networks named (ids lower case); the same object when it names none. */
export function withoutObjects(filters: PresetFilters, gone: { groups?: ReadonlySet<string>; networks?: ReadonlySet<string> }): PresetFilters {
  const groups = gone.groups ? withoutGroups(filters.groups, gone.groups) : filters.groups;
  const networks = gone.networks ? filters.networks.filter((f) => !gone.networks?.has(f.value.id.toLowerCase())) : filters.networks;
  const same = JSON.stringify(groups) === JSON.stringify(filters.groups) && networks.length === filters.networks.length;
  return same ? filters : { ...filters, groups, networks };
}
