/**
 * The writing side of flows: what the ingest pipeline reads to merge observations into known
 * flows, and how it writes new and changed ones, their contents and stats.
 */
import type { FlowStats, Properties, TagSet } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { FlowDirection, NetworkCategory } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import { parseJsonObject } from './sql.js';

export interface NewFlow {
  id: string;
  srcComponent: number;
  dstComponent: number;
  srcMac: string;
  srcIp: string | null;
  srcPort: number | null;
  dstMac: string;
  dstIp: string | null;
  dstPort: number | null;
  ethertype: string | null;
  protocol: string | null;
  sensorId: string | null;
  networkCategory: NetworkCategory;
  firstSeen: Micros;
  lastSeen: Micros;
}

export interface FlowState {
  rowid: number;
  firstSeen: Micros;
  lastSeen: Micros;
  networkCategory: NetworkCategory;
  tags: TagSet;
  properties: Properties;
}

/** What an observation changed in a known flow. */
export interface FlowChange {
  sensorId: string | null;
  changedTags: TagSet;
  changedProps: Properties;
  lastSeenMoved: boolean;
  categoryChanged: boolean;
}

export function createFlowWrites(db: Db) {
  const STATE_COLUMNS = 'id, rowid, first_seen, last_seen, network_category, tags_json, props_json';
  const statesByIds = db.prepare(`SELECT ${STATE_COLUMNS} FROM flow WHERE id IN (SELECT value FROM json_each(?))`);
  // Positional parameters: binding a named object costs more on the hot path of ingest.
  const insertStmt = db.prepare(
    `INSERT INTO flow (rowid, id, src_component, dst_component, src_mac, src_ip, src_port, dst_mac, dst_ip, dst_port,
       ethertype, protocol, sensor_id, network_category, first_seen, last_seen, tags_json, props_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateStmt = db.prepare(
    'UPDATE flow SET first_seen = ?, last_seen = ?, network_category = ?, tags_json = ?, props_json = ? WHERE rowid = ?',
  );
  const updateTimes = db.prepare('UPDATE flow SET first_seen = ?, last_seen = ? WHERE rowid = ?');
  // Apart, and only when it changes: an UPDATE that sets sensor_id rewrites the flow's entries in
  // the indexes by (end, sensor) (migration 015) even to the same value, ~3 µs each.
  const setSensor = db.prepare('UPDATE flow SET sensor_id = ? WHERE rowid = ? AND sensor_id IS NOT ?');
  const tagsLastSeen = db.prepare('UPDATE flow_tag SET last_seen = ? WHERE flow_rowid = ?');
  const upsertTag = db.prepare(
    `INSERT INTO flow_tag (flow_rowid, tag, class, last_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET class = excluded.class, last_seen = excluded.last_seen`,
  );
  const upsertProp = db.prepare(
    'INSERT INTO flow_prop (flow_rowid, name, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
  );
  // One statement per flow for all its tags or properties: json_each unpacks the JSON that the
  // flow row keeps anyway (a statement per property costs the seeding of large scenarios dearly).
  const insertTags = db.prepare('INSERT INTO flow_tag (flow_rowid, tag, class, last_seen) SELECT ?, key, value, ? FROM json_each(?)');
  const insertProps = db.prepare('INSERT INTO flow_prop (flow_rowid, name, value) SELECT ?, key, value FROM json_each(?)');
  // The same for many flows at once: ingest writes a batch's new flows, then their child rows.
  const NEW_ROWIDS = 'f.rowid IN (SELECT value FROM json_each(?))';
  const insertTagsOf = db.prepare(
    `INSERT INTO flow_tag (flow_rowid, tag, class, last_seen) SELECT f.rowid, j.key, j.value, f.last_seen
     FROM flow f, json_each(f.tags_json) j WHERE ${NEW_ROWIDS} AND f.tags_json <> '{}'`,
  );
  const insertPropsOf = db.prepare(
    `INSERT INTO flow_prop (flow_rowid, name, value) SELECT f.rowid, j.key, j.value
     FROM flow f, json_each(f.props_json) j WHERE ${NEW_ROWIDS} AND f.props_json <> '{}'`,
  );
  const insertContent = db.prepare(
    'INSERT INTO flow_content (id, flow_rowid, time, direction, content_json) VALUES (?, ?, ?, ?, ?)',
  );
  const addStats = db.prepare(
    `INSERT INTO flow_stats (flow_rowid, position, direction, direction_method, nb_packets, l2_bytes, l7_bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET nb_packets = nb_packets + excluded.nb_packets,
       l2_bytes = l2_bytes + excluded.l2_bytes, l7_bytes = l7_bytes + excluded.l7_bytes`,
  );

  return {
    /** What ingest needs to merge observations into existing flows, in one statement: the ones that exist, by id. */
    states(ids: readonly string[]): Map<string, FlowState> {
      const found = new Map<string, FlowState>();
      if (ids.length === 0) return found;
      for (const r of statesByIds.all(JSON.stringify(ids)) as StateRow[]) found.set(r.id, toState(r));
      return found;
    },

    /** Inserts a flow with its tags and properties. */
    insert(f: NewFlow, tags: TagSet = {}, properties: Properties = {}): number {
      const tagsJson = JSON.stringify(tags);
      const propsJson = JSON.stringify(properties);
      const rowid = Number(insertStmt.run(...flowValues(null, f, tagsJson, propsJson)).lastInsertRowid);
      if (tagsJson !== '{}') insertTags.run(rowid, f.lastSeen, tagsJson);
      if (propsJson !== '{}') insertProps.run(rowid, propsJson);
      return rowid;
    },

    /**
     * Inserts new flows at the rowids the caller chose (ingest numbers a batch's new flows from
     * `maxRowid() + 1` inside its write transaction), then all their child rows at once.
     */
    insertMany(rows: readonly { rowid: number; flow: NewFlow; tags: TagSet; properties: Properties }[]): void {
      if (rows.length === 0) return;
      for (const r of rows) insertStmt.run(...flowValues(r.rowid, r.flow, JSON.stringify(r.tags), JSON.stringify(r.properties)));
      const rowids = JSON.stringify(rows.map((r) => r.rowid));
      insertTagsOf.run(rowids);
      insertPropsOf.run(rowids);
    },

    /** Writes a flow's merged state; `changedTags`/`changedProps` are the child rows to upsert. */
    update(s: FlowState, change: FlowChange): void {
      const { changedTags, changedProps } = change;
      if (change.categoryChanged || Object.keys(changedTags).length > 0 || Object.keys(changedProps).length > 0) {
        updateStmt.run(s.firstSeen, s.lastSeen, s.networkCategory, JSON.stringify(s.tags), JSON.stringify(s.properties), s.rowid);
      } else {
        // Most observations of a known flow only move its times.
        updateTimes.run(s.firstSeen, s.lastSeen, s.rowid);
      }
      if (change.sensorId !== null) setSensor.run(change.sensorId, s.rowid, change.sensorId);
      if (change.lastSeenMoved) tagsLastSeen.run(s.lastSeen, s.rowid);
      for (const [tag, cls] of Object.entries(changedTags)) upsertTag.run(s.rowid, tag, cls, s.lastSeen);
      for (const [name, value] of Object.entries(changedProps)) upsertProp.run(s.rowid, name, value);
    },

    addContent(flowRowid: number, c: { id: string; time: Micros; direction: FlowDirection; content: Properties }): void {
      insertContent.run(c.id, flowRowid, c.time, c.direction, JSON.stringify(c.content));
    },

    /** Adds packet counts to the flow's stats for a direction (position 0: Client→Server). */
    addStats(flowRowid: number, s: Omit<FlowStats, 'flowId'>, position?: number): void {
      const at = position ?? (s.direction === 'Client→Server' ? 0 : 1);
      addStats.run(flowRowid, at, s.direction, s.directionMethod, s.nbPackets, s.l2Bytes, s.l7Bytes);
    },
  };
}

interface StateRow {
  id: string;
  rowid: number;
  first_seen: number;
  last_seen: number;
  network_category: NetworkCategory;
  tags_json: string;
  props_json: string;
}

function toState(r: StateRow): FlowState {
  return {
    rowid: r.rowid,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    networkCategory: r.network_category,
    tags: parseJsonObject(r.tags_json),
    properties: parseJsonObject(r.props_json),
  };
}

/** The values of the flow INSERT, in its column order (a null rowid lets SQLite choose). */
function flowValues(rowid: number | null, f: NewFlow, tagsJson: string, propsJson: string): unknown[] {
  return [
    rowid, f.id, f.srcComponent, f.dstComponent, f.srcMac, f.srcIp, f.srcPort, f.dstMac, f.dstIp, f.dstPort,
    f.ethertype, f.protocol, f.sensorId, f.networkCategory, f.firstSeen, f.lastSeen, tagsJson, propsJson,
  ];
}
