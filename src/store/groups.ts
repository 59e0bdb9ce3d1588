/** Groups (guide 5.4, 6.5): with their properties and components. */
import type { Group, GroupProperty } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { GroupColor, IndustrialImpact } from '../domain/vocabulary.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';

interface GroupRow {
  rowid: number;
  id: string;
  creation_time: number;
  label: string;
  description: string;
  comments: string;
  color: GroupColor;
  industrial_impact: IndustrialImpact;
}

export interface NewGroup {
  id: string;
  creationTime: Micros;
  label: string;
  description: string;
  comments: string;
  color: GroupColor;
  industrialImpact: IndustrialImpact;
  properties: GroupProperty[];
}

export function createGroupRepo(db: Db, components: ComponentRepo) {
  const all = db.prepare('SELECT rowid, * FROM grp ORDER BY creation_time, rowid');
  const byId = db.prepare('SELECT rowid, * FROM grp WHERE id = ?');
  const propsOf = db.prepare(
    'SELECT position, label, value, last_update FROM group_property WHERE group_rowid = ? ORDER BY position',
  );
  const insertStmt = db.prepare(
    `INSERT INTO grp (id, label, description, comments, color, industrial_impact, creation_time)
     VALUES (@id, @label, @description, @comments, @color, @industrialImpact, @creationTime)`,
  );
  const insertProp = db.prepare(
    'INSERT INTO group_property (group_rowid, position, label, value, last_update) VALUES (?, ?, ?, ?, ?)',
  );
  const setGroup = db.prepare('UPDATE component SET group_rowid = ? WHERE rowid = ?');

  function toGroup(r: GroupRow): Group {
    const props = propsOf.all(r.rowid) as { position: number; label: string; value: string; last_update: number }[];
    return {
      id: r.id,
      creationTime: r.creation_time,
      label: r.label,
      description: r.description,
      comments: r.comments,
      color: r.color,
      industrialImpact: r.industrial_impact,
      properties: props.map((p) => ({ position: p.position, label: p.label, value: p.value, lastUpdate: p.last_update })),
      components: components.byGroupRowid(r.rowid),
    };
  }

  return {
    list(): Group[] {
      return (all.all() as GroupRow[]).map(toGroup);
    },

    get(id: string): Group | undefined {
      const row = byId.get(id) as GroupRow | undefined;
      return row ? toGroup(row) : undefined;
    },

    insert(g: NewGroup, componentRowids: number[]): number {
      const rowid = Number(insertStmt.run(g).lastInsertRowid);
      for (const p of g.properties) insertProp.run(rowid, p.position, p.label, p.value, p.lastUpdate);
      for (const c of componentRowids) setGroup.run(rowid, c);
      return rowid;
    },
  };
}

export type GroupRepo = ReturnType<typeof createGroupRepo>;
