/**
 * Domain objects → the small 3.0 objects every answer nests (./../schemas/common.ts). The
 * lookups they need (the tag catalogue, the groups) are read once per store version.
 */
import type { z } from 'zod';
import type { Device } from '../../../domain/devices.js';
import { type GroupSummary, ancestorsOf } from '../../../domain/group.js';
import { uuidv5 } from '../../../domain/ids.js';
import { isGroupMac } from '../../../domain/network.js';
import { type Micros, msFromMicros } from '../../../domain/time.js';
import type { Component, Tag, TagSet } from '../../../domain/types.js';
import { deviceTraits } from '../../../ingest/device-rule.js';
import type { Store } from '../../../store/store.js';
import type { CategorySchema, FlowEndpointSchema, GroupAncestorSchema, GroupSchema, LightDeviceSchema, ShortComponentSchema, TagSchema } from '../schemas/common.js';

export type Wire<S extends z.ZodType> = z.infer<S>;

export const ms = (t: Micros): number => msFromMicros(t);

/** ISO 8601 to the second, UTC (`2026-11-01T12:00:00Z`): the dates of deployments and sensor packages. */
export const isoSecond = (t: Micros): string => new Date(msFromMicros(t)).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The 3.0 category of a tag: 1.0's categories (guide 6.8.1.1) under the labels a 5.x Center
 * shows (the samples: Protocol, Device - Level 0-1 / 2 / 3-4, Control system behavior, Security
 * analysis…). divergence: the emulator's Knowledge DB is smaller; each of its categories maps to
 * the nearest, component tags by the Purdue level of what they name.
 */
const CATEGORY_LABELS: Record<string, string> = { Operation: 'Control system behavior', Security: 'Security analysis' };
const DEVICE_LEVELS: Record<string, string> = { IO_MODULE: 'Device - Level 0-1', PLC: 'Device - Level 2', HMI: 'Device - Level 2' };

export function categoryLabel(tag: Pick<Tag, 'key' | 'category'>): string {
  if (tag.category === 'Device') return DEVICE_LEVELS[tag.key] ?? 'Device - Level 3-4';
  return CATEGORY_LABELS[tag.category] ?? tag.category;
}

export const category = (label: string): Wire<typeof CategorySchema> => ({ id: uuidv5(`tag-category|${label}`), label, priority_order: 0 });

export interface Lookups {
  tags: ReadonlyMap<string, Tag>;
  groups: ReadonlyMap<string, GroupSummary>;
}

/** The lookups of the store's current version: read again after any write. */
export function lookupsOf(store: Store): () => Lookups {
  let version = '';
  let held: Lookups | undefined;
  return () => {
    const v = store.version();
    if (!held || v !== version) {
      held = { tags: new Map(store.tags.list().map((t) => [t.key, t])), groups: new Map(store.groups.summaries().map((g) => [g.id, g])) };
      version = v;
    }
    return held;
  };
}

export function tag(key: string, important: boolean, l: Lookups): Wire<typeof TagSchema> {
  const t = l.tags.get(key);
  return { id: key, label: t?.label ?? key, type: t?.type ?? 'flow', important, category: category(t ? categoryLabel(t) : 'Protocol') };
}

/** A tag set (key → class) as 3.0 tags, by key. */
export const tags = (set: TagSet, l: Lookups): Wire<typeof TagSchema>[] =>
  Object.keys(set)
    .sort()
    .map((key) => tag(key, set[key] === 'important', l));

export function group(id: string | null, l: Lookups): Wire<typeof GroupSchema> | null {
  const g = id === null ? undefined : l.groups.get(id);
  return g ? groupOf(g) : null;
}

/** A group as 3.0 nests and lists it (Cisco's `Group`). */
export function groupOf(g: GroupSummary): Wire<typeof GroupSchema> {
  return {
    id: g.id,
    label: g.label,
    description: g.description,
    comments: g.comments,
    color: g.color,
    criticalness: g.criticalness,
    locked: g.locked,
    parentId: g.parentId ?? '',
    groupIds: g.groupIds,
    centerID: g.centerId ?? '',
  };
}

/** What the Center calls a component: its name, else its IP, else its MAC; the user's name first. */
export function componentLabels(c: Pick<Component, 'name' | 'ip' | 'mac' | 'customName'>): { label: string; originalLabel: string; customLabel: string } {
  const originalLabel = c.name ?? c.ip ?? c.mac;
  const customLabel = c.customName ?? '';
  return { label: customLabel || originalLabel, originalLabel, customLabel };
}

const BROADCAST_ICON = 'library/broadcast.png';

/** A component's icon: its custom one (set through 1.0), else the broadcast icon, else its device's library icon (its vendor, Windows). */
export const componentIcon = (c: Component): string => c.customIcon ?? (isGroupMac(c.mac) ? BROADCAST_ICON : deviceTraits(c).icon);

export function shortComponent(c: Component, l: Lookups): Wire<typeof ShortComponentSchema> {
  return {
    id: c.id,
    ...componentLabels(c),
    icon: componentIcon(c),
    // Clients test `"ip" in endpoint` before parsing it: no IP is no key, not "".
    ...(c.ip === null ? {} : { ip: c.ip }),
    mac: c.mac,
    tags: tags(c.tags, l),
    group: group(c.groupId, l),
  };
}

export function flowEndpoint(c: Component, l: Lookups): Wire<typeof FlowEndpointSchema> {
  return { id: c.id, ...componentLabels(c), icon: componentIcon(c), group: group(c.groupId, l) };
}

/** A device's labels: the one the Center gave it, and the user's. */
export function deviceLabels(d: Pick<Device, 'label' | 'customLabel'>): { label: string; originalLabel: string; customLabel: string } {
  const customLabel = d.customLabel ?? '';
  return { label: customLabel || d.label, originalLabel: d.label, customLabel };
}

export function lightDevice(d: Pick<Device, 'id' | 'label' | 'customLabel' | 'deviceType' | 'icon' | 'ip' | 'mac' | 'tags' | 'group'>, l: Lookups): Wire<typeof LightDeviceSchema> {
  return {
    id: d.id,
    isDevice: true,
    ...deviceLabels(d),
    deviceType: d.deviceType,
    icon: d.icon,
    ip: d.ip,
    mac: d.mac,
    tags: tags(d.tags, l),
    group: group(d.group?.id ?? null, l),
  };
}

const ancestor = (g: GroupSummary, depth: number): Wire<typeof GroupAncestorSchema> => ({
  id: g.id,
  label: g.label,
  color: g.color,
  criticalness: g.criticalness,
  locked: g.locked,
  depth,
});

/** The groups a group nests in, its parent first (depth 1). */
export const groupAncestors = (id: string, l: Lookups): Wire<typeof GroupAncestorSchema>[] => ancestorsOf(id, l.groups).map((a) => ancestor(a.group, a.depth));

/** The group an object is in (depth 1) and the groups above it, nearest first; null outside any group. */
export function ancestors(groupId: string | null, l: Lookups): Wire<typeof GroupAncestorSchema>[] | null {
  const own = groupId === null ? undefined : l.groups.get(groupId);
  if (!own) return null;
  return [ancestor(own, 1), ...ancestorsOf(own.id, l.groups).map((a) => ancestor(a.group, a.depth + 1))];
}
