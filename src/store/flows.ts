/** Flows (guide 5.3), their contents (6.4.3) and stats (5.3.1). */
import type { FlowQuery, TimeWindow } from '../domain/queries.js';
import type { Flow, FlowContent, FlowStats, Properties, TagSet } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { DirectionMethod, FlowDirection, NetworkCategory } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import type { Pager } from './pager.js';
import { propertyConditions } from './components.js';
import { Where, inPageOrder, parseJsonObject, placeholders, statementCache } from './sql.js';

const FLOW_COLUMNS = `f.rowid AS rowid, f.id, sc.id AS src_id, dc.id AS dst_id, f.src_mac, f.src_ip, f.src_port,
  f.dst_mac, f.dst_ip, f.dst_port, f.ethertype, f.protocol, f.sensor_id, f.network_category, f.first_seen,
  f.last_seen, f.tags_json, f.props_json`;
const FLOW_FROM = 'flow f JOIN component sc ON sc.rowid = f.src_component JOIN component dc ON dc.rowid = f.dst_component';

interface FlowRow {
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

export function createFlowRepo(db: Db, pager: Pager) {
  const prepare = statementCache(db);
  const byId = db.prepare(`SELECT ${FLOW_COLUMNS} FROM ${FLOW_FROM} WHERE f.id = ?`);
  const rowidById = db.prepare('SELECT rowid FROM flow WHERE id = ?').pluck();
  const maxRowid = db.prepare('SELECT coalesce(max(rowid), 0) FROM flow').pluck();
  const rowidsAfter = db.prepare('SELECT rowid FROM flow WHERE rowid > ? ORDER BY rowid LIMIT ?').pluck();
  const byRowids = db.prepare(`SELECT ${FLOW_COLUMNS} FROM ${FLOW_FROM} WHERE f.rowid IN (SELECT value FROM json_each(?))`);
  const STATE_COLUMNS = 'id, rowid, first_seen, last_seen, network_category, tags_json, props_json';
  const statesByIds = db.prepare(`SELECT ${STATE_COLUMNS} FROM flow WHERE id IN (SELECT value FROM json_each(?))`);
  // Positional parameters: binding a named object costs more on the hot path of ingest.
  const insertStmt = db.prepare(
    `INSERT INTO flow (rowid, id, src_component, dst_component, src_mac, src_ip, src_port, dst_mac, dst_ip, dst_port,
       ethertype, protocol, sensor_id, network_category, first_seen, last_seen, tags_json, props_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateStmt = db.prepare(
    `UPDATE flow SET first_seen = ?, last_seen = ?, network_category = ?, tags_json = ?, props_json = ?,
       sensor_id = coalesce(?, sensor_id) WHERE rowid = ?`,
  );
  const updateTimes = db.prepare('UPDATE flow SET first_seen = ?, last_seen = ?, sensor_id = coalesce(?, sensor_id) WHERE rowid = ?');
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
  const statsOf = db.prepare(
    `SELECT direction, direction_method, nb_packets, l2_bytes, l7_bytes FROM flow_stats
     WHERE flow_rowid = ? ORDER BY position`,
  );
  const addStats = db.prepare(
    `INSERT INTO flow_stats (flow_rowid, position, direction, direction_method, nb_packets, l2_bytes, l7_bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET nb_packets = nb_packets + excluded.nb_packets,
       l2_bytes = l2_bytes + excluded.l2_bytes, l7_bytes = l7_bytes + excluded.l7_bytes`,
  );

  return {
    get(id: string): Flow | undefined {
      const row = byId.get(id) as FlowRow | undefined;
      return row ? toFlow(row) : undefined;
    },

    rowid(id: string): number | undefined {
      return rowidById.get(id) as number | undefined;
    },

    /** The largest rowid (rowids need not be contiguous). */
    maxRowid(): number {
      return maxRowid.get() as number;
    },

    /** The next `limit` rowids after `after`, in order: a walk over every flow. */
    rowidsAfter(after: number, limit: number): number[] {
      return rowidsAfter.all(after, limit) as number[];
    },

    /** guide 6.4.1; ordered by last activity. */
    list(q: FlowQuery): Flow[] {
      return this.byRowids(this.page(q));
    },

    /** The rowids of a page of `list`, in order. */
    page(q: FlowQuery): readonly number[] {
      const where = new Where();
      if (q.start !== undefined) where.add('f.last_seen >= ?', q.start);
      if (q.end !== undefined) where.add('f.last_seen <= ?', q.end);
      if (q.lastSeenAfter !== undefined) where.add('f.last_seen > ?', q.lastSeenAfter);
      // A flow's addresses are its components' (a component is identified by its MAC and IP).
      const endpoints = (column: string, values: string[]) => {
        const sub = `(SELECT rowid FROM component WHERE ${column} IN (${placeholders(values.length)}))`;
        where.add(`(f.src_component IN ${sub} OR f.dst_component IN ${sub})`, ...values, ...values);
      };
      if (q.ips?.length) endpoints('ip', q.ips);
      if (q.macs?.length) endpoints('mac', q.macs.map((m) => m.toLowerCase()));
      if (q.ports?.length) {
        const p = placeholders(q.ports.length);
        where.add(`(f.src_port IN (${p}) OR f.dst_port IN (${p}))`, ...q.ports, ...q.ports);
      }
      // With a tag filter that names one tag, the page is read off the flow_tag index, which keeps
      // each tag's flows in last_seen order; the other tag filters are checked per flow. (A filter
      // that names several tags, a label two tags share, is checked per flow too: driving from
      // flow_tag would list a flow with both tags twice.)
      const tags = q.tags ?? [];
      const driving = tags.find((keys) => keys.length === 1)?.[0];
      for (const keys of tags) {
        if (keys.length === 1 && keys[0] === driving) continue;
        where.add(
          `EXISTS (SELECT 1 FROM flow_tag t2 WHERE t2.flow_rowid = f.rowid AND t2.tag IN (${placeholders(keys.length)}))`,
          ...keys,
        );
      }
      propertyConditions(where, 'flow_prop', 'flow_rowid', 'f.rowid', q.properties);
      const componentRowid = `(SELECT rowid FROM component WHERE id = ?)`;
      if (q.from !== undefined) where.add(`f.src_component = ${componentRowid}`, q.from);
      if (q.to !== undefined) where.add(`f.dst_component = ${componentRowid}`, q.to);
      if (q.components?.length) {
        const ids = `(SELECT rowid FROM component WHERE id IN (${placeholders(q.components.length)}))`;
        where.add(`(f.src_component IN ${ids} OR f.dst_component IN ${ids})`, ...q.components, ...q.components);
      }
      where.anyOf('f.network_category', q.netcats);
      const page = { order: q.order, limit: q.limit, offset: q.offset };
      if (driving !== undefined) {
        const join = where.empty ? '' : ' JOIN flow f ON f.rowid = t.flow_rowid';
        where.add('t.tag = ?', driving);
        return pager.rowids({ from: `flow_tag t${join}`, where, key: 't.last_seen', rowid: 't.flow_rowid', ...page });
      }
      return pager.rowids({ from: 'flow f', where, key: 'f.last_seen', rowid: 'f.rowid', ...page });
    },

    /** Flows by rowid, in the order given. */
    byRowids(rowids: readonly number[]): Flow[] {
      if (rowids.length === 0) return [];
      return inPageOrder(rowids, byRowids.all(JSON.stringify(rowids)) as FlowRow[]).map(toFlow);
    },

    /** guide 6.3.11: the flows of a component, filtered and ordered on their last activity. */
    ofComponent(componentRowid: number, q: TimeWindow): Flow[] {
      const dir = q.order === 'desc' ? 'DESC' : 'ASC';
      const where = new Where().add('(f.src_component = ? OR f.dst_component = ?)', componentRowid, componentRowid);
      if (q.start !== undefined) where.add('f.last_seen >= ?', q.start);
      if (q.end !== undefined) where.add('f.last_seen <= ?', q.end);
      const sql = `SELECT ${FLOW_COLUMNS} FROM ${FLOW_FROM} ${where}
        ORDER BY f.last_seen ${dir}, f.rowid ${dir} LIMIT ? OFFSET ?`;
      return (prepare(sql).all(...where.params, q.limit, q.offset) as FlowRow[]).map(toFlow);
    },

    /** guide 6.4.3 */
    contents(flowRowid: number, q: TimeWindow): FlowContent[] {
      const dir = q.order === 'desc' ? 'DESC' : 'ASC';
      const where = new Where().add('fc.flow_rowid = ?', flowRowid);
      if (q.start !== undefined) where.add('fc.time >= ?', q.start);
      if (q.end !== undefined) where.add('fc.time <= ?', q.end);
      const sql = `SELECT fc.id, f.id AS flow_id, fc.time, fc.direction, fc.content_json
        FROM flow_content fc JOIN flow f ON f.rowid = fc.flow_rowid ${where}
        ORDER BY fc.time ${dir}, fc.rowid ${dir} LIMIT ? OFFSET ?`;
      const rows = prepare(sql).all(...where.params, q.limit, q.offset) as {
        id: string;
        flow_id: string;
        time: number;
        direction: FlowDirection;
        content_json: string;
      }[];
      return rows.map((r) => ({
        id: r.id,
        flowId: r.flow_id,
        time: r.time,
        direction: r.direction,
        content: parseJsonObject<Properties>(r.content_json),
      }));
    },

    /** guide 6.4.4 */
    stats(flowRowid: number, flowId: string): FlowStats[] {
      const rows = statsOf.all(flowRowid) as {
        direction: FlowDirection;
        direction_method: DirectionMethod;
        nb_packets: number;
        l2_bytes: number;
        l7_bytes: number;
      }[];
      return rows.map((r) => ({
        flowId,
        direction: r.direction,
        directionMethod: r.direction_method,
        nbPackets: r.nb_packets,
        l2Bytes: r.l2_bytes,
        l7Bytes: r.l7_bytes,
      }));
    },

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
        updateStmt.run(s.firstSeen, s.lastSeen, s.networkCategory, JSON.stringify(s.tags), JSON.stringify(s.properties), change.sensorId, s.rowid);
      } else {
        // Most observations of a known flow only move its times.
        updateTimes.run(s.firstSeen, s.lastSeen, change.sensorId, s.rowid);
      }
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

export type FlowRepo = ReturnType<typeof createFlowRepo>;

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

function toFlow(r: FlowRow): Flow {
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
