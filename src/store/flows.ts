/**
 * Flows (guide 5.3), their contents (6.4.3) and stats (5.3.1): the reads of the API here, the
 * writes of ingest in ./flow-writes.ts, the rows and their mapping in ./flow-rows.ts.
 */
import type { FlowQuery, TimeWindow } from '../domain/queries.js';
import type { Flow, FlowContent, FlowStats, Properties } from '../domain/types.js';
import type { DirectionMethod, FlowDirection } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import type { Pager } from './pager.js';
import { propertyConditions } from './components.js';
import { FLOW_COLUMNS, FLOW_FROM, flowRowOf, toFlow } from './flow-rows.js';
import { createFlowWrites } from './flow-writes.js';
import { Where, inPageOrder, parseJsonObject, placeholders, statementCache } from './sql.js';

export type { FlowChange, FlowState, NewFlow } from './flow-writes.js';

export function createFlowRepo(db: Db, pager: Pager) {
  const prepare = statementCache(db);
  // Raw: the rows are made by flowRowOf (cheaper than better-sqlite3's objects).
  const byId = db.prepare(`SELECT ${FLOW_COLUMNS} FROM ${FLOW_FROM} WHERE f.id = ?`).raw();
  const rowidById = db.prepare('SELECT rowid FROM flow WHERE id = ?').pluck();
  const maxRowid = db.prepare('SELECT coalesce(max(rowid), 0) FROM flow').pluck();
  const rowidsAfter = db.prepare('SELECT rowid FROM flow WHERE rowid > ? ORDER BY rowid LIMIT ?').pluck();
  const byRowids = db.prepare(`SELECT ${FLOW_COLUMNS} FROM ${FLOW_FROM} WHERE f.rowid IN (SELECT value FROM json_each(?))`).raw();
  const statsOf = db.prepare(
    `SELECT direction, direction_method, nb_packets, l2_bytes, l7_bytes FROM flow_stats
     WHERE flow_rowid = ? ORDER BY position`,
  );
  const writes = createFlowWrites(db);

  return {
    ...writes,

    get(id: string): Flow | undefined {
      const row = byId.get(id) as unknown[] | undefined;
      return row ? toFlow(flowRowOf(row)) : undefined;
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
      return inPageOrder(rowids, (byRowids.all(JSON.stringify(rowids)) as unknown[][]).map(flowRowOf)).map(toFlow);
    },

    /**
     * guide 6.3.11: the flows of a component, filtered and ordered on their last activity. The
     * flows it is the source of and those it is only the destination of are each read in order
     * off their index (end, last_seen) and merged (MERGE (UNION ALL)), so a page reads about as
     * many index entries as it skips and shows. `src = ? OR dst = ?` sorted every flow of the
     * component instead: 0.9 to 1.3 s a page for one at the end of 440 000 flows on `large` (issue 17).
     */
    ofComponent(componentRowid: number, q: TimeWindow): Flow[] {
      const dir = q.order === 'desc' ? 'DESC' : 'ASC';
      const window = new Where();
      if (q.start !== undefined) window.add('last_seen >= ?', q.start);
      if (q.end !== undefined) window.add('last_seen <= ?', q.end);
      const sql = `SELECT rowid, last_seen FROM flow WHERE src_component = ? ${window.and()}
        UNION ALL SELECT rowid, last_seen FROM flow WHERE dst_component = ? AND src_component <> ? ${window.and()}
        ORDER BY last_seen ${dir}, rowid ${dir} LIMIT ? OFFSET ?`;
      const c = componentRowid;
      const rowids = prepare(sql).pluck().all(c, ...window.params, c, c, ...window.params, q.limit, q.offset) as number[];
      return this.byRowids(rowids);
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
  };
}

export type FlowRepo = ReturnType<typeof createFlowRepo>;
