/**
 * What is counted about network nodes (a device: over its components; a component without a
 * device: itself), for a page of them at once: one grouped statement per counter, each over
 * the indexes of the component rowids (no table scan). A flow, event or activity that touches
 * two components of one node counts once. Flows are counted through their activities (each
 * flow is in exactly one): a busy server has tens of thousands of flows, but far fewer activities.
 */
import type { NodeCounts } from '../domain/devices.js';
import type { Db } from './db.js';

/** The component rowids of each node, by the caller's key for the node. */
export type NodeMembers = ReadonlyMap<number, readonly number[]>;

const MEMBERS = 'm(node, c) AS (SELECT value ->> 0, value ->> 1 FROM json_each(?))';

/** The distinct rows of `table` that touch each node, through each join condition. */
function touching(table: string, row: string, conditions: readonly string[], extra = ''): string {
  return conditions.map((on) => `SELECT m.node, x.${row} AS r${extra} FROM m JOIN ${table} x ON ${on}`).join(' UNION ');
}

export function createNodeCounts(db: Db) {
  const activities = touching('activity', 'rowid', ['x.left_component = m.c', 'x.right_component = m.c'], ', x.flow_count AS f');
  const statements: [(keyof NodeCounts)[], ReturnType<Db['prepare']>][] = [
    [['activities', 'flows'], db.prepare(`WITH ${MEMBERS} SELECT node, count(*) AS n, sum(f) AS n2 FROM (${activities}) GROUP BY node`)],
    [['events'], db.prepare(`WITH ${MEMBERS} SELECT node, count(*) AS n FROM (${touching('event', 'rowid', ['x.component_rowid = m.c', 'x.src_component = m.c', 'x.dst_component = m.c'])}) GROUP BY node`)],
    [
      ['externalCommunications'],
      db.prepare(`WITH ${MEMBERS} SELECT node, count(*) AS n FROM (${touching('external_communication', 'flow_rowid', ['x.internal_component = m.c', 'x.external_component = m.c'])}) GROUP BY node`),
    ],
    [['variables'], db.prepare(`WITH ${MEMBERS} SELECT m.node, count(*) AS n FROM m JOIN variable x ON x.component_rowid = m.c GROUP BY m.node`)],
    [['credentials'], db.prepare(`WITH ${MEMBERS} SELECT m.node, count(*) AS n FROM m JOIN credential x ON x.component_rowid = m.c GROUP BY m.node`)],
    [
      ['vulnerabilities'],
      db.prepare(`WITH ${MEMBERS} SELECT m.node, count(DISTINCT x.vulnerability_rowid) AS n FROM m JOIN vulnerability_match x ON x.component_rowid = m.c GROUP BY m.node`),
    ],
  ];

  return {
    /** The counters of each node; every node of `members` is in the answer. */
    of(members: NodeMembers): Map<number, NodeCounts> {
      const out = new Map<number, NodeCounts>();
      const pairs: [number, number][] = [];
      for (const [node, components] of members) {
        out.set(node, { components: components.length, flows: 0, events: 0, variables: 0, credentials: 0, activities: 0, externalCommunications: 0, vulnerabilities: 0 });
        for (const c of components) pairs.push([node, c]);
      }
      if (pairs.length === 0) return out;
      const json = JSON.stringify(pairs);
      for (const [[counter, second], stmt] of statements) {
        for (const { node, n, n2 } of stmt.all(json) as { node: number; n: number; n2?: number }[]) {
          const counts = out.get(node) as NodeCounts;
          counts[counter as keyof NodeCounts] = n;
          if (second) counts[second] = n2 ?? 0;
        }
      }
      return out;
    },
  };
}

export type NodeCountsRepo = ReturnType<typeof createNodeCounts>;
