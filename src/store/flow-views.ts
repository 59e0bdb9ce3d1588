/**
 * Flows as API 3.0 lists them (src/domain/flow-view.ts): a list request (sort, filter, activity
 * window, page) over every flow or a component's, each page with its stats totals in one
 * statement. Without a page, the ordered rowids are read once and the rows a chunk at a time.
 */
import type { FlowDetail, FlowView } from '../domain/flow-view.js';
import type { FlowField } from '../domain/list-fields.js';
import type { ListRequest } from '../domain/list-request.js';
import type { CaptureMode } from '../domain/vocabulary.js';
import type { PresetScope } from '../domain/preset-scope.js';
import type { Component } from '../domain/types.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import type { FlowRepo } from './flows.js';
import { type ListShape, listConditions, listRowids } from './list-sql.js';
import type { Pager } from './pager.js';
import { presetFlowsWhere } from './preset-scope-sql.js';
import { Where, placeholders, statementCache } from './sql.js';

const SHAPE: ListShape<Exclude<FlowField, 'tags'>> = {
  columns: {
    id: { sql: 'f.id', kind: 'exact' },
    protocol: { sql: 'f.protocol', kind: 'exact' },
    srcPort: { sql: 'f.src_port', kind: 'number' },
    dstPort: { sql: 'f.dst_port', kind: 'number' },
    firstActivity: { sql: 'f.first_seen', kind: 'number', micros: true },
    lastActivity: { sql: 'f.last_seen', kind: 'number', micros: true },
  },
  // divergence: no default order in Cisco's document. Discovery order, so that pages stay put
  // while traffic adds flows (they land on the last page).
  defaultOrder: 'f.rowid',
  tieBreak: 'f.rowid',
  activity: { first: 'f.first_seen', last: 'f.last_seen' },
};

const CHUNK = 1000;

/** Two sets of component rowids: the flows from one to the other, either way (an activity's). */
export interface EndPair {
  left: readonly number[];
  right: readonly number[];
}

/**
 * The rows between the ends of any of these pairs, either way (`src`, `dst`: the columns of the
 * two ends). Each direction is read from its source's side: the `+` keeps SQLite off the
 * destination's index, which it would otherwise pick as readily. Traffic converges on servers
 * (in `large` one component is the destination of 440 839 flows, and none the source of more
 * than 1 175), so the source side is the short one.
 */
export function betweenPairs(where: Where, pairs: readonly EndPair[], src = 'f.src_component', dst = 'f.dst_component'): void {
  const inSet = (col: string) => `${col} IN (SELECT value FROM json_each(?))`;
  const one = `((${inSet(src)} AND ${inSet(`+${dst}`)}) OR (${inSet(src)} AND ${inSet(`+${dst}`)}))`;
  where.add(
    `(${pairs.map(() => one).join(' OR ') || '0'})`,
    ...pairs.flatMap((p) => [JSON.stringify(p.left), JSON.stringify(p.right), JSON.stringify(p.right), JSON.stringify(p.left)]),
  );
}

/** Flows between two components, either way: all of them, or those that carry one of `tags` (what caused a baseline difference). */
export interface FlowCause {
  left: number;
  right: number;
  tags?: readonly string[];
}

/**
 * The flows of any of these causes, given as one JSON parameter (a component with thousands of
 * causes stays one short statement), each direction read from its source's side.
 */
function causesWhere(where: Where, causes: readonly FlowCause[]): void {
  const side = (src: string, dst: string) => `SELECT x.rowid FROM json_each(?) c JOIN flow x ON x.src_component = c.value ->> '${src}' AND x.dst_component = c.value ->> '${dst}'
    WHERE c.value ->> 't' IS NULL OR EXISTS (SELECT 1 FROM flow_tag t WHERE t.flow_rowid = x.rowid AND t.tag IN (SELECT value FROM json_each(c.value, '$.t')))`;
  const json = JSON.stringify(causes.map((c) => ({ l: c.left, r: c.right, t: c.tags ?? null })));
  where.add(`f.rowid IN (${side('l', 'r')} UNION ALL ${side('r', 'l')})`, json, json);
}

/** Which flows a list runs over: every one, a component's, those between pairs of ends, those of causes, or a preset's (those without tags only, when `tagless`). */
type FlowScope = { component: number } | { pairs: readonly EndPair[] } | { causes: readonly FlowCause[] } | { preset: PresetScope; tagless: boolean } | undefined;

const TAGLESS = 'NOT EXISTS (SELECT 1 FROM flow_tag t WHERE t.flow_rowid = f.rowid)';

