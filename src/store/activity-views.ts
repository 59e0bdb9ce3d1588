/**
 * What API 3.0 shows over activities and their flows (issue 18): the ends of an activity named
 * by network node ids, the tags of the flows between them or of a component's flows, and the
 * tags of the activities a device's components take part in. Each count is one grouped
 * statement over the indexes, never a loop over rows (`large` has 1 000 000 flows).
 */
import type { PresetScope } from '../domain/preset-scope.js';
import type { Micros } from '../domain/time.js';
import type { TagType } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import { type EndPair, betweenPairs } from './flow-views.js';
import { presetFlowsWhere, presetScopeWhere } from './preset-scope-sql.js';
import { Where, statementCache } from './sql.js';

/** A tag counted over some flows or activities: how many carry it, and whether one carries it as important. */
export interface TagCount {
  tag: string;
  important: boolean;
  count: number;
}

/** The flows a flow tag count runs over: a component's, or those between pairs of ends. */
export type FlowTagScope = { component: number } | { pairs: readonly EndPair[] };

interface TagCountRow {
  tag: string;
  important: number;
  n: number;
}

const toCount = (r: TagCountRow): TagCount => ({ tag: r.tag, important: r.important === 1, count: r.n });
const IN_SET = 'IN (SELECT value FROM json_each(?))';

export function createActivityViewRepo(db: Db) {
  const prepare = statementCache(db, 100);
  const deviceRowid = db.prepare('SELECT rowid FROM device WHERE id = ?').pluck();
  const componentRowid = db.prepare('SELECT rowid FROM component WHERE id = ?').pluck();
  const membersOf = db.prepare('SELECT rowid FROM component WHERE device_rowid = ? ORDER BY rowid').pluck();
  const activityTags = db.prepare(
    `SELECT t.tag, max(t.class = 'important') AS important, count(*) AS n FROM activity a JOIN activity_tag t ON t.activity_rowid = a.rowid
     WHERE a.left_component ${IN_SET} OR a.right_component ${IN_SET} GROUP BY t.tag ORDER BY t.tag`,
  );

  return {
    /** The component rowids a network node id stands for: a device's components, or the component itself; undefined when neither. */
    endsOf(id: string): number[] | undefined {
      const device = deviceRowid.get(id) as number | undefined;
      if (device !== undefined) return membersOf.all(device) as number[];
      const component = componentRowid.get(id) as number | undefined;
      return component === undefined ? undefined : [component];
    },

    /** A device's component rowids; undefined for an unknown device. */
    componentsOfDevice(id: string): number[] | undefined {
      const device = deviceRowid.get(id) as number | undefined;
      return device === undefined ? undefined : (membersOf.all(device) as number[]);
    },

    /** Whether some activity (so some flow) joins the two ends of a pair. */
    exists(pair: EndPair): boolean {
      const where = new Where();
      betweenPairs(where, [pair], 'a.left_component', 'a.right_component');
      return prepare(`SELECT EXISTS (SELECT 1 FROM activity a ${where.toString()})`).pluck().get(...where.params) === 1;
    },

    /** The tags of the flows in `scope` active in [from, to] (as GET /flows keeps them), each with how many of them carry it. */
    flowTags(scope: FlowTagScope, window: { from?: Micros | undefined; to?: Micros | undefined }): TagCount[] {
      const where = new Where();
      if ('component' in scope) where.add('(f.src_component = ? OR f.dst_component = ?)', scope.component, scope.component);
      else betweenPairs(where, scope.pairs);
      if (window.from !== undefined) where.add('f.last_seen >= ?', window.from);
      if (window.to !== undefined) where.add('f.first_seen <= ?', window.to);
      const sql = `SELECT t.tag, max(t.class = 'important') AS important, count(*) AS n FROM flow f JOIN flow_tag t ON t.flow_rowid = f.rowid
        ${where.toString()} GROUP BY t.tag ORDER BY t.tag`;
      return (prepare(sql).all(...where.params) as TagCountRow[]).map(toCount);
    },

    /**
     * A preset's tags (its tag-list), one grouped statement: its component tags counted over the
     * components in its scope active in [from, to] (as its component-list keeps them), and its
     * activity tags over its flows active in [from, to] (as its flow-list keeps them), each with
     * how many carry it; `type` ('component' or 'flow') counts one of the two only. In tag order. A
     * tag carried by both is counted over both.
     */
    presetTags(scope: PresetScope, window: { from?: Micros | undefined; to?: Micros | undefined }, type?: TagType): TagCount[] {
      const components = presetScopeWhere(scope);
      if (window.from !== undefined) components.add('c.last_active_time >= ?', window.from);
      if (window.to !== undefined) components.add('c.creation_time <= ?', window.to);
      const flows = presetFlowsWhere(new Where(), scope);
      if (window.from !== undefined) flows.add('f.last_seen >= ?', window.from);
      if (window.to !== undefined) flows.add('f.first_seen <= ?', window.to);
      // Each part counted by tag on its own, then the two added: without a condition, the flows'
      // part reads the index flow_tag_class alone, in tag order (no flow row, no sort).
      const COUNT = "SELECT t.tag, max(t.class = 'important') AS important, count(*) AS n";
      const parts: [string, unknown[]][] = [];
      if (type !== 'flow') {
        parts.push([`${COUNT} FROM component c JOIN component_tag t ON t.component_rowid = c.rowid ${components.toString()} GROUP BY t.tag`, components.params]);
      }
      // With a condition, the flows first (CROSS JOIN keeps that order), then their tags by key:
      // SQLite chose to read every flow_tag row in tag order and look its flow up, a million
      // lookups on `large` for a window of a day's flows (3.8 s → 35 ms).
      const tagged = flows.empty ? 'flow_tag t' : `flow f CROSS JOIN flow_tag t ON t.flow_rowid = f.rowid ${flows.toString()}`;
      if (type !== 'component') parts.push([`${COUNT} FROM ${tagged} GROUP BY t.tag`, flows.params]);
      const sql = `SELECT x.tag, max(x.important) AS important, sum(x.n) AS n FROM (${parts.map(([q]) => q).join(' UNION ALL ')}) x GROUP BY x.tag ORDER BY x.tag`;
      return (prepare(sql).all(...parts.flatMap(([, p]) => p)) as TagCountRow[]).map(toCount);
    },

    /** The tags of the activities with an end among these components, each with how many of them carry it. */
    activityTags(components: readonly number[]): TagCount[] {
      const set = JSON.stringify(components);
      return (activityTags.all(set, set) as TagCountRow[]).map(toCount);
    },
  };
}

export type ActivityViewRepo = ReturnType<typeof createActivityViewRepo>;
