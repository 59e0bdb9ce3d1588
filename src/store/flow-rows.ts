/** Flow rows as SQLite returns them, and their domain objects (guide 5.3). */
import type { Flow, Properties, TagSet } from '../domain/types.js';
import type { NetworkCategory } from '../domain/vocabulary.js';
import { parseJsonObject } from './sql.js';

export const FLOW_COLUMNS = `f.rowid AS rowid, f.id, sc.id AS src_id, dc.id AS dst_id, f.src_mac, f.src_ip, f.src_port,
  f.dst_mac, f.dst_ip, f.dst_port, f.ethertype, f.protocol, f.sensor_id, f.network_category, f.first_seen,
  f.last_seen, f.tags_json, f.props_json`;
export const FLOW_FROM = 'flow f JOIN component sc ON sc.rowid = f.src_component JOIN component dc ON dc.rowid = f.dst_component';

/** A row of FLOW_COLUMNS from a raw statement (values in that order), as componentRowOf does for components. */
export function flowRowOf(v: unknown[]): FlowRow {
  return {
    rowid: v[0] as number,
    id: v[1] as string,
    src_id: v[2] as string,
    dst_id: v[3] as string,
    src_mac: v[4] as string,
    src_ip: v[5] as string | null,
    src_port: v[6] as number | null,
    dst_mac: v[7] as string,
    dst_ip: v[8] as string | null,
    dst_port: v[9] as number | null,
    ethertype: v[10] as string | null,
    protocol: v[11] as string | null,
    sensor_id: v[12] as string | null,
    network_category: v[13] as NetworkCategory,
    first_seen: v[14] as number,
    last_seen: v[15] as number,
    tags_json: v[16] as string,
    props_json: v[17] as string,
  };
}

export interface FlowRow {
  rowid: number;
  id: string;
  src_id: string;
  dst_id: string;
  src_mac: string;
  src_ip: string | null;
  src_port: number | null;
  dst_mac: string;
  dst_ip: string | null;
  dst_port: number | null;
  ethertype: string | null;
  protocol: string | null;
  sensor_id: string | null;
  network_category: NetworkCategory;
  first_seen: number;
  last_seen: number;
  tags_json: string;
  props_json: string;
}

export function toFlow(r: FlowRow): Flow {
  return {
    id: r.id,
    src: { mac: r.src_mac, ip: r.src_ip, port: r.src_port, componentId: r.src_id },
    dst: { mac: r.dst_mac, ip: r.dst_ip, port: r.dst_port, componentId: r.dst_id },
    ethertype: r.ethertype,
    protocol: r.protocol,
    sensorId: r.sensor_id,
    networkCategory: r.network_category,
    tags: parseJsonObject<TagSet>(r.tags_json),
    properties: parseJsonObject<Properties>(r.props_json),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  };
}
