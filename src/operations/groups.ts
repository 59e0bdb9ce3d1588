/**
 * Group writes (guide 6.5; Cisco 3.0 "Groups": POST, PUT, PATCH, DELETE /groups): one module for
 * both surfaces, over one table and one id space. Each operation is one transaction and throws
 * ApiErrors, every check before the first write, so a failing request changes nothing. A write
 * that changes which devices a group holds, or its criticalness, scores those devices again, as a
 * Center's risk engine would (src/ingest/risk-scores.ts).
 */
import type { Clock } from '../clock.js';
import type { GroupAttributes } from '../domain/group.js';
import { impactOf, nearestColorName } from '../domain/group-appearance.js';
import type { GroupProperty } from '../domain/types.js';
import type { GroupColor, IndustrialImpact } from '../domain/vocabulary.js';
import { errors } from '../errors.js';
import { scoreDevices } from '../ingest/risk-scores.js';
import type { Store } from '../store/store.js';
import { dropFromPresets } from './presets.js';

export interface GroupContext {
  store: Store;
  clock: Clock;
  newId: () => string;
}

/** What a write may set; absent fields stay (or take the defaults, on creation). Ids are lower case. */
export interface GroupFields {
  label?: string;
  description?: string;
  comments?: string;
  /** 1.0's colour name and impact. */
  color?: GroupColor;
  industrialImpact?: IndustrialImpact;
  /** 3.0's #rrggbb colour, criticalness, lock and parent (kept as given: src/domain/group-appearance.ts). */
  attributes?: GroupAttributes;
  /** The properties, in order; they replace the existing ones. */
  properties?: { label: string; value: string }[];
  /** The members from now on: these components and every component of these devices. */
  members?: { componentIds: readonly string[]; deviceIds?: readonly string[] };
  /** 3.0 `groupIds`: the groups nested in this one from now on. */
  childIds?: readonly string[];
}

export type PatchPath = '/components' | '/devices' | '/groups';
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path: PatchPath;
  ids: readonly string[];
}

const unique = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/** The rowids of these components (400 naming the unknown ones), of the devices' components too. */
function memberRowids(store: Store, m: NonNullable<GroupFields['members']>): { ids: string[]; rowids: number[] } {
  const ids = unique(m.componentIds);
  const unknownDevices: string[] = [];
  for (const deviceId of unique(m.deviceIds ?? [])) {
    const parts = store.devices.components(deviceId);
    if (parts === undefined) unknownDevices.push(deviceId);
    else for (const c of parts) if (!ids.includes(c.id)) ids.push(c.id);
  }
  const rowids = ids.map((id) => store.components.rowid(id));
  const unknown = ids.filter((_, i) => rowids[i] === undefined);
  if (unknown.length > 0) throw errors.unknownComponents(unknown, 400);
  if (unknownDevices.length > 0) throw errors.unknownIds('device', unknownDevices);
  return { ids, rowids: rowids as number[] };
}

/** 309 when a component is in a group other than `own` (guide 6.5.3, 6.5.4). */
function checkUngrouped(store: Store, m: { ids: string[]; rowids: number[] }, own: number | null): void {
  m.rowids.forEach((rowid, i) => {
    const holder = store.groups.groupOf(rowid);
    if (holder !== null && holder !== own) throw errors.alreadyGrouped(m.ids[i] ?? '');
  });
}

/** 409 when another group has the label (compared without case, as 1.0 does). */
function checkLabel(store: Store, label: string, own: number | null): void {
  const holder = store.groups.withLabel(label);
  if (holder !== undefined && holder !== own) throw errors.labelTaken(label);
}

/** The groups named (400 naming unknown ones): each may nest in `parentId` without a cycle (422). */
function checkChildren(store: Store, parentId: string, childIds: readonly string[]): string[] {
  const ids = unique(childIds);
  const unknown = ids.filter((id) => store.groups.rowid(id) === undefined);
  if (unknown.length > 0) throw errors.unknownIds('group', unknown);
  for (const child of ids) if (child === parentId || ancestors(store, parentId).includes(child)) throw errors.invalidHierarchy(child, parentId);
  return ids;
}

const ancestors = (store: Store, id: string): string[] => {
  const out: string[] = [];
  for (let at = store.groups.summary(id)?.parentId ?? null; at !== null && !out.includes(at); at = store.groups.summary(at)?.parentId ?? null) out.push(at);
  return out;
};

/** The 3.0 attributes: an unknown parent is a 400, a parent nested in the group a 422. */
function checkAttributes(store: Store, id: string, a: GroupAttributes | undefined): void {
  const parent = a?.parentId;
  if (parent === undefined || parent === null) return;
  if (store.groups.rowid(parent) === undefined) throw errors.unknownIds('group', [parent]);
  if (parent === id || ancestors(store, parent).includes(id)) throw errors.invalidHierarchy(id, parent);
}

