import { describe, expect, it } from 'vitest';
import { knowledgeCatalogue } from '../../src/seed/knowledge/catalogue.js';
import { DC, FS, PC1, PC2, T0, id, seen, trafficStore } from './traffic-helpers.js';

const GROUP = 'a0000000-0000-4000-8000-000000000001';
const EMPTY = 'a0000000-0000-4000-8000-000000000002';

// PC1 talks to the domain controller (Telnet: INSECURE, important) and to PC2 (in the group
// too: one activity, counted once); PC2 reads files on FS (SMB). The group holds PC1, PC2, DC.
const store = trafficStore([
  seen(T0, PC1, { ...DC, port: 23 }),
  seen(T0 + 1, PC1, { ...PC2, port: 3389 }),
  seen(T0 + 2, PC2, { ...FS, port: 445 }),
  seen(T0 + 3, FS, { ...PC2, port: 53 }),
]);
const newGroup = (groupId: string, label: string, members: string[]) =>
  store.groups.insert(
    { id: groupId, creationTime: T0, label, description: '', comments: '', color: 'RED', industrialImpact: 'HIGH', properties: [] },
    members.map((m) => store.components.rowid(m) as number),
  );
newGroup(GROUP, 'Office', [id(PC1), id(PC2), id(DC)]);
newGroup(EMPTY, 'Empty', []);
// A tag important on one member and not on another is important for the group.
for (const [member, cls] of [[PC1, 'important'], [DC, 'info']] as const) {
  const c = store.components.get(id(member));
  store.components.setTags(store.components.rowid(id(member)) as number, { ...c?.tags, PLC: cls }, { PLC: cls });
}
const [v1, v2] = knowledgeCatalogue();
for (const [component, v] of [[id(PC1), v1], [id(DC), v1], [id(DC), v2]] as const) store.vulnerabilities.match(component, v?.id as string, T0, []);

describe('GroupContentRepo.of', () => {
  const contents = store.groupContents.of(GROUP);

  it('lists its components oldest first, and their devices in the order of their first component', () => {
    const members = [id(PC1), id(DC), id(PC2)].sort((a, b) => (store.components.rowid(a) as number) - (store.components.rowid(b) as number));
    expect(contents?.componentIds).toEqual(members);
    expect(contents?.deviceIds).toEqual(members.map((m) => store.devices.ofComponent(m)?.id));
    expect(new Set(contents?.deviceIds).size).toBe(3);
  });

  it('counts an activity, or an event, that touches two of its components once', () => {
    // PC1–DC, PC1–PC2, PC2–FS (FS–PC2 is the same pair).
    expect(contents?.activities).toBe(3);
    expect(store.activities.count()).toBe(3);
    expect(contents?.events).toBe(store.events.page({ groups: [GROUP], limit: 1000, offset: 0, order: 'asc' }).length);
    expect(contents?.events).toBeGreaterThan(0);
  });

  it('counts distinct vulnerabilities: one matched by two components counts once', () => {
    expect(contents?.vulnerabilities).toBe(2);
  });

  it("unites its components' tags, and the tags of their flows, 'important' winning", () => {
    const componentTags = {};
    for (const m of contents?.componentIds ?? []) Object.assign(componentTags, store.components.get(m)?.tags);
    expect(contents?.componentTags).toEqual({ ...componentTags, PLC: 'important' });
    expect(Object.keys(componentTags).length).toBeGreaterThan(1);
    expect(contents?.flowTags).toEqual({ TELNET: 'info', INSECURE: 'important', RDP: 'info', SMB: 'info', DNS: 'info' });
  });

  it('is empty for a group without components, and undefined for an unknown group', () => {
    expect(store.groupContents.of(EMPTY)).toEqual({ componentIds: [], deviceIds: [], activities: 0, events: 0, vulnerabilities: 0, componentTags: {}, flowTags: {} });
    expect(store.groupContents.of('a0000000-0000-4000-8000-000000000009')).toBeUndefined();
  });
});
