/**
 * Device rows as SQLite returns them, the rows of their components, and the domain objects made
 * of both: addresses, normalized fields and properties with their distinct values, the union
 * of tags (API 3.0 Device).
 */
import type { Device, NodeCounts, NormalizedField } from '../domain/devices.js';
import type { Properties, TagSet } from '../domain/types.js';
import type { ComponentRow } from './component-rows.js';
import { parseJsonObject } from './sql.js';

export const DEVICE_COLUMNS = `d.rowid AS rowid, d.id, d.label, d.custom_label, d.device_type, d.icon, d.creation_time,
  d.risk_score, d.best_achievable_score`;

export interface DeviceRow {
  rowid: number;
  id: string;
  label: string;
  custom_label: string | null;
  device_type: string;
  icon: string;
  creation_time: number;
  risk_score: number | null;
  best_achievable_score: number | null;
}

/** What a device takes of each of its components. */
export const MEMBER_COLUMNS = `c.device_rowid, c.rowid, c.id, c.creation_time, c.last_active_time, c.ip, c.mac, c.name, c.model_name, c.model_ref, c.fw_version,
  c.hw_version, c.serial_number, c.vendor_name, c.project_name, c.project_version, c.tags_json, c.props_json,
  g.id AS group_id, g.label AS group_label`;

/** A component row as a device reads it: the component's columns but the user's name and icon, and its device. */
export interface MemberRow extends Omit<ComponentRow, 'custom_name' | 'custom_icon'> {
  device_rowid: number;
}

const NORMALIZED: readonly [NormalizedField, keyof MemberRow][] = [
  ['name', 'name'],
  ['modelName', 'model_name'],
  ['modelRef', 'model_ref'],
  ['fwVersion', 'fw_version'],
  ['hwVersion', 'hw_version'],
  ['serialNumber', 'serial_number'],
  ['vendorName', 'vendor_name'],
  ['projectName', 'project_name'],
  ['projectVersion', 'project_version'],
];

function addDistinct<K extends string>(into: Partial<Record<K, string[]>>, key: K, value: string | null): void {
  if (value === null || value === '') return;
  const list = into[key];
  if (!list) into[key] = [value];
  else if (!list.includes(value)) list.push(value);
}

/** A device from its row, its components (in rowid order) and its counters. */
export function toDevice(r: DeviceRow, members: readonly MemberRow[], counts: NodeCounts): Device {
  const ip: string[] = [];
  const mac: string[] = [];
  const normalized: Device['normalized'] = {};
  const properties: Record<string, string[]> = {};
  const tags: TagSet = {};
  let group: Device['group'] = null;
  let [firstActivity, lastActivity] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const m of members) {
    firstActivity = Math.min(firstActivity, m.creation_time);
    lastActivity = Math.max(lastActivity, m.last_active_time);
    if (m.ip !== null && !ip.includes(m.ip)) ip.push(m.ip);
    if (!mac.includes(m.mac)) mac.push(m.mac);
    for (const [field, column] of NORMALIZED) addDistinct(normalized, field, m[column] as string | null);
    for (const [name, value] of Object.entries(parseJsonObject<Properties>(m.props_json))) addDistinct(properties, name, value);
    for (const [tag, cls] of Object.entries(parseJsonObject<TagSet>(m.tags_json))) if (tags[tag] !== 'important') tags[tag] = cls;
    if (group === null && m.group_id !== null) group = { id: m.group_id, label: m.group_label ?? '' };
  }
  return {
    id: r.id,
    label: r.label,
    customLabel: r.custom_label,
    deviceType: r.device_type,
    icon: r.icon,
    creationTime: r.creation_time,
    // A device without components (none yet: ingest makes them together) is as old as it is.
    firstActivity: members.length > 0 ? firstActivity : r.creation_time,
    lastActivity: members.length > 0 ? lastActivity : r.creation_time,
    riskScore: r.risk_score,
    bestAchievableScore: r.best_achievable_score,
    ip,
    mac,
    normalized,
    properties,
    tags,
    componentIds: members.map((m) => m.id),
    group,
    counts,
  };
}