function setChildren(store: Store, id: string, childIds: readonly string[]): void {
  for (const old of store.groups.summary(id)?.groupIds ?? []) if (!childIds.includes(old)) store.groups.setAttributes(old, { parentId: null });
  for (const child of childIds) store.groups.setAttributes(child, { parentId: id });
}

const properties = (clock: Clock, list: GroupFields['properties']): GroupProperty[] | undefined =>
  list?.map((p, position) => ({ position, label: p.label, value: p.value, lastUpdate: clock.now() }));

/** Scores again the devices that were or are in the group. */
function rescore(store: Store, rowid: number, before: readonly number[]): void {
  const devices = [...new Set([...before, ...store.groups.memberDevices(rowid)])];
  scoreDevices(store, store.riskInputs.ofRowids(devices));
}

/** guide 6.5.3, Cisco 3.0 POST /groups: the new group's id. */
export function createGroup(ctx: GroupContext, f: GroupFields & { label: string }): string {
  const { store } = ctx;
  const id = ctx.newId();
  store.transaction(() => {
    const members = memberRowids(store, f.members ?? { componentIds: [] });
    checkLabel(store, f.label, null);
    checkUngrouped(store, members, null);
    const children = f.childIds ? checkChildren(store, id, f.childIds) : undefined;
    checkAttributes(store, id, f.attributes);
    const a = f.attributes;
    const rowid = store.groups.insert(
      {
        id,
        creationTime: ctx.clock.now(),
        label: f.label,
        description: f.description ?? '',
        comments: f.comments ?? '',
        // divergence: neither the guide nor Cisco's document says; these are the guide's sample group's (5.4).
        color: f.color ?? (a?.color !== undefined ? nearestColorName(a.color) : 'GRAY'),
        industrialImpact: f.industrialImpact ?? (a?.criticalness !== undefined ? impactOf(a.criticalness) : 'VERY_LOW'),
        properties: properties(ctx.clock, f.properties) ?? [],
      },
      members.rowids,
    );
    if (a) store.groups.setAttributes(id, a);
    if (children) setChildren(store, id, children);
    rescore(store, rowid, []);
  });
  return id;
}

/** guide 6.5.4, Cisco 3.0 PUT /groups/{id}: absent fields stay; members, when given, are replaced. */
export function editGroup(ctx: GroupContext, id: string, f: GroupFields): void {
  const { store } = ctx;
  store.transaction(() => {
    const rowid = store.groups.rowid(id);
    if (rowid === undefined) throw errors.notFound('Group', id);
    if (f.label !== undefined) checkLabel(store, f.label, rowid);
    const members = f.members ? memberRowids(store, f.members) : undefined;
    if (members) checkUngrouped(store, members, rowid);
    const children = f.childIds ? checkChildren(store, id, f.childIds) : undefined;
    checkAttributes(store, id, f.attributes);
    const before = store.groups.memberDevices(rowid);
    store.groups.update(rowid, {
      label: f.label,
      description: f.description,
      comments: f.comments,
      color: f.color,
      industrialImpact: f.industrialImpact,
      properties: properties(ctx.clock, f.properties),
    });
    if (f.attributes) store.groups.setAttributes(id, f.attributes);
    if (members) store.groups.setMembers(rowid, members.rowids);
    if (children) setChildren(store, id, children);
    rescore(store, rowid, before);
  });
}

/**
 * Cisco 3.0 PATCH /groups/{id}: the operations in order, all or none. `add` puts components (or
 * every component of the devices) in the group, or nests groups in it; `remove` takes them out;
 * `replace` makes them the whole set.
 * divergence: adding a component the group already holds is no error (1.0's
 * POST /group/{id}/component/{cid} answers 309 to it): a client's script can run twice.
 */
export function patchGroup(ctx: GroupContext, id: string, operations: readonly PatchOperation[]): void {
  const { store } = ctx;
  store.transaction(() => {
    const rowid = store.groups.rowid(id);
    if (rowid === undefined) throw errors.notFound('Group', id);
    const before = store.groups.memberDevices(rowid);
    for (const o of operations) {
      if (o.path === '/groups') patchChildren(store, id, o);
      else patchMembers(store, id, rowid, o);
    }
    rescore(store, rowid, before);
  });
}

