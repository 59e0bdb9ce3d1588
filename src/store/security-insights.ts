/**
 * Security insights (API 3.0 dashboard-security): the DNS names, HTTP hosts and SMB shares the
 * components request, aggregated from the flow properties that carry them (the flow_prop index
 * by name and value: no JSON is read). A request is a flow that carries the value; the
 * requester is the flow's source, the client.
 */
import {
  INSIGHT_PROPERTIES,
  type InsightRequester,
  type InsightRequesterField,
  type InsightType,
  type InsightValue,
  type InsightValueField,
} from '../domain/security-insights.js';
import type { ListRequest } from '../domain/list-request.js';
import type { Micros } from '../domain/time.js';
import type { ComponentViewRepo } from './component-views.js';
import type { Db } from './db.js';
import { type ListShape, listConditions, listOrder } from './list-sql.js';
import { Where, statementCache } from './sql.js';
import { COMPONENT_LABEL_SQL } from './component-rows.js';

/** Flows whose life overlaps [from, to]; either bound may be left out. */
export interface InsightWindow {
  from?: Micros;
  to?: Micros;
}

const VALUES: ListShape<InsightValueField> = {
  columns: {
    label: { sql: 'p.value', kind: 'text' },
    value: { sql: 'requests', kind: 'number' },
    componentsCount: { sql: 'components_count', kind: 'number' },
  },
  defaultOrder: 'requests DESC',
  tieBreak: 'p.value',
};

const REQUESTERS: ListShape<InsightRequesterField> = {
  columns: {
    label: { sql: COMPONENT_LABEL_SQL, kind: 'text' },
    ip: { sql: "coalesce(c.ip, '')", kind: 'exact' },
    mac: { sql: 'c.mac', kind: 'exact' },
    requestsCount: { sql: 'n', kind: 'number' },
  },
  defaultOrder: 'n DESC',
  tieBreak: 'c.rowid',
};

/** The flows that carry a request value of the type, in the window, from the scope's components (all without a scope). */
function requests(type: InsightType, req: InsightWindow, componentIds: readonly string[] | undefined): Where {
  const where = new Where().add('p.name = ?', INSIGHT_PROPERTIES[type]);
  if (req.from !== undefined) where.add('f.last_seen >= ?', req.from);
  if (req.to !== undefined) where.add('f.first_seen <= ?', req.to);
  if (componentIds) where.add('f.src_component IN (SELECT rowid FROM component WHERE id IN (SELECT value FROM json_each(?)))', JSON.stringify(componentIds));
  return where;
}

/** A request with no sort, filter or page: the list's default order, every row. */
const everything = (w: InsightWindow | undefined): ListRequest<never> => ({ sort: [], filters: [], ...w });

export function createSecurityInsightRepo(db: Db, componentViews: ComponentViewRepo) {
  const prepare = statementCache(db, 16);

  return {
    /** The values requested, the most requested first (then by value). */
    values(type: InsightType, w?: InsightWindow): InsightValue[] {
      return this.list(type, undefined, everything(w));
    },

    /**
     * The values requested by the scope's components (every component without one), as the
     * request filters, sorts and pages them: the most requested first by default.
     */
    list(type: InsightType, componentIds: readonly string[] | undefined, req: ListRequest<InsightValueField>): InsightValue[] {
      const where = listConditions(requests(type, req, componentIds), req, VALUES);
      const order = listOrder(req, VALUES);
      const sql = `SELECT p.value AS label, count(*) AS requests, count(DISTINCT f.src_component) AS components_count
        FROM flow_prop p JOIN flow f ON f.rowid = p.flow_rowid ${where} GROUP BY p.value ${order.sql}`;
      return (prepare(sql).all(...where.params, ...order.params) as { label: string; requests: number; components_count: number }[]).map((r) => ({
        label: r.label,
        requests: r.requests,
        componentsCount: r.components_count,
      }));
    },

    /** The components that requested a value, the most requests first (then in component order). */
    requesters(type: InsightType, value: string, w?: InsightWindow): InsightRequester[] {
      return this.requestersIn(type, value, undefined, everything(w));
    },

    /** The scope's components (every component without one) that requested a value, as the request filters, sorts and pages them. */
    requestersIn(type: InsightType, value: string, componentIds: readonly string[] | undefined, req: ListRequest<InsightRequesterField>): InsightRequester[] {
      const where = listConditions(requests(type, req, componentIds).add('p.value = ?', value), req, REQUESTERS);
      const order = listOrder(req, REQUESTERS);
      const sql = `SELECT c.rowid AS rowid, count(*) AS n FROM flow_prop p JOIN flow f ON f.rowid = p.flow_rowid JOIN component c ON c.rowid = f.src_component
        ${where} GROUP BY c.rowid ${order.sql}`;
      const rows = prepare(sql).all(...where.params, ...order.params) as { rowid: number; n: number }[];
      const found = componentViews.views(rows.map((r) => r.rowid));
      return found.map((view, i) => ({ view, requestsCount: (rows[i] as { n: number }).n }));
    },
  };
}

export type SecurityInsightRepo = ReturnType<typeof createSecurityInsightRepo>;
