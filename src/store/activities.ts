/**
 * Activities (API 3.0): the flows between two components, summed up (`/activities`), and the
 * same grouped by the network nodes of both ends (a preset's activity list): a device, or a
 * component that has none. Reads take and return ids; ingest's writes are in ./activity-writes.ts.
 */
import { type Activity, type ActivityTotals, type NodeActivity, type NodeRef, activityEnds, activityId } from '../domain/activities.js';
import type { Micros } from '../domain/time.js';
import type { TagSet } from '../domain/types.js';
import { createActivityWrites } from './activity-writes.js';
import type { Db } from './db.js';
import type { ActivityField, NodeActivityField } from '../domain/list-fields.js';
import type { ListRequest } from '../domain/list-request.js';
import type { PresetScope } from '../domain/preset-scope.js';
import type { Pager } from './pager.js';
import { PAIR_IN_SCOPE, scopedComponents } from './preset-scope-sql.js';
import { type ListShape, listConditions, listOrder } from './list-sql.js';
import { Where, inPageOrder, placeholders, statementCache } from './sql.js';

export type { ActivityDelta } from './activity-writes.js';
export { pairKey } from './activity-writes.js';

const TOTALS = `first_activity, last_activity, flow_count, packets_count, bytes_count, events_count`;
const COLUMNS = `a.rowid AS rowid, lc.id AS left_id, rc.id AS right_id, a.${TOTALS.split(', ').join(', a.')}`;
const FROM = 'activity a JOIN component lc ON lc.rowid = a.left_component JOIN component rc ON rc.rowid = a.right_component';
const NODE_GROUP = `SELECT node_a, node_b, min(first_activity) AS first_activity, max(last_activity) AS last_activity,
  sum(flow_count) AS flow_count, sum(packets_count) AS packets_count, sum(bytes_count) AS bytes_count,
  sum(events_count) AS events_count, count(*) AS activity_count, json_group_array(rowid) AS rowids FROM activity`;
const STREAM_CHUNK = 1000;

/** `/activities`: the columns of `activity a` (its id is its ends' ids; tags are filtered apart). */
const LIST: ListShape<Exclude<ActivityField, 'tags'>> = {
  columns: {
    id: { sql: "((SELECT id FROM component WHERE rowid = a.left_component) || '_' || (SELECT id FROM component WHERE rowid = a.right_component))", kind: 'exact' },
    firstActivity: { sql: 'a.first_activity', kind: 'number', micros: true },
    lastActivity: { sql: 'a.last_activity', kind: 'number', micros: true },
    flowCount: { sql: 'a.flow_count', kind: 'number' },
    packetsCount: { sql: 'a.packets_count', kind: 'number' },
    bytesCount: { sql: 'a.bytes_count', kind: 'number' },
    eventsCount: { sql: 'a.events_count', kind: 'number' },
  },
  // The order they began (rowids are appended so): pages stay put while traffic adds activities.
  defaultOrder: 'a.rowid',
  tieBreak: 'a.rowid',
  activity: { first: 'a.first_activity', last: 'a.last_activity' },
};

/** A preset's activity-list: the columns of the grouped rows (NODE_GROUP's names). */
const NODE_LIST: ListShape<Exclude<NodeActivityField, 'tags'>> = {
  columns: {
    firstActivity: { sql: 'first_activity', kind: 'number', micros: true },
    lastActivity: { sql: 'last_activity', kind: 'number', micros: true },
    flowCount: { sql: 'flow_count', kind: 'number' },
    packetsCount: { sql: 'packets_count', kind: 'number' },
    bytesCount: { sql: 'bytes_count', kind: 'number' },
    eventsCount: { sql: 'events_count', kind: 'number' },
  },
  defaultOrder: 'node_a',
  tieBreak: 'node_a, node_b',
};

const hasTag = (table: string, n: number) => `EXISTS (SELECT 1 FROM activity_tag t WHERE t.activity_rowid = ${table}.rowid AND t.tag COLLATE NOCASE IN (${placeholders(n)}))`;


interface TotalsRow {
  first_activity: number;
  last_activity: number;
  flow_count: number;
  packets_count: number;
  bytes_count: number;
  events_count: number;
}
interface ActivityRow extends TotalsRow {
  rowid: number;
  left_id: string;
  right_id: string;
}
interface NodeRow extends TotalsRow {
  node_a: number;
  node_b: number;
  activity_count: number;
  rowids: string;
}

const totals = (r: TotalsRow, tags: TagSet, variablesCount: number): ActivityTotals => ({
  firstActivity: r.first_activity,
  lastActivity: r.last_activity,
  flowCount: r.flow_count,
  packetsCount: r.packets_count,
  bytesCount: r.bytes_count,
  eventsCount: r.events_count,
  tags,
  variablesCount,
});

