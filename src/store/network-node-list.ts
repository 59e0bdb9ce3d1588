/**
 * A preset's network node list (API 3.0 networknode-list): every device and every component
 * without one, within the preset's scope (src/domain/preset-scope.ts), in the list's order and
 * window (src/domain/list-request.ts).
 *
 * divergence: a preset scopes components; a device is in scope when one of its components is
 * (its tags, group, sensors, addresses, search). The risk score ranges apply to the node: a
 * device's stored score; a component without a device has none (kept only when no range is
 * included). External communications too: the node's, any of its components'.
 */
import type { NetworkNode, NetworkNodeField } from '../domain/devices.js';
import type { ListRequest } from '../domain/list-request.js';
import type { PresetScope, Range, Selection } from '../domain/preset-scope.js';
import type { Db } from './db.js';
import { type ListShape, listConditions, listOrder } from './list-sql.js';
import type { NetworkNodeRepo, NodeRow } from './network-nodes.js';
import { componentScopeWhere } from './scopes.js';
import { Where, statementCache } from './sql.js';
import { COMPONENT_LABEL_SQL } from './component-rows.js';

const SHAPE: ListShape<NetworkNodeField> = {
  columns: {
    id: { sql: 'n.id', kind: 'exact' },
    label: { sql: 'n.label', kind: 'text' },
    isDevice: { sql: 'n.is_device', kind: 'boolean' },
    deviceType: { sql: 'n.device_type', kind: 'text' },
    riskScore: { sql: 'n.risk_score', kind: 'number' },
    firstActivity: { sql: 'n.first_activity', kind: 'number', micros: true },
    lastActivity: { sql: 'n.last_activity', kind: 'number', micros: true },
  },
  defaultOrder: 'n.id',
  tieBreak: 'n.id',
  activity: { first: 'n.first_activity', last: 'n.last_activity' },
};

const HYDRATE_CHUNK = 500;

/** A node's risk score within the ranges: `score` is a column, NULL for no score. */
function riskRanges(where: Where, score: string, s: Selection<Range>): void {
  const any = (ranges: readonly Range[]) => `(${ranges.map(() => `${score} BETWEEN ? AND ?`).join(' OR ')})`;
  const bounds = (ranges: readonly Range[]) => ranges.flatMap((r) => [r.first, r.last]);
  if (s.include.length > 0) where.add(`${score} IS NOT NULL AND ${any(s.include)}`, ...bounds(s.include));
  if (s.exclude.length > 0) where.add(`(${score} IS NULL OR NOT ${any(s.exclude)})`, ...bounds(s.exclude));
}

const EXTERNAL = (c: string) =>
  `(EXISTS (SELECT 1 FROM external_communication x WHERE x.internal_component = ${c}) OR EXISTS (SELECT 1 FROM external_communication x WHERE x.external_component = ${c}))`;

/** The scope's conditions on `device d` and on `component c` (without a device). */
function scopeConditions(scope: PresetScope): { device: Where; component: Where } {
  const device = new Where();
  const component = new Where();
  if (scope.all) return { device, component };
  const onComponents = componentScopeWhere(scope);
  if (!onComponents.empty) {
    device.add(`EXISTS (SELECT 1 FROM component c WHERE c.device_rowid = d.rowid ${onComponents.and()})`, ...onComponents.params);
    component.add(onComponents.toString().slice('WHERE '.length), ...onComponents.params);
  }
  riskRanges(device, 'd.risk_score', scope.riskScores);
  riskRanges(component, 'NULL', scope.riskScores);
  if (scope.hasExternalCommunications !== null) {
    const not = scope.hasExternalCommunications ? '' : 'NOT ';
    device.add(`${not}EXISTS (SELECT 1 FROM component c WHERE c.device_rowid = d.rowid AND ${EXTERNAL('c.rowid')})`);
    component.add(`${not}${EXTERNAL('c.rowid')}`);
  }
  return { device, component };
}

export function createNetworkNodeList(db: Db, nodes: NetworkNodeRepo) {
  const prepare = statementCache(db, 50);

  return {
    /** The nodes of a preset's list: the page asked, or every one (hydrated a chunk at a time as the caller iterates). */
    list(scope: PresetScope, req: ListRequest<NetworkNodeField>): Iterable<NetworkNode> {
      const { device, component } = scopeConditions(scope);
      const outer = listConditions(new Where(), req, SHAPE);
      const order = listOrder(req, SHAPE);
      const sql = `SELECT n.id, n.is_device, n.rowid FROM (
          SELECT d.id, 1 AS is_device, d.rowid, coalesce(nullif(d.custom_label, ''), d.label) AS label, d.device_type,
            coalesce(d.risk_score, 0) AS risk_score,
            (SELECT min(c.creation_time) FROM component c WHERE c.device_rowid = d.rowid) AS first_activity,
            (SELECT max(c.last_active_time) FROM component c WHERE c.device_rowid = d.rowid) AS last_activity
          FROM device d ${device}
          UNION ALL
          SELECT c.id, 0, c.rowid, ${COMPONENT_LABEL_SQL}, '', 0, c.creation_time, c.last_active_time
          FROM component c WHERE c.device_rowid IS NULL ${component.and()}
        ) n ${outer} ${order.sql}`;
      const rows = prepare(sql).all(...device.params, ...component.params, ...outer.params, ...order.params) as NodeRow[];
      if (req.window) return nodes.byRows(rows);
      return (function* () {
        for (let i = 0; i < rows.length; i += HYDRATE_CHUNK) yield* nodes.byRows(rows.slice(i, i + HYDRATE_CHUNK));
      })();
    },
  };
}

export type NetworkNodeList = ReturnType<typeof createNetworkNodeList>;
