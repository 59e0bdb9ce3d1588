/** Component rows as SQLite returns them, and their domain objects (guide 5.2). */
import type { Component, Properties, TagSet, Vulnerability } from '../domain/types.js';
import { parseJsonObject } from './sql.js';

/** A component's label as the Center shows it (alias `c`): the user's name, else its name, IP or MAC. */
export const COMPONENT_LABEL_SQL = "coalesce(nullif(c.custom_name, ''), c.name, c.ip, c.mac)";

export const COMPONENT_COLUMNS = `c.rowid AS rowid, c.id, c.creation_time, c.last_active_time, c.ip, c.mac, c.name,
  c.model_name, c.model_ref, c.fw_version, c.hw_version, c.serial_number, c.vendor_name, c.project_name,
  c.project_version, c.custom_name, c.custom_icon, g.label AS group_label, g.id AS group_id, c.tags_json, c.props_json`;

/**
 * A row of COMPONENT_COLUMNS as a raw statement gives it (values in that order) made into a
 * ComponentRow: better-sqlite3 builds a row object key by key, about three times the cost of
 * the whole query for a page of 100 components (issue 17); an object literal costs next to
 * nothing. test/store/raw-rows.test.ts checks that both ways give the same row.
 */
export function componentRowOf(v: unknown[]): ComponentRow {
  return {
    rowid: v[0] as number,
    id: v[1] as string,
    creation_time: v[2] as number,
    last_active_time: v[3] as number,
    ip: v[4] as string | null,
    mac: v[5] as string,
    name: v[6] as string | null,
    model_name: v[7] as string | null,
    model_ref: v[8] as string | null,
    fw_version: v[9] as string | null,
    hw_version: v[10] as string | null,
    serial_number: v[11] as string | null,
    vendor_name: v[12] as string | null,
    project_name: v[13] as string | null,
    project_version: v[14] as string | null,
    custom_name: v[15] as string | null,
    custom_icon: v[16] as string | null,
    group_label: v[17] as string | null,
    group_id: v[18] as string | null,
    tags_json: v[19] as string,
    props_json: v[20] as string,
  };
}

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
