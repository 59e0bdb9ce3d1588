/**
 * Security insights (API 3.0 dashboard-security): the DNS names, HTTP hosts and SMB shares the
 * components request, aggregated from the flow properties that carry them (the flow_prop index
 * by name and value: no JSON is read). A request is a flow that carries the value; the
 * requester is the flow's source, the client.
 */
import { INSIGHT_PROPERTIES, type InsightRequester, type InsightType, type InsightValue } from '../domain/security-insights.js';
import type { Micros } from '../domain/time.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import { Where, statementCache } from './sql.js';

/** Flows whose life overlaps [from, to]; either bound may be left out. */
export interface InsightWindow {
  from?: Micros;
  to?: Micros;
}

function window(where: Where, w: InsightWindow | undefined): Where {
  if (w?.from !== undefined) where.add('f.last_seen >= ?', w.from);
  if (w?.to !== undefined) where.add('f.first_seen <= ?', w.to);
  return where;
}

export function createSecurityInsightRepo(db: Db, components: ComponentRepo) {
  const prepare = statementCache(db, 16);

  return {
    /** The values requested, the most requested first (then by value). */
    values(type: InsightType, w?: InsightWindow): InsightValue[] {
      const where = window(new Where().add('p.name = ?', INSIGHT_PROPERTIES[type]), w);
      const sql = `SELECT p.value AS label, count(*) AS requests, count(DISTINCT f.src_component) AS components_count
        FROM flow_prop p JOIN flow f ON f.rowid = p.flow_rowid ${where} GROUP BY p.value ORDER BY requests DESC, label`;
      return (prepare(sql).all(...where.params) as { label: string; requests: number; components_count: number }[]).map((r) => ({
        label: r.label,
        requests: r.requests,
        componentsCount: r.components_count,
      }));
    },

    /** The components that requested a value, the most requests first (then in component order). */
    requesters(type: InsightType, value: string, w?: InsightWindow): InsightRequester[] {
      const where = window(new Where().add('p.name = ?', INSIGHT_PROPERTIES[type]).add('p.value = ?', value), w);
      const sql = `SELECT f.src_component AS rowid, count(*) AS n FROM flow_prop p JOIN flow f ON f.rowid = p.flow_rowid ${where}
        GROUP BY f.src_component ORDER BY n DESC, f.src_component`;
      const rows = prepare(sql).all(...where.params) as { rowid: number; n: number }[];
      const found = components.byRowids(rows.map((r) => r.rowid));
      return found.map((component, i) => ({ component, requestsCount: (rows[i] as { n: number }).n }));
    },
  };
}

export type SecurityInsightRepo = ReturnType<typeof createSecurityInsightRepo>;
