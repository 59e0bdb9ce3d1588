import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupPropertyId } from '../../src/store/groups.js';
import { openStore, type Store } from '../../src/store/store.js';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'a0000000-0000-4000-8000-000000000002';
const C = 'a0000000-0000-4000-8000-000000000003';
const comp = (n: number) => `c0000000-0000-5000-8000-00000000000${n}`;

let store: Store;
const group = (id: string, label: string, creationTime: number, members: number[] = []) =>
  store.groups.insert(
    {
      id,
      label,
      creationTime,
      description: `${label} description`,
      comments: '',
      color: 'RED',
      industrialImpact: 'HIGH',
      properties: [{ position: 0, label: 'Location', value: 'Hall 1', lastUpdate: 5 }],
    },
    members.map((n) => store.components.rowid(comp(n)) as number),
  );

beforeEach(() => {
  store = openStore(':memory:');
  for (const n of [1, 2, 3, 4]) store.components.insert({ id: comp(n), mac: `00:00:00:00:00:0${n}`, ip: null, creationTime: n, lastActiveTime: n });
  group(A, 'Filling Line 1', 1, [1, 2]);
  group(B, 'Packaging', 2);
  group(C, 'Utilities', 3);
});
afterEach(() => store.close());

describe('groups: the 3.0 view', () => {
  it('shows the 1.0 colour name and impact as #rrggbb and criticalness, with the properties as user properties', () => {
    expect(store.groups.summary(A)).toEqual({
      id: A,
      creationTime: 1,
      label: 'Filling Line 1',
      description: 'Filling Line 1 description',
      comments: '',
      color: '#d62b2b',
      criticalness: 4,
      locked: false,
      parentId: null,
      groupIds: [],
      centerId: null,
      userProperties: [{ id: groupPropertyId(A, 0, null), key: 'Location', value: 'Hall 1' }],
    });
    expect(store.groups.summaries().map((g) => g.id)).toEqual([A, B, C]);
    expect(store.groups.summary('nope')).toBeUndefined();
  });

  it("gives the Center's id when the Center has one", () => {
    store.db.prepare("INSERT INTO setting (key, value) VALUES ('center.id', 'center-1')").run();
    expect(store.groups.summary(A)?.centerId).toBe('center-1');
  });

  it('keeps a 3.0 colour and criticalness exactly; 1.0 shows the nearest name and impact', () => {
    expect(store.groups.setAttributes(A, { color: '#000000', criticalness: 0 })).toBe('ok');
    expect(store.groups.summary(A)).toMatchObject({ color: '#000000', criticalness: 0 });
    expect(store.groups.get(A)).toMatchObject({ color: 'GRAY', industrialImpact: 'VERY_LOW' });
    expect(store.groups.setAttributes(A, { color: '#1F5FA8', criticalness: 5 })).toBe('ok');
    expect(store.groups.summary(A)).toMatchObject({ color: '#1f5fa8', criticalness: 5 });
    expect(store.groups.get(A)).toMatchObject({ color: 'BLUE', industrialImpact: 'VERY_HIGH' });
  });

  it('follows a 1.0 edit of the colour or impact afterwards', () => {
    store.groups.setAttributes(A, { color: '#123456', criticalness: 0 });
    store.groups.update(store.groups.rowid(A) as number, { color: 'GREEN' });
    expect(store.groups.summary(A)).toMatchObject({ color: '#2ea44f', criticalness: 0 });
    store.groups.update(store.groups.rowid(A) as number, { industrialImpact: 'LOW' });
    expect(store.groups.summary(A)).toMatchObject({ color: '#2ea44f', criticalness: 2 });
  });

  it('locks a group, and nests it in another; the parent lists its children', () => {
    expect(store.groups.setAttributes(B, { locked: true, parentId: A })).toBe('ok');
    expect(store.groups.setAttributes(C, { parentId: A })).toBe('ok');
    expect(store.groups.summary(B)).toMatchObject({ locked: true, parentId: A });
    expect(store.groups.summary(A)?.groupIds).toEqual([B, C]);
    expect(store.groups.setAttributes(B, { parentId: null })).toBe('ok');
    expect(store.groups.summary(A)?.groupIds).toEqual([C]);
  });

  it('refuses an unknown group or parent, and a parent that would make a cycle', () => {
    expect(store.groups.setAttributes('nope', { locked: true })).toBe('unknown group');
    expect(store.groups.setAttributes(A, { parentId: 'nope' })).toBe('unknown parent');
    store.groups.setAttributes(B, { parentId: A });
    store.groups.setAttributes(C, { parentId: B });
    expect(store.groups.setAttributes(A, { parentId: C })).toBe('cycle');
    expect(store.groups.setAttributes(A, { parentId: A })).toBe('cycle');
    expect(store.groups.summary(A)?.parentId).toBeNull();
  });

  it('ungroups the children of an exploded group (1.0 DELETE), which stay', () => {
    store.groups.setAttributes(B, { parentId: A });
    store.groups.delete(store.groups.rowid(A) as number);
    expect(store.groups.summary(B)?.parentId).toBeNull();
  });
});

describe('groups: members', () => {
  it("lists a group's component ids", () => {
    expect(store.groups.componentIds(A)).toEqual([comp(1), comp(2)]);
    expect(store.groups.componentIds(B)).toEqual([]);
    expect(store.groups.componentIds('nope')).toBeUndefined();
  });

  it("puts a device's components in a group, moving them from theirs, and takes them out with null", () => {
    expect(store.groups.setDeviceMembership(B, [comp(2), comp(3)])).toEqual({ unknownGroup: false, unknownComponents: [] });
    expect(store.groups.componentIds(A)).toEqual([comp(1)]);
    expect(store.groups.componentIds(B)).toEqual([comp(2), comp(3)]);
    expect(store.groups.setDeviceMembership(null, [comp(3)])).toEqual({ unknownGroup: false, unknownComponents: [] });
    expect(store.groups.componentIds(B)).toEqual([comp(2)]);
  });

  it('changes nothing when the group or a component is unknown', () => {
    expect(store.groups.setDeviceMembership('nope', [comp(3)])).toEqual({ unknownGroup: true, unknownComponents: [] });
    expect(store.groups.setDeviceMembership(B, [comp(3), 'x'])).toEqual({ unknownGroup: false, unknownComponents: ['x'] });
    expect(store.groups.componentIds(B)).toEqual([]);
  });
});