function patchMembers(store: Store, id: string, rowid: number, o: PatchOperation): void {
  const byDevice = o.path === '/devices';
  const m = memberRowids(store, byDevice ? { componentIds: [], deviceIds: o.ids } : { componentIds: o.ids });
  if (o.op === 'remove') {
    if (byDevice) {
      for (const deviceId of unique(o.ids)) {
        const inGroup = (store.devices.components(deviceId) ?? []).filter((c) => store.groups.groupOf(store.components.rowid(c.id) ?? -1) === rowid);
        if (inGroup.length === 0) throw errors.deviceNotInGroup(deviceId, id);
      }
    } else {
      m.rowids.forEach((r, i) => {
        if (store.groups.groupOf(r) !== rowid) throw errors.notInGroup(m.ids[i] ?? '', id);
      });
    }
    // A device leaves with every one of its components the group holds.
    for (const r of m.rowids) if (store.groups.groupOf(r) === rowid) store.groups.setMembership(r, null);
    return;
  }
  checkUngrouped(store, m, rowid);
  if (o.op === 'replace') store.groups.setMembers(rowid, m.rowids);
  else for (const r of m.rowids) store.groups.setMembership(r, rowid);
}

function patchChildren(store: Store, id: string, o: PatchOperation): void {
  const ids = checkChildren(store, id, o.ids);
  if (o.op === 'replace') return setChildren(store, id, ids);
  for (const child of ids) {
    if (o.op === 'add') store.groups.setAttributes(child, { parentId: id });
    else if (store.groups.summary(child)?.parentId !== id) throw errors.notNested(child, id);
    else store.groups.setAttributes(child, { parentId: null });
  }
}

/** guide 6.3.9: puts a component in a group; 309 when it is in one already, this one or another. */
export function addComponent(ctx: GroupContext, groupId: string, componentId: string): void {
  const { store } = ctx;
  store.transaction(() => {
    const { group, component } = membership(store, groupId, componentId);
    if (store.groups.groupOf(component) !== null) throw errors.alreadyGrouped(componentId);
    store.groups.setMembership(component, group);
    rescore(store, group, []);
  });
}

/** guide 6.3.10: takes a component out of its group; 400 when that group is not this one. */
export function removeComponent(ctx: GroupContext, groupId: string, componentId: string): void {
  const { store } = ctx;
  store.transaction(() => {
    const { group, component } = membership(store, groupId, componentId);
    if (store.groups.groupOf(component) !== group) throw errors.notInGroup(componentId, groupId);
    const before = store.groups.memberDevices(group);
    store.groups.setMembership(component, null);
    rescore(store, group, before);
  });
}

/**
 * Cisco 3.0 PATCH /components/{id} ("op" can only be "set" on path "/group"; no group id means
 * "unset"): the component's group from now on, or none (`groupId` null), through the 1.0
 * membership operations above, in one transaction, so the devices of both groups are scored
 * again. 404 for an unknown component, then for an unknown group.
 * divergence: "set" to another group while the component is in one moves it (1.0's
 * POST /group/{id}/component/{cid} answers 309 to that, guide 6.3.9): "set" names the group the
 * component is in from now on. Setting the group it is in, or unsetting a component in none,
 * changes nothing and is no error.
 */
export function setComponentGroup(ctx: GroupContext, componentId: string, groupId: string | null): void {
  const { store } = ctx;
  store.transaction(() => {
    const current = store.components.get(componentId);
    if (current === undefined) throw errors.notFound('Component', componentId);
    if (groupId !== null && store.groups.rowid(groupId) === undefined) throw errors.notFound('Group', groupId);
    if (current.groupId === groupId) return;
    if (current.groupId !== null) removeComponent(ctx, current.groupId, componentId);
    if (groupId !== null) addComponent(ctx, groupId, componentId);
  });
}

/** The group and the component of a membership change (404 for either unknown, the group first). */
function membership(store: Store, groupId: string, componentId: string): { group: number; component: number } {
  const group = store.groups.rowid(groupId);
  if (group === undefined) throw errors.notFound('Group', groupId);
  const component = store.components.rowid(componentId);
  if (component === undefined) throw errors.notFound('Component', componentId);
  return { group, component };
}

/** guide 6.5.5, Cisco 3.0 DELETE /groups/{id}: the group goes; its components stay, in no group. */
export function deleteGroup(ctx: GroupContext, id: string): void {
  const { store } = ctx;
  store.transaction(() => {
    const rowid = store.groups.rowid(id);
    if (rowid === undefined) throw errors.notFound('Group', id);
    const before = store.groups.memberDevices(rowid);
    for (const child of store.groups.summary(id)?.groupIds ?? []) store.groups.setAttributes(child, { parentId: null });
    store.groups.delete(rowid);
    // The presets filtering on it no longer name it (src/operations/presets.ts dropFromPresets).
    dropFromPresets(store, { groups: [id] });
    scoreDevices(store, store.riskInputs.ofRowids(before));
  });
}
