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

/** Rows counted: every one, those active in a window (`from`/`to`), those of them first seen in it. */
export interface WindowCount {
  active: number;
  created: number;
  total: number;
}

/** What a preset's dashboard counts of the nodes of its networknode-list (see `counts`). */
export interface NodeTally {
  device: WindowCount;
  orphanComponent: WindowCount;
  group: WindowCount;
  credentials: number;
  variables: number;
  vulnerableDevices: number;
  vulnerableOrphans: number;
  /** The median risk score of the devices (a device without one counts as 0); 0 without devices. */
  medianRiskScore: number;
}

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

const onComponentsOf = (scope: PresetScope): Where => (scope.all ? new Where() : componentScopeWhere(scope));

/**
 * The scope's conditions on `device d` and on `component c` (without a device). A device is kept
 * when one of its components is in scope: `d.rowid IN (their devices)`, decided once for the
 * statement; as a correlated EXISTS, SQLite 3.53 walked the whole IN list of a flow-end condition
 * (a sensor's, an activity tag's) once per device, probing (device, component) for each: "Seen by
 * CAT9300-CORE" on `large`, 94 000 devices × 27 000 components, 280 s. `scoped`: a CTE (`r`, the
 * rowid; `dr`, its device) of the components `componentScopeWhere` keeps, for a statement that
 * reads them twice (devices and orphans) to compute them once; `onComponents`, what
 * `componentScopeWhere` gives of the scope, when the caller has it already.
 */
