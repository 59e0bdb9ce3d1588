/**
 * A preset's whole scope as SQL conditions on `component c`: what ./scopes.ts decides
 * (`componentScopeWhere`), plus the two facts it leaves to its callers, which the store holds
 * too: the risk score (the component's device's, as stored) and external communications (the
 * component at either end of one). So a visualisation filters a page in SQL, without a list of
 * ids.
 */
import type { PresetScope, Range, Selection } from '../domain/preset-scope.js';
import { componentScopeWhere } from './scopes.js';
import type { Where } from './sql.js';

const RISK = '(SELECT d.risk_score FROM device d WHERE d.rowid = c.device_rowid)';

const inRanges = (ranges: readonly Range[]): [string, unknown[]] => [
  `(${ranges.map(() => `${RISK} BETWEEN ? AND ?`).join(' OR ')})`,
  ranges.flatMap((r) => [r.first, r.last]),
];

/** preset-scope.ts `passesRanges`: no score passes only when no range is included. */
function riskConditions(where: Where, s: Selection<Range>): void {
  if (s.include.length > 0) {
    const [sql, params] = inRanges(s.include);
    where.add(sql, ...params);
  }
  if (s.exclude.length > 0) {
    const [sql, params] = inRanges(s.exclude);
    where.add(`(${RISK} IS NULL OR NOT ${sql})`, ...params);
  }
}

const EXTERNAL = `(EXISTS (SELECT 1 FROM external_communication x WHERE x.internal_component = c.rowid)
  OR EXISTS (SELECT 1 FROM external_communication x WHERE x.external_component = c.rowid))`;

/** The conditions on `component c` of everything the scope keeps; none for "All data". */
export function presetScopeWhere(scope: PresetScope): Where {
  const where = componentScopeWhere(scope);
  if (scope.all) return where;
  riskConditions(where, scope.riskScores);
  if (scope.hasExternalCommunications !== null) where.add(scope.hasExternalCommunications ? EXTERNAL : `NOT ${EXTERNAL}`);
  return where;
}

/**
 * The components a preset keeps as the CTE `scoped(r)` (their rowids), computed once for a
 * statement that reads them twice (an activity's two ends): as two IN subqueries, each computed
 * on its own, a sensor's or an activity tag's flows were read twice. `params` follow `sql`.
 */
export function scopedComponents(scope: PresetScope): [string, unknown[]] {
  const kept = presetScopeWhere(scope);
  return [`WITH scoped(r) AS MATERIALIZED (SELECT c.rowid FROM component c ${kept.toString()})`, kept.params];
}

/** On `activity` grouped by node pair, with `scoped`: one of the pair's component activities has an end in scope. */
export const PAIR_IN_SCOPE = 'max(activity.left_component IN scoped OR activity.right_component IN scoped)';

/**
 * The network node pairs of a preset's activity-list (src/store/activities.ts `nodeList`): those
 * with one component activity that has an end in scope. `params` follow `sql`.
 */
export function keptNodePairs(scope: PresetScope): [string, unknown[]] {
  const [scoped, params] = scopedComponents(scope);
  return [`${scoped} SELECT node_a, node_b FROM activity GROUP BY node_a, node_b HAVING ${PAIR_IN_SCOPE}`, params];
}

/**
 * Adds to `where` (on `flow f`) the flows of a preset's activity-list: the flows of every
 * component activity (either way) grouped under a node pair it keeps, i.e. what GET
 * /activities/{id}/flows lists for each of its rows. "All data" keeps every activity, so every
 * flow: no condition. The ends of the kept activities, both ways, are one set the flows are looked
 * up in: as a correlated EXISTS (two activity lookups a flow), 1 000 000 flows on `large` took 3.6 s.
 */
export function presetFlowsWhere(where: Where, scope: PresetScope): Where {
  if (scope.all) return where;
  const [pairs, params] = keptNodePairs(scope);
  where.add(
    `(f.src_component, f.dst_component) IN (
      WITH kept AS MATERIALIZED (SELECT a.left_component AS l, a.right_component AS r FROM activity a WHERE (a.node_a, a.node_b) IN (${pairs}))
      SELECT l, r FROM kept UNION ALL SELECT r, l FROM kept)`,
    ...params,
  );
  return where;
}
