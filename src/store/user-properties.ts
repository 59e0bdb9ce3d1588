/**
 * User properties of components, devices and groups, as one {id, key, value} view (API 3.0).
 * Components' and devices' live in `user_property`, keyed by the owner's id (devices are
 * another migration's table); a group's are its 1.0 properties (guide 5.4, `group_property`:
 * key = label), so both APIs show the same data.
 */
import type { Micros } from '../domain/time.js';
import type { UserProperty, UserPropertyOwner } from '../domain/user-property.js';
import type { Db } from './db.js';
import { groupPropertyId } from './groups.js';

interface GroupPropRow {
  group_rowid: number;
  position: number;
  id: string | null;
  label: string;
  value: string;
}

export function createUserPropertyRepo(db: Db) {
  const ofOwner = db.prepare('SELECT id, key, value FROM user_property WHERE owner_kind = ? AND owner_id = ? ORDER BY rowid');
  const ofOwners = db.prepare(
    'SELECT owner_id, id, key, value FROM user_property WHERE owner_kind = ? AND owner_id IN (SELECT value FROM json_each(?)) ORDER BY rowid',
  );
  const insertStmt = db.prepare('INSERT INTO user_property (id, owner_kind, owner_id, key, value) VALUES (?, ?, ?, ?, ?)');
  const updateStmt = db.prepare('UPDATE user_property SET key = ?, value = ? WHERE owner_kind = ? AND owner_id = ? AND id = ?');
  const deleteStmt = db.prepare('DELETE FROM user_property WHERE owner_kind = ? AND owner_id = ? AND id = ?');

  const groupRowid = db.prepare('SELECT rowid FROM grp WHERE id = ?').pluck();
  const groupProps = db.prepare('SELECT group_rowid, position, id, label, value FROM group_property WHERE group_rowid = ? ORDER BY position');
  const insertGroupProp = db.prepare(
    `INSERT INTO group_property (group_rowid, position, label, value, last_update, id)
     VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM group_property WHERE group_rowid = ?), ?, ?, ?, ?)`,
  );
  const updateGroupProp = db.prepare('UPDATE group_property SET label = ?, value = ?, last_update = ? WHERE group_rowid = ? AND position = ?');
  const deleteGroupProp = db.prepare('DELETE FROM group_property WHERE group_rowid = ? AND position = ?');

  /** A group's properties with their ids, or undefined for an unknown group. */
  function groupRows(groupId: string): (GroupPropRow & { propertyId: string })[] | undefined {
    const rowid = groupRowid.get(groupId) as number | undefined;
    if (rowid === undefined) return undefined;
    return (groupProps.all(rowid) as GroupPropRow[]).map((r) => ({ ...r, propertyId: groupPropertyId(groupId, r.position, r.id) }));
  }

  return {
    /** The owner's properties, oldest first ([] for an unknown group). */
    list(kind: UserPropertyOwner, ownerId: string): UserProperty[] {
      if (kind === 'group') return (groupRows(ownerId) ?? []).map((r) => ({ id: r.propertyId, key: r.label, value: r.value }));
      return ofOwner.all(kind, ownerId) as UserProperty[];
    },

    /** The properties of many components or devices, by owner id (owners without any are absent), oldest first. */
    ofOwners(kind: 'component' | 'device', ownerIds: readonly string[]): Map<string, UserProperty[]> {
      const out = new Map<string, UserProperty[]>();
      if (ownerIds.length === 0) return out;
      for (const r of ofOwners.all(kind, JSON.stringify(ownerIds)) as (UserProperty & { owner_id: string })[]) {
        let list = out.get(r.owner_id);
        if (!list) out.set(r.owner_id, (list = []));
        list.push({ id: r.id, key: r.key, value: r.value });
      }
      return out;
    },

    /** Adds a property with the given id; false for an unknown group. A group's is timed `now` (guide 5.4 `last_update`). */
    add(kind: UserPropertyOwner, ownerId: string, p: UserProperty, now: Micros): boolean {
      if (kind === 'group') {
        const rowid = groupRowid.get(ownerId) as number | undefined;
        if (rowid === undefined) return false;
        insertGroupProp.run(rowid, rowid, p.key, p.value, now, p.id);
        return true;
      }
      insertStmt.run(p.id, kind, ownerId, p.key, p.value);
      return true;
    },

    /** Changes a property's key and value; false when the owner has no property of that id. */
    update(kind: UserPropertyOwner, ownerId: string, p: UserProperty, now: Micros): boolean {
      if (kind === 'group') {
        const row = groupRows(ownerId)?.find((r) => r.propertyId === p.id);
        return row !== undefined && updateGroupProp.run(p.key, p.value, now, row.group_rowid, row.position).changes > 0;
      }
      return updateStmt.run(p.key, p.value, kind, ownerId, p.id).changes > 0;
    },

    /** Removes a property; false when the owner has no property of that id. */
    remove(kind: UserPropertyOwner, ownerId: string, propertyId: string): boolean {
      if (kind === 'group') {
        const row = groupRows(ownerId)?.find((r) => r.propertyId === propertyId);
        return row !== undefined && deleteGroupProp.run(row.group_rowid, row.position).changes > 0;
      }
      return deleteStmt.run(kind, ownerId, propertyId).changes > 0;
    },
  };
}

export type UserPropertyRepo = ReturnType<typeof createUserPropertyRepo>;
