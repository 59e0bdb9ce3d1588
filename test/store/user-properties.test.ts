import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupPropertyId } from '../../src/store/groups.js';
import { openStore, type Store } from '../../src/store/store.js';

const GROUP = 'a0000000-0000-4000-8000-000000000001';
const COMPONENT = 'c0000000-0000-5000-8000-000000000001';
const DEVICE = 'd0000000-0000-5000-8000-000000000001';
const prop = (n: number, key = `key ${n}`, value = `value ${n}`) => ({ id: `p0000000-0000-4000-8000-00000000000${n}`, key, value });

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
  store.groups.insert(
    {
      id: GROUP,
      label: 'GROUP SIEMENS',
      creationTime: 1,
      description: '',
      comments: '',
      color: 'GRAY',
      industrialImpact: 'VERY_LOW',
      properties: [
        { position: 0, label: 'Location', value: 'Room 214', lastUpdate: 5 },
        { position: 1, label: 'Owner', value: 'J. Martin', lastUpdate: 5 },
      ],
    },
    [],
  );
});
afterEach(() => store.close());

describe('userProperties of components and devices', () => {
  it.each(['component', 'device'] as const)('adds, changes and removes the properties of a %s, by owner', (kind) => {
    const owner = kind === 'component' ? COMPONENT : DEVICE;
    expect(store.userProperties.add(kind, owner, prop(1, 'Asset tag', 'AT-1'), 10)).toBe(true);
    expect(store.userProperties.add(kind, owner, prop(2), 10)).toBe(true);
    expect(store.userProperties.list(kind, owner)).toEqual([prop(1, 'Asset tag', 'AT-1'), prop(2)]);
    expect(store.userProperties.update(kind, owner, prop(1, 'Asset tag', 'AT-2'), 11)).toBe(true);
    expect(store.userProperties.remove(kind, owner, prop(2).id)).toBe(true);
    expect(store.userProperties.list(kind, owner)).toEqual([prop(1, 'Asset tag', 'AT-2')]);
  });

  it("keeps owners apart: another owner's property is not found", () => {
    store.userProperties.add('device', DEVICE, prop(1), 10);
    expect(store.userProperties.list('component', DEVICE)).toEqual([]);
    expect(store.userProperties.update('component', DEVICE, prop(1, 'x'), 11)).toBe(false);
    expect(store.userProperties.remove('device', 'other', prop(1).id)).toBe(false);
    expect(store.userProperties.list('device', DEVICE)).toEqual([prop(1)]);
  });
});

describe('userProperties of groups: the 1.0 group properties', () => {
  const ids = () => [groupPropertyId(GROUP, 0, null), groupPropertyId(GROUP, 1, null)];

  it('shows the 1.0 properties as {id, key, value}, with stable ids', () => {
    expect(store.userProperties.list('group', GROUP)).toEqual([
      { id: ids()[0], key: 'Location', value: 'Room 214' },
      { id: ids()[1], key: 'Owner', value: 'J. Martin' },
    ]);
    expect(store.userProperties.list('group', GROUP)).toEqual(store.groups.summary(GROUP)?.userProperties);
  });

  it('writes through to the 1.0 properties: added last, changed and removed in place', () => {
    expect(store.userProperties.add('group', GROUP, prop(3, 'Shift', 'Night'), 20)).toBe(true);
    expect(store.userProperties.update('group', GROUP, { id: ids()[0] as string, key: 'Location', value: 'Room 215' }, 21)).toBe(true);
    expect(store.userProperties.remove('group', GROUP, ids()[1] as string)).toBe(true);
    expect(store.groups.get(GROUP)?.properties).toEqual([
      { position: 0, label: 'Location', value: 'Room 215', lastUpdate: 21 },
      { position: 2, label: 'Shift', value: 'Night', lastUpdate: 20 },
    ]);
    expect(store.userProperties.list('group', GROUP)).toEqual([
      { id: ids()[0], key: 'Location', value: 'Room 215' },
      prop(3, 'Shift', 'Night'),
    ]);
  });

  it('answers false for an unknown group or property', () => {
    expect(store.userProperties.add('group', 'nope', prop(3), 20)).toBe(false);
    expect(store.userProperties.update('group', GROUP, prop(9), 20)).toBe(false);
    expect(store.userProperties.remove('group', GROUP, prop(9).id)).toBe(false);
    expect(store.userProperties.list('group', 'nope')).toEqual([]);
  });
});
