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

/** The fields `PUT /group/{id}` may change (guide 6.5.4); absent ones stay. */
export type GroupChange = Partial<Pick<NewGroup, 'label' | 'description' | 'comments' | 'color' | 'industrialImpact' | 'properties'>>;

const CHANGE_COLUMNS: Record<Exclude<keyof GroupChange, 'properties'>, string> = {
  label: 'label',
  description: 'description',
  comments: 'comments',
  color: 'color',
  industrialImpact: 'industrial_impact',
};

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
  const rowidById = db.prepare('SELECT rowid FROM grp WHERE id = ?').pluck();
  const groupOf = db.prepare('SELECT group_rowid FROM component WHERE rowid = ?').pluck();
  const labelOwner = db.prepare('SELECT rowid FROM grp WHERE label = ? COLLATE NOCASE').pluck();
  const clearMembers = db.prepare('UPDATE component SET group_rowid = NULL WHERE group_rowid = ?');
  const clearProps = db.prepare('DELETE FROM group_property WHERE group_rowid = ?');
  const deleteStmt = db.prepare('DELETE FROM grp WHERE rowid = ?');

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

    rowid(id: string): number | undefined {
      return rowidById.get(id) as number | undefined;
    },

    /** The group that holds a component, if any (a component is in one group at most). */
    groupOf(componentRowid: number): number | null {
      return (groupOf.get(componentRowid) as number | null | undefined) ?? null;
    },

    /** The group that has this label, compared without case (divergence noted in the README). */
    withLabel(label: string): number | undefined {
      return labelOwner.get(label) as number | undefined;
    },

    insert(g: NewGroup, componentRowids: number[]): number {
      const rowid = Number(insertStmt.run(g).lastInsertRowid);
      for (const p of g.properties) insertProp.run(rowid, p.position, p.label, p.value, p.lastUpdate);
      for (const c of componentRowids) setGroup.run(rowid, c);
      return rowid;
    },

    update(rowid: number, change: GroupChange): void {
      const entries = Object.entries(CHANGE_COLUMNS).filter(([k]) => change[k as keyof typeof CHANGE_COLUMNS] !== undefined);
      if (entries.length > 0) {
        const sets = entries.map(([, column]) => `${column} = ?`).join(', ');
        db.prepare(`UPDATE grp SET ${sets} WHERE rowid = ?`).run(...entries.map(([k]) => change[k as keyof typeof CHANGE_COLUMNS]), rowid);
      }
      if (change.properties) {
        clearProps.run(rowid);
        for (const p of change.properties) insertProp.run(rowid, p.position, p.label, p.value, p.lastUpdate);
      }
    },

    /** Puts a component in a group, or takes it out of its group (null). */
    setMembership(componentRowid: number, groupRowid: number | null): void {
      setGroup.run(groupRowid, componentRowid);
    },

    /** Makes the group hold exactly these components. */
    setMembers(rowid: number, componentRowids: readonly number[]): void {
      clearMembers.run(rowid);
      for (const c of componentRowids) setGroup.run(rowid, c);
    },

    /** guide 6.5.5: the group goes; its components stay, ungrouped. */
    delete(rowid: number): void {
      clearMembers.run(rowid);
      clearProps.run(rowid);
      deleteStmt.run(rowid);
    },
  };
}

export type GroupRepo = ReturnType<typeof createGroupRepo>;
