/** Component rows as SQLite returns them, and their domain objects (guide 5.2). */
import type { Component, Properties, TagSet, Vulnerability } from '../domain/types.js';
import { parseJsonObject } from './sql.js';

/** A component's label as the Center shows it (alias `c`): the user's name, else its name, IP or MAC. */
export const COMPONENT_LABEL_SQL = "coalesce(nullif(c.custom_name, ''), c.name, c.ip, c.mac)";

export const COMPONENT_COLUMNS = `c.rowid AS rowid, c.id, c.creation_time, c.last_active_time, c.ip, c.mac, c.name,
  c.model_name, c.model_ref, c.fw_version, c.hw_version, c.serial_number, c.vendor_name, c.project_name,
  c.project_version, c.custom_name, c.custom_icon, g.label AS group_label, g.id AS group_id, c.tags_json, c.props_json`;

export interface ComponentRow {
  rowid: number;
  id: string;
  creation_time: number;
  last_active_time: number;
  ip: string | null;
  mac: string;
  name: string | null;
  model_name: string | null;
  model_ref: string | null;
  fw_version: string | null;
  hw_version: string | null;
  serial_number: string | null;
  vendor_name: string | null;
  project_name: string | null;
  project_version: string | null;
  custom_name: string | null;
  custom_icon: string | null;
  group_label: string | null;
  group_id: string | null;
  tags_json: string;
  props_json: string;
}

export function toComponent(r: ComponentRow, vulnerabilities: Vulnerability[]): Component {
  return {
    id: r.id,
    creationTime: r.creation_time,
    lastActiveTime: r.last_active_time,
    ip: r.ip,
    mac: r.mac,
    name: r.name,
    modelName: r.model_name,
    modelRef: r.model_ref,
    fwVersion: r.fw_version,
    hwVersion: r.hw_version,
    serialNumber: r.serial_number,
    vendorName: r.vendor_name,
    projectName: r.project_name,
    projectVersion: r.project_version,
    customName: r.custom_name,
    customIcon: r.custom_icon,
    group: r.group_label,
    groupId: r.group_id,
    tags: parseJsonObject<TagSet>(r.tags_json),
    properties: parseJsonObject<Properties>(r.props_json),
    vulnerabilities,
  };
}