function scopeConditions(scope: PresetScope, onComponents = onComponentsOf(scope), scoped?: string): { device: Where; component: Where } {
  const device = new Where();
  const component = new Where();
  if (scope.all) return { device, component };
  if (!onComponents.empty && scoped !== undefined) {
    device.add(`d.rowid IN (SELECT dr FROM ${scoped})`);
    component.add(`c.rowid IN (SELECT r FROM ${scoped})`);
  } else if (!onComponents.empty) {
    device.add(`d.rowid IN (SELECT c.device_rowid FROM component c ${onComponents.toString()})`, ...onComponents.params);
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

/**
 * The CTEs of the nodes `list` keeps, for counting them: `scoped` (the components in scope, read
 * once: see `scopeConditions`), `devices` (rowid `r`, creation time `t`, risk score as the list
 * shows it), `orphans` (the components without a device, rowid `r`) and `members`, each node's
 * components (`node`: a device's rowid, or minus an orphan's; `c`).
 */
function keptNodes(scope: PresetScope): { sql: string; params: unknown[] } {
  const onComponents = onComponentsOf(scope);
  const { device, component } = scopeConditions(scope, onComponents, 'scoped');
  return {
    sql: `${onComponents.empty ? '' : `scoped AS MATERIALIZED (SELECT c.rowid AS r, c.device_rowid AS dr FROM component c ${onComponents.toString()}),`}
      devices AS MATERIALIZED (SELECT d.rowid AS r, d.creation_time AS t, coalesce(d.risk_score, 0) AS risk FROM device d ${device}),
      orphans AS MATERIALIZED (SELECT c.rowid AS r FROM component c WHERE c.device_rowid IS NULL ${component.and()}),
      members AS MATERIALIZED (SELECT dv.r AS node, 1 AS is_device, c.rowid AS c FROM devices dv JOIN component c ON c.device_rowid = dv.r
        UNION ALL SELECT -o.r, 0, o.r FROM orphans o)`,
    params: [...onComponents.params, ...device.params, ...component.params],
  };
}

/**
 * Each kept node's activity and group as the list's objects give them (src/store/device-rows.ts
 * `toDevice`): a device is first seen at its components' first creation and last active at their
 * last activity (its own creation without components); its group is that of its first component
 * (rowid order) that has one. A component without a device: its own. `active`: its life overlaps
 * the window [`w.f`, `w.t`] (NULL: unbounded); `after`: first seen at or after `w.f`. One pass
 * over the devices' components (`spans`), in the order of their index.
 */
const WINDOWED_NODES = `spans AS MATERIALIZED (
    SELECT c.device_rowid AS r, min(c.creation_time) AS first, max(c.last_active_time) AS last, min(iif(c.group_rowid IS NULL, NULL, c.rowid)) AS grouped
    FROM component c WHERE c.device_rowid IN (SELECT r FROM devices) GROUP BY c.device_rowid),
  nodes AS (
    SELECT 1 AS is_device, coalesce(s.first, dv.t) AS first, coalesce(s.last, dv.t) AS last,
      (SELECT g.id FROM component m JOIN grp g ON g.rowid = m.group_rowid WHERE m.rowid = s.grouped) AS grp
    FROM devices dv LEFT JOIN spans s ON s.r = dv.r
    UNION ALL
    SELECT 0, c.creation_time, c.last_active_time, g.id FROM orphans o JOIN component c ON c.rowid = o.r LEFT JOIN grp g ON g.rowid = c.group_rowid),
  windowed AS (SELECT n.is_device, n.grp, (w.f IS NULL OR n.last >= w.f) AND (w.t IS NULL OR n.first <= w.t) AS active, (w.f IS NULL OR n.first >= w.f) AS after
    FROM nodes n, win w)`;

/** A counter of `windowed` over the rows of `kind` (SQL on its columns). */
const windowCount = (kind: string, name: string) =>
  `coalesce(sum(${kind}), 0) AS ${name}_total, coalesce(sum(${kind} AND active), 0) AS ${name}_active, coalesce(sum(${kind} AND active AND after), 0) AS ${name}_created`;

/** The median of the devices' risk scores: the middle one, or the mean of the middle two (NULL without devices). */
const MEDIAN = `(SELECT avg(risk) FROM (SELECT risk FROM devices ORDER BY risk
    LIMIT 2 - (SELECT count(*) % 2 FROM devices) OFFSET (SELECT (count(*) - 1) / 2 FROM devices)))`;

const TALLY = `SELECT ${windowCount('is_device', 'device')}, ${windowCount('NOT is_device', 'orphan')},
    count(DISTINCT grp) AS group_total, count(DISTINCT iif(active, grp, NULL)) AS group_active, count(DISTINCT iif(active AND after, grp, NULL)) AS group_created,
    (SELECT count(*) FROM members m JOIN credential x ON x.component_rowid = m.c) AS credentials,
    (SELECT count(*) FROM members m JOIN variable x ON x.component_rowid = m.c) AS variables,
    (SELECT count(DISTINCT m.node) FROM members m WHERE m.is_device AND EXISTS (SELECT 1 FROM vulnerability_match x WHERE x.component_rowid = m.c)) AS vulnerable_devices,
    (SELECT count(DISTINCT m.node) FROM members m WHERE NOT m.is_device AND EXISTS (SELECT 1 FROM vulnerability_match x WHERE x.component_rowid = m.c)) AS vulnerable_orphans,
    ${MEDIAN} AS median
  FROM windowed`;

/** The events of each node (as src/store/node-counts.ts counts them: an event touching two components of one node once), summed. */
const EVENTS = `SELECT count(*) FROM (
    SELECT m.node, x.rowid FROM members m JOIN event x ON x.component_rowid = m.c
    UNION SELECT m.node, x.rowid FROM members m JOIN event x ON x.src_component = m.c
    UNION SELECT m.node, x.rowid FROM members m JOIN event x ON x.dst_component = m.c)`;

type TallyRow = Record<`${'device' | 'orphan' | 'group'}_${keyof WindowCount}`, number> & {
  credentials: number;
  variables: number;
  vulnerable_devices: number;
  vulnerable_orphans: number;
  median: number | null;
};

export function createNetworkNodeList(db: Db, nodes: NetworkNodeRepo) {
  const prepare = statementCache(db, 50);
  const windowCountOf = (r: TallyRow, name: 'device' | 'orphan' | 'group'): WindowCount => ({ active: r[`${name}_active`], created: r[`${name}_created`], total: r[`${name}_total`] });

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

    /**
     * What `list` gives, counted in one statement without building a node: its devices and
     * components without a device (every one; `active`, those the list keeps with the window's
     * `from`/`to`; `created`, those of them first seen at or after `from`), the distinct groups of
     * each of these sets, the credentials and variables of their components, the nodes with a
     * vulnerability, and the devices' median risk score: what the nodes' own fields and counters
     * (`counts`) say, summed.
     */
    counts(scope: PresetScope, window: Pick<ListRequest<NetworkNodeField>, 'from' | 'to'>): NodeTally {
      const kept = keptNodes(scope);
      const sql = `WITH win(f, t) AS (SELECT ?, ?), ${kept.sql}, ${WINDOWED_NODES} ${TALLY}`;
      const r = prepare(sql).get(window.from ?? null, window.to ?? null, ...kept.params) as TallyRow;
      return {
        device: windowCountOf(r, 'device'),
        orphanComponent: windowCountOf(r, 'orphan'),
        group: windowCountOf(r, 'group'),
        credentials: r.credentials,
        variables: r.variables,
        vulnerableDevices: r.vulnerable_devices,
        vulnerableOrphans: r.vulnerable_orphans,
        medianRiskScore: r.median ?? 0,
      };
    },

    /** The events of the nodes `list` gives, each node's counted as its `counts.events`, summed (an event between two of them counts twice). */
    events(scope: PresetScope): number {
      const kept = keptNodes(scope);
      return prepare(`WITH ${kept.sql} ${EVENTS}`).pluck().get(...kept.params) as number;
    },
  };
}

export type NetworkNodeList = ReturnType<typeof createNetworkNodeList>;
