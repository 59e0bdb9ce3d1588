/**
 * What a group holds and what touches it (API 3.0 `GroupDetail`): its components, their devices,
 * their tags and their flows' tags, and the activities, events and vulnerabilities counted over
 * them, each through an index on the component rowids (no table scan). The group's own fields
 * are the group repository's (`summaries`).
 */
import type { GroupContents } from '../domain/group.js';
import type { TagSet } from '../domain/types.js';
import type { TagClass } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import type { NodeCountsRepo } from './node-counts.js';

interface TagRow {
  tag: string;
  important: number;
}

const tagSet = (rows: readonly TagRow[]): TagSet =>
  Object.fromEntries(rows.map((r): [string, TagClass] => [r.tag, r.important ? 'important' : 'info']));

export function createGroupContentRepo(db: Db, nodeCounts: NodeCountsRepo) {
  const rowidOf = db.prepare('SELECT rowid FROM grp WHERE id = ?').pluck();
  const members = db.prepare('SELECT rowid, id FROM component WHERE group_rowid = ? ORDER BY rowid');
  const devices = db.prepare(
    `SELECT d.id FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE c.group_rowid = ?
     GROUP BY d.rowid ORDER BY min(c.rowid)`,
  ).pluck();
  const vulnerabilities = db.prepare(
    `SELECT count(DISTINCT m.vulnerability_rowid) FROM component c JOIN vulnerability_match m ON m.component_rowid = c.rowid
     WHERE c.group_rowid = ?`,
  ).pluck();
  const componentTags = db.prepare(
    `SELECT t.tag, max(t.class = 'important') AS important FROM component c JOIN component_tag t ON t.component_rowid = c.rowid
     WHERE c.group_rowid = ? GROUP BY t.tag ORDER BY t.tag`,
  );
  // An activity's tags are the union of its flows' (src/store/activities.ts): the flows of the
  // group's components are those of the activities they are an end of.
  const flowTags = db.prepare(
    `SELECT t.tag, max(t.class = 'important') AS important FROM activity_tag t WHERE t.activity_rowid IN (
       SELECT a.rowid FROM component c JOIN activity a ON a.left_component = c.rowid WHERE c.group_rowid = @g
       UNION SELECT a.rowid FROM component c JOIN activity a ON a.right_component = c.rowid WHERE c.group_rowid = @g)
     GROUP BY t.tag ORDER BY t.tag`,
  );

  return {
    /** What the group holds; undefined for an unknown group. */
    of(groupId: string): GroupContents | undefined {
      const g = rowidOf.get(groupId) as number | undefined;
      if (g === undefined) return undefined;
      const components = members.all(g) as { rowid: number; id: string }[];
      const counts = nodeCounts.of(new Map([[g, components.map((c) => c.rowid)]])).get(g);
      return {
        componentIds: components.map((c) => c.id),
        deviceIds: devices.all(g) as string[],
        activities: counts?.activities ?? 0,
        events: counts?.events ?? 0,
        vulnerabilities: vulnerabilities.get(g) as number,
        componentTags: tagSet(componentTags.all(g) as TagRow[]),
        flowTags: tagSet(flowTags.all({ g }) as TagRow[]),
      };
    },
  };
}

export type GroupContentRepo = ReturnType<typeof createGroupContentRepo>;
