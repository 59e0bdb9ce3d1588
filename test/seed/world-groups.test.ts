/**
 * clients.md section 3: "every device needs components[0].group to be non-null" (OPS mccast
 * reads `components[0].group.label` of every device). The plant's devices are all grouped: in
 * their cell or area, or else in the catch-all group. The guide's fixture components keep the
 * groups the guide prints (GROUP SIEMENS, GRdF Montreal; the others, d3ff2bf4 among them, in
 * none): their 1.0 answers are the guide's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNSORTED_GROUP_LABEL } from '../../src/seed/plant/extras.js';
import { loadProfile } from '../../src/seed/profile.js';
import { buildWorld } from '../../src/seed/world.js';
import { openStore } from '../../src/store/store.js';

const fixture = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')) as T;
const FIXTURE_COMPONENTS = new Set(fixture<{ id: string }[]>('components.json').map((c) => c.id));
const FIXTURE_MEMBERS = new Set(fixture<{ components: string[] }[]>('groups.json').flatMap((g) => g.components));
const UNGROUPED_IN_THE_GUIDE = 'd3ff2bf4-429a-4ff0-8533-4aa72f95bb9d';

describe.each(['small', 'default'])('the %s world', (scenario) => {
  const store = openStore(':memory:');
  buildWorld(store, { profile: { ...loadProfile(scenario), now: undefined }, end: Date.UTC(2026, 5, 1) * 1000 });
  const devices = [...store.devices.all()];

  it("puts the first component of every plant device in a group, the catch-all holding what no cell or area does", () => {
    const plant = devices.filter((d) => !d.componentIds.every((id) => FIXTURE_COMPONENTS.has(id)));
    expect(plant.length).toBeGreaterThan(30);
    for (const d of plant) {
      const first = store.devices.components(d.id)?.[0];
      expect(first?.groupId, `${d.label} (${d.id})`).not.toBeNull();
      expect(d.group?.id).toBe(first?.groupId);
    }
    const unsorted = store.groups.summaries().find((g) => g.label === UNSORTED_GROUP_LABEL);
    expect(unsorted).toBeDefined();
    expect(store.groups.componentIds(unsorted?.id ?? '')?.length).toBeGreaterThan(0);
  });

  it("leaves the guide's components in the groups the guide prints", () => {
    const fixtures = devices.filter((d) => d.componentIds.every((id) => FIXTURE_COMPONENTS.has(id)));
    expect(fixtures.length).toBeGreaterThan(20);
    for (const d of fixtures) {
      for (const c of store.devices.components(d.id) ?? []) expect(c.groupId !== null, c.id).toBe(FIXTURE_MEMBERS.has(c.id));
    }
    expect(store.components.get(UNGROUPED_IN_THE_GUIDE)?.groupId).toBeNull();
  });
});
