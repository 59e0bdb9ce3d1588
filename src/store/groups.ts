/**
 * Groups (guide 5.4, 6.5): with their properties and components. One table and one id space for
 * both APIs (a 3.0 client deletes through 1.0 the groups it lists through 3.0): 1.0 reads the
 * colour name and industrial impact, 3.0 the #rrggbb colour and criticalness, kept consistent
 * here (src/domain/group-appearance.ts).
 */
import { colorHexOf, criticalnessOf, impactOf, nearestColorName } from '../domain/group-appearance.js';
import type { GroupAttributes, GroupSummary } from '../domain/group.js';
import { uuidv5 } from '../domain/ids.js';
import type { Group, GroupProperty } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { GroupColor, IndustrialImpact } from '../domain/vocabulary.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import { bool } from './sql.js';

interface GroupRow {
  rowid: number;
  id: string;
  creation_time: number;
  label: string;
  description: string;
  comments: string;
  color: GroupColor;
  industrial_impact: IndustrialImpact;
  color_hex: string | null;
  criticalness: number | null;
  locked: number;
  parent_rowid: number | null;
}

/** A group property's id: its own, or (a 1.0 write, or a row older than ids) derived from its group and position. */
export function groupPropertyId(groupId: string, position: number, own: string | null): string {
  return own ?? uuidv5(`group-property|${groupId}|${position}`);
}

/** What `setAttributes` found wrong, if anything (3.0 answers 404 and 422 "invalid parent hierarchy"). */
export type AttributesResult = 'ok' | 'unknown group' | 'unknown parent' | 'cycle';

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
    'SELECT position, label, value, last_update, id FROM group_property WHERE group_rowid = ? ORDER BY position',
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
  const childrenOf = db.prepare('SELECT id FROM grp WHERE parent_rowid = ? ORDER BY creation_time, rowid').pluck();
  const idOfRowid = db.prepare('SELECT id FROM grp WHERE rowid = ?').pluck();
  const parentOf = db.prepare('SELECT parent_rowid FROM grp WHERE rowid = ?').pluck();
  const centerId = db.prepare("SELECT value FROM setting WHERE key = 'center.id'").pluck();
  const memberIds = db.prepare('SELECT id FROM component WHERE group_rowid = ? ORDER BY rowid').pluck();
  const componentRowids = db.prepare('SELECT id, rowid FROM component WHERE id IN (SELECT value FROM json_each(?))');
  const memberDevices = db.prepare('SELECT DISTINCT device_rowid FROM component WHERE group_rowid = ? AND device_rowid IS NOT NULL').pluck();

  type PropRow = { position: number; label: string; value: string; last_update: number; id: string | null };

  /** What both surfaces' views of a group share. */
  const common = (r: GroupRow) => ({ id: r.id, creationTime: r.creation_time, label: r.label, description: r.description, comments: r.comments });

  function toSummary(r: GroupRow): GroupSummary {
    const props = propsOf.all(r.rowid) as PropRow[];
    return {
      ...common(r),
      color: r.color_hex ?? colorHexOf(r.color),
      criticalness: r.criticalness ?? criticalnessOf(r.industrial_impact),
      locked: bool(r.locked),
      parentId: r.parent_rowid === null ? null : (idOfRowid.get(r.parent_rowid) as string),
      groupIds: childrenOf.all(r.rowid) as string[],
      centerId: (centerId.get() as string | undefined) ?? null,
      userProperties: props.map((p) => ({ id: groupPropertyId(r.id, p.position, p.id), key: p.label, value: p.value })),
    };
  }

  /** Whether making `parent` the parent of `rowid` would make a group its own ancestor. */
  function makesCycle(rowid: number, parent: number): boolean {
    for (let at: number | null = parent; at !== null; at = (parentOf.get(at) as number | null | undefined) ?? null) {
      if (at === rowid) return true;
    }
    return false;
  }

  function toGroup(r: GroupRow): Group {
    const props = propsOf.all(r.rowid) as PropRow[];
    return {
      ...common(r),
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
        const sets = entries.map(([, column]) => `${column} = ?`);
        // A 1.0 colour or impact replaces the 3.0 one: 3.0 reads it as the name's colour, the impact's criticalness.
        if (change.color !== undefined) sets.push('color_hex = NULL');
        if (change.industrialImpact !== undefined) sets.push('criticalness = NULL');
        db.prepare(`UPDATE grp SET ${sets.join(', ')} WHERE rowid = ?`).run(...entries.map(([k]) => change[k as keyof typeof CHANGE_COLUMNS]), rowid);
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

    /** The devices (rowids) with a component in the group: those whose risk score its changes move. */
    memberDevices(rowid: number): number[] {
      return memberDevices.all(rowid) as number[];
    },

    /** The groups as 3.0 lists them (without members), in the order of `list`. */
    summaries(): GroupSummary[] {
      return (all.all() as GroupRow[]).map(toSummary);
    },

    summary(id: string): GroupSummary | undefined {
      const row = byId.get(id) as GroupRow | undefined;
      return row ? toSummary(row) : undefined;
    },

    /** The ids of the components a group holds, or undefined for an unknown group. */
    componentIds(id: string): string[] | undefined {
      const rowid = rowidById.get(id) as number | undefined;
      return rowid === undefined ? undefined : (memberIds.all(rowid) as string[]);
    },

    /**
     * Sets the 3.0 fields. A colour or criticalness 1.0 has no word for is kept as given; 1.0
     * then shows the nearest name and impact (divergence, src/domain/group-appearance.ts).
     */
    setAttributes(id: string, a: GroupAttributes): AttributesResult {
      const rowid = rowidById.get(id) as number | undefined;
      if (rowid === undefined) return 'unknown group';
      let parent: number | null | undefined;
      if (a.parentId !== undefined) {
        parent = a.parentId === null ? null : (rowidById.get(a.parentId) as number | undefined);
        if (parent === undefined) return 'unknown parent';
        if (parent !== null && makesCycle(rowid, parent)) return 'cycle';
      }
      const sets = new Map<string, unknown>();
      if (a.color !== undefined) sets.set('color_hex', a.color.toLowerCase()).set('color', nearestColorName(a.color));
      if (a.criticalness !== undefined) sets.set('criticalness', a.criticalness).set('industrial_impact', impactOf(a.criticalness));
      if (a.locked !== undefined) sets.set('locked', a.locked ? 1 : 0);
      if (parent !== undefined) sets.set('parent_rowid', parent);
      if (sets.size > 0) {
        const columns = [...sets.keys()].map((c) => `${c} = ?`).join(', ');
        db.prepare(`UPDATE grp SET ${columns} WHERE rowid = ?`).run(...sets.values(), rowid);
      }
      return 'ok';
    },

    /**
     * Puts the components of a device in a group, or out of any group (null): a device is in a
     * group when its components are (3.0 PATCH path /devices). All or nothing: the unknown
     * component ids are returned and nothing changes when there are any, or when the group is unknown.
     */
    setDeviceMembership(groupId: string | null, componentIds: readonly string[]): { unknownGroup: boolean; unknownComponents: string[] } {
      const group = groupId === null ? null : (rowidById.get(groupId) as number | undefined);
      const found = new Map((componentRowids.all(JSON.stringify(componentIds)) as { id: string; rowid: number }[]).map((r) => [r.id, r.rowid]));
      const unknownComponents = componentIds.filter((c) => !found.has(c));
      if (group === undefined || unknownComponents.length > 0) return { unknownGroup: group === undefined, unknownComponents };
      for (const rowid of found.values()) setGroup.run(group, rowid);
      return { unknownGroup: false, unknownComponents: [] };
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