/** `from`/`to`: activities whose life overlaps that window. */
export interface ActivityQuery {
  offset: number;
  limit: number;
  from?: Micros;
  to?: Micros;
}

/**
 * The conditions (on the groups of `activity` by node pair) of a preset's activity-list: the pairs
 * with one component activity that has an end in scope; `with`, the CTE they read
 * (src/store/preset-scope-sql.ts `scopedComponents`).
 */
function nodeScope(scope: PresetScope | undefined): { with: string; withParams: unknown[]; having: Where } {
  const having = new Where();
  if (!scope || scope.all) return { with: '', withParams: [], having };
  const [scoped, params] = scopedComponents(scope);
  having.add(PAIR_IN_SCOPE);
  return { with: scoped, withParams: params, having };
}

export function createActivityRepo(db: Db, pager: Pager) {
  const prepare = statementCache(db, 100);
  const byRowids = db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.rowid IN (SELECT value FROM json_each(?))`);
  const tagsOf = db.prepare('SELECT activity_rowid, tag, class FROM activity_tag WHERE activity_rowid IN (SELECT value FROM json_each(?))');
  const byPair = db.prepare(
    `SELECT rowid FROM activity WHERE left_component = (SELECT rowid FROM component WHERE id = ?)
     AND right_component = (SELECT rowid FROM component WHERE id = ?)`,
  ).pluck();
  const afterStmt = db.prepare('SELECT rowid FROM activity WHERE rowid > ? ORDER BY rowid LIMIT ?').pluck();
  const ofComponents = db.prepare(
    `SELECT rowid FROM activity WHERE left_component IN (SELECT value FROM json_each(@rowids))
     UNION SELECT rowid FROM activity WHERE right_component IN (SELECT value FROM json_each(@rowids)) ORDER BY 1`,
  ).pluck();
  const componentRowid = db.prepare('SELECT rowid FROM component WHERE id = ?').pluck();
  const deviceComponents = db.prepare('SELECT c.rowid FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE d.id = ?').pluck();
  const countStmt = db.prepare('SELECT count(*) FROM activity').pluck();
  const variablesOf = db.prepare(
    `SELECT a.rowid AS activity, count(DISTINCT v.rowid) AS n FROM activity a
     JOIN variable v ON v.component_rowid IN (a.left_component, a.right_component)
     JOIN variable_access x ON x.variable_rowid = v.rowid AND x.author_rowid IN (a.left_component, a.right_component) AND x.author_rowid <> v.component_rowid
     WHERE a.rowid IN (SELECT value FROM json_each(?)) GROUP BY a.rowid`,
  );
  const nodePage = db.prepare(`${NODE_GROUP} GROUP BY node_a, node_b ORDER BY node_a, node_b LIMIT ? OFFSET ?`);
  const nodesAfter = db.prepare(
    `${NODE_GROUP} WHERE node_a > @a OR (node_a = @a AND node_b > @b) GROUP BY node_a, node_b ORDER BY node_a, node_b LIMIT @limit`,
  );
  const nodePair = db.prepare(`${NODE_GROUP} WHERE node_a = ? AND node_b = ? GROUP BY node_a, node_b`);
  const nodeCount = db.prepare('SELECT count(*) FROM (SELECT 1 FROM activity GROUP BY node_a, node_b)').pluck();
  const deviceIds = db.prepare('SELECT rowid, id FROM device WHERE rowid IN (SELECT value FROM json_each(?))');
  const componentIds = db.prepare('SELECT rowid, id FROM component WHERE rowid IN (SELECT value FROM json_each(?))');
  const nodeKey = db.prepare(
    `SELECT rowid FROM device WHERE id = @id UNION ALL SELECT -rowid FROM component WHERE id = @id AND device_rowid IS NULL`,
  ).pluck();

  /** The union of the tags of these activities, by activity rowid. */
  function tags(rowids: readonly number[]): Map<number, TagSet> {
    const out = new Map<number, TagSet>();
    if (rowids.length === 0) return out;
    for (const t of tagsOf.all(JSON.stringify(rowids)) as { activity_rowid: number; tag: string; class: TagSet[string] }[]) {
      let set = out.get(t.activity_rowid);
      if (!set) out.set(t.activity_rowid, (set = {}));
      set[t.tag] = t.class;
    }
    return out;
  }

  /** The variables each of these activities reads or writes: held by one end, accessed by the other. */
  function variables(rowids: readonly number[]): Map<number, number> {
    if (rowids.length === 0) return new Map();
    return new Map((variablesOf.all(JSON.stringify(rowids)) as { activity: number; n: number }[]).map((r) => [r.activity, r.n]));
  }

  function hydrate(rowids: readonly number[]): Activity[] {
    if (rowids.length === 0) return [];
    const rows = inPageOrder(rowids, byRowids.all(JSON.stringify(rowids)) as ActivityRow[]);
    const tagSets = tags(rowids);
    const vars = variables(rowids);
    return rows.map((r) => ({ id: activityId(r.left_id, r.right_id), leftId: r.left_id, rightId: r.right_id, ...totals(r, tagSets.get(r.rowid) ?? {}, vars.get(r.rowid) ?? 0) }));
  }

  function hydrateNodes(rows: readonly NodeRow[]): NodeActivity[] {
    const devices = new Map((deviceIds.all(JSON.stringify(rows.flatMap((r) => [r.node_a, r.node_b]).filter((n) => n > 0))) as { rowid: number; id: string }[]).map((d) => [d.rowid, d.id]));
    const orphans = new Map((componentIds.all(JSON.stringify(rows.flatMap((r) => [-r.node_a, -r.node_b]).filter((n) => n > 0))) as { rowid: number; id: string }[]).map((c) => [c.rowid, c.id]));
    const ref = (node: number): NodeRef => (node > 0 ? { id: devices.get(node) ?? '', isDevice: true } : { id: orphans.get(-node) ?? '', isDevice: false });
    const members = rows.map((r) => JSON.parse(r.rowids) as number[]);
    const tagSets = tags(members.flat());
    const varCounts = variables(members.flat());
    return rows.map((r, i) => {
      const union: TagSet = {};
      for (const rowid of members[i] as number[]) for (const [tag, cls] of Object.entries(tagSets.get(rowid) ?? {})) if (union[tag] !== 'important') union[tag] = cls;
      const [a, b] = [ref(r.node_a), ref(r.node_b)];
      const [left, right] = a.id <= b.id ? [a, b] : [b, a];
      const vars = (members[i] as number[]).reduce((n, rowid) => n + (varCounts.get(rowid) ?? 0), 0);
      return { id: `${left.id}_${right.id}`, left, right, activityCount: r.activity_count, ...totals(r, union, vars) };
    });
  }

  return {
    ...createActivityWrites(db),

    /** An activity by its id, "<left component id>_<right component id>". */
    get(id: string): Activity | undefined {
      const ends = activityEnds(id);
      const rowid = ends ? (byPair.get(ends[0], ends[1]) as number | undefined) : undefined;
      return rowid === undefined ? undefined : hydrate([rowid])[0];
    },

    /** A page of activities, in the order they began (of their first flow). */
    page(q: ActivityQuery): Activity[] {
      const where = new Where();
      if (q.from !== undefined) where.add('a.last_activity >= ?', q.from);
      if (q.to !== undefined) where.add('a.first_activity <= ?', q.to);
      return hydrate(pager.rowids({ from: 'activity a', where, key: 'a.rowid', rowid: 'a.rowid', order: 'asc', limit: q.limit, offset: q.offset }));
    },

    /** Every activity, in page order, read a chunk at a time. */
    *all(): Generator<Activity> {
      for (let after = 0; ; ) {
        const rowids = afterStmt.all(after, STREAM_CHUNK) as number[];
        yield* hydrate(rowids);
        if (rowids.length < STREAM_CHUNK) return;
        after = rowids[rowids.length - 1] as number;
      }
    },

    count(): number {
      return countStmt.get() as number;
    },

    /** The activities a component is an end of; undefined for an unknown component. */
    ofComponent(componentId: string): Activity[] | undefined {
      const rowid = componentRowid.get(componentId) as number | undefined;
      return rowid === undefined ? undefined : hydrate(ofComponents.all({ rowids: JSON.stringify([rowid]) }) as number[]);
    },

    /** The activities one of a device's components is an end of (both may be). */
    ofDevice(deviceId: string): Activity[] {
      return hydrate(ofComponents.all({ rowids: JSON.stringify(deviceComponents.all(deviceId)) }) as number[]);
    },

    /** A page of the activities between network nodes, in node order. */
    nodePage(q: { offset: number; limit: number }): NodeActivity[] {
      return hydrateNodes(nodePage.all(q.limit, q.offset) as NodeRow[]);
    },

    /** Every activity between network nodes, in node order, read a chunk at a time. */
    *nodeAll(): Generator<NodeActivity> {
      for (let [a, b] = [Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]; ; ) {
        const rows = nodesAfter.all({ a, b, limit: STREAM_CHUNK }) as NodeRow[];
        yield* hydrateNodes(rows);
        if (rows.length < STREAM_CHUNK) return;
        const last = rows[rows.length - 1] as NodeRow;
        [a, b] = [last.node_a, last.node_b];
      }
    },

    /** The activity between two network nodes, by its id "<left node id>_<right node id>". */
    nodeGet(id: string): NodeActivity | undefined {
      const ends = activityEnds(id);
      if (!ends) return undefined;
      const [x, y] = ends.map((id) => nodeKey.get({ id }) as number | undefined);
      if (x === undefined || y === undefined) return undefined;
      const row = nodePair.get(Math.min(x, y), Math.max(x, y)) as NodeRow | undefined;
      return row ? hydrateNodes([row])[0] : undefined;
    },

    nodeCount(): number {
      return nodeCount.get() as number;
    },

    /** `/activities`: a list request (sort, filter, window, page); no page: every row lazily, a chunk at a time. `ofComponents`: only those with an end among these component rowids. */
    list(req: ListRequest<ActivityField>, ofComponents?: readonly number[]): Iterable<Activity> {
      const where = new Where();
      // Those with an end among these components (a device's: /devices/{id}/activities).
      if (ofComponents) {
        const set = JSON.stringify(ofComponents);
        where.add('(a.left_component IN (SELECT value FROM json_each(?)) OR a.right_component IN (SELECT value FROM json_each(?)))', set, set);
      }
      for (const f of req.filters.filter((x) => x.field === 'tags')) where.add(hasTag('a', f.values.length), ...f.values);
      const rest = { ...req, filters: req.filters.filter((x) => x.field !== 'tags') } as ListRequest<Exclude<ActivityField, 'tags'>>;
      listConditions(where, rest, LIST);
      const order = listOrder(rest, LIST);
      const rowids = prepare(`SELECT a.rowid FROM activity a ${where.toString()} ${order.sql}`).pluck().all(...where.params, ...order.params) as number[];
      if (req.window) return hydrate(rowids);
      return (function* () {
        for (let i = 0; i < rowids.length; i += STREAM_CHUNK) yield* hydrate(rowids.slice(i, i + STREAM_CHUNK));
      })();
    },

    /**
     * A preset's activity-list: the activities between network nodes that a list request asks
     * for, kept when one of their component activities has an end in `scope` (all of them
     * without a scope). divergence: Cisco's document does not say how a preset's filter applies to
     * an activity; one end in scope keeps the whole activity between the two nodes.
     */
    nodeList(req: ListRequest<NodeActivityField>, scope?: PresetScope): Iterable<NodeActivity> {
      const scoped = nodeScope(scope);
      const { having } = scoped;
      for (const f of req.filters.filter((x) => x.field === 'tags')) having.add(`max(${hasTag('activity', f.values.length)})`, ...f.values);
      if (req.from !== undefined) having.add('max(activity.last_activity) >= ?', req.from);
      if (req.to !== undefined) having.add('min(activity.first_activity) <= ?', req.to);
      const rest = { ...req, filters: [] } as ListRequest<Exclude<NodeActivityField, 'tags'>>;
      const order = listOrder(rest, NODE_LIST);
      const sql = `${scoped.with} ${NODE_GROUP} GROUP BY node_a, node_b ${having.toString().replace(/^WHERE/, 'HAVING')} ${order.sql}`;
      const rows = prepare(sql).all(...scoped.withParams, ...having.params, ...order.params) as NodeRow[];
      if (req.window) return hydrateNodes(rows);
      return (function* () {
        for (let i = 0; i < rows.length; i += STREAM_CHUNK) yield* hydrateNodes(rows.slice(i, i + STREAM_CHUNK));
      })();
    },

    /**
     * `nodeList` without tag filters, counted without building a row: every activity between
     * nodes; `active`, those it keeps with the window's `from`/`to`; `created`, those of them that
     * began at or after `from`.
     */
    nodeCounts(scope: PresetScope, window: Pick<ListRequest<NodeActivityField>, 'from' | 'to'>): { active: number; created: number; total: number } {
      const scoped = nodeScope(scope);
      const having = scoped.having.toString().replace(/^WHERE/, 'HAVING');
      if (window.from === undefined && window.to === undefined) {
        // No window: every row is active and created; the pairs are counted from their index alone.
        const total = prepare(`${scoped.with} SELECT count(*) FROM (SELECT 1 FROM activity GROUP BY node_a, node_b ${having})`).pluck().get(...scoped.withParams) as number;
        return { active: total, created: total, total };
      }
      const sql = `${scoped.with} SELECT coalesce(sum(active), 0) AS active, coalesce(sum(active AND after), 0) AS created, count(*) AS total FROM (
          SELECT (w.f IS NULL OR max(activity.last_activity) >= w.f) AND (w.t IS NULL OR min(activity.first_activity) <= w.t) AS active,
            (w.f IS NULL OR min(activity.first_activity) >= w.f) AS after
          FROM activity, (SELECT ? AS f, ? AS t) w GROUP BY activity.node_a, activity.node_b ${having})`;
      return prepare(sql).get(...scoped.withParams, window.from ?? null, window.to ?? null) as { active: number; created: number; total: number };
    },
  };
}

export type ActivityRepo = ReturnType<typeof createActivityRepo>;