export function createFlowViewRepo(db: Db, flows: FlowRepo, components: ComponentRepo, pager: Pager) {
  const prepare = statementCache(db, 100);
  const totals = db.prepare(
    `SELECT f.id, coalesce(sum(s.nb_packets), 0) AS packets, coalesce(sum(s.l2_bytes), 0) AS bytes
     FROM flow f LEFT JOIN flow_stats s ON s.flow_rowid = f.rowid WHERE f.rowid IN (SELECT value FROM json_each(?)) GROUP BY f.rowid`,
  );
  const componentRowid = db.prepare('SELECT rowid FROM component WHERE id = ?').pluck();
  const componentRowids = db.prepare('SELECT rowid FROM component WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const eventsOf = db.prepare('SELECT count(*) FROM event WHERE flow_rowid = ?').pluck();
  const contentValues = db.prepare(
    `SELECT j.key AS property, CAST(j.value AS TEXT) AS value, count(*) AS count FROM flow_content fc, json_each(fc.content_json) j
     WHERE fc.flow_rowid = ? GROUP BY j.key, CAST(j.value AS TEXT) ORDER BY j.key, CAST(j.value AS TEXT)`,
  );
  const sensorOf = db.prepare('SELECT id, name, serial_number, ip, capture_mode FROM sensor WHERE id = ?');

  function hydrate(rowids: readonly number[]): FlowView[] {
    if (rowids.length === 0) return [];
    const sums = new Map((totals.all(JSON.stringify(rowids)) as { id: string; packets: number; bytes: number }[]).map((r) => [r.id, r]));
    const found = flows.byRowids(rowids);
    const ids = [...new Set(found.flatMap((f) => [f.src.componentId, f.dst.componentId]))];
    const ends = new Map(components.byRowids(componentRowids.all(JSON.stringify(ids)) as number[]).map((c) => [c.id, c]));
    return found.map((flow) => ({
      flow,
      left: ends.get(flow.src.componentId) as Component,
      right: ends.get(flow.dst.componentId) as Component,
      packetsCount: sums.get(flow.id)?.packets ?? 0,
      bytesCount: sums.get(flow.id)?.bytes ?? 0,
    }));
  }

  function rowids(req: ListRequest<FlowField>, scope?: FlowScope): readonly number[] {
    const where = new Where();
    if (scope && 'component' in scope) where.add('(f.src_component = ? OR f.dst_component = ?)', scope.component, scope.component);
    if (scope && 'pairs' in scope) betweenPairs(where, scope.pairs);
    if (scope && 'causes' in scope) causesWhere(where, scope.causes);
    if (scope && 'preset' in scope) {
      presetFlowsWhere(where, scope.preset);
      if (scope.tagless) where.add(TAGLESS);
    }
    // A tag filter: the flow has one of the tags (ids, i.e. keys).
    for (const f of req.filters.filter((x) => x.field === 'tags')) {
      where.add(`EXISTS (SELECT 1 FROM flow_tag t WHERE t.flow_rowid = f.rowid AND t.tag COLLATE NOCASE IN (${placeholders(f.values.length)}))`, ...f.values);
    }
    const rest = { ...req, filters: req.filters.filter((x) => x.field !== 'tags') } as ListRequest<Exclude<FlowField, 'tags'>>;
    listConditions(where, rest, SHAPE);
    return listRowids({ prepare, pager }, { rowid: 'f.rowid', from: 'flow f' }, where, rest, SHAPE);
  }

  function* chunks(all: readonly number[]): Generator<FlowView> {
    for (let i = 0; i < all.length; i += CHUNK) yield* hydrate(all.slice(i, i + CHUNK));
  }

  const answer = (ids: readonly number[], req: ListRequest<FlowField>): Iterable<FlowView> => (req.window ? hydrate(ids) : chunks(ids));

  return {
    /** The flows a list request asks for: its page as an array, or (no page) every row lazily. */
    list(req: ListRequest<FlowField>): Iterable<FlowView> {
      return answer(rowids(req), req);
    },

    /** The same over the flows a component is an end of; undefined for an unknown component. */
    ofComponent(componentId: string, req: ListRequest<FlowField>): Iterable<FlowView> | undefined {
      const rowid = componentRowid.get(componentId) as number | undefined;
      return rowid === undefined ? undefined : answer(rowids(req, { component: rowid }), req);
    },

    /** The same over the flows between the ends of these pairs (an activity's: ./activity-views.ts resolves them). */
    between(pairs: readonly EndPair[], req: ListRequest<FlowField>): Iterable<FlowView> {
      return answer(rowids(req, { pairs }), req);
    },

    /** The same over the flows of these causes (a baseline's differences: src/operations/baselines.ts). */
    causing(causes: readonly FlowCause[], req: ListRequest<FlowField>): Iterable<FlowView> {
      return answer(rowids(req, { causes }), req);
    },

    /**
     * The same over a preset's flows: those of its activity-list's activities (src/store/preset-scope-sql.ts
     * `presetFlowsWhere`); `tagless`: only those that carry no tag.
     */
    ofPreset(scope: PresetScope, req: ListRequest<FlowField>, tagless = false): Iterable<FlowView> {
      return answer(rowids(req, { preset: scope, tagless }), req);
    },

    /** The values a flow's contents (API 1.0's /flow/{id}/content) carried, by property, each with how many of them carried it. */
    contentValues(flowRowid: number): { property: string; value: string; count: number }[] {
      return contentValues.all(flowRowid) as { property: string; value: string; count: number }[];
    },

    get(id: string): FlowDetail | undefined {
      const rowid = flows.rowid(id);
      const view = rowid === undefined ? undefined : hydrate([rowid])[0];
      if (rowid === undefined || !view) return undefined;
      const s = view.flow.sensorId === null ? undefined : (sensorOf.get(view.flow.sensorId) as SensorRow | undefined);
      return {
        ...view,
        eventsCount: eventsOf.get(rowid) as number,
        sensor: s ? { id: s.id, name: s.name, serialNumber: s.serial_number, ip: s.ip, captureMode: s.capture_mode } : null,
      };
    },
  };
}

interface SensorRow {
  id: string;
  name: string;
  serial_number: string;
  ip: string;
  capture_mode: CaptureMode;
}

export type FlowViewRepo = ReturnType<typeof createFlowViewRepo>;
