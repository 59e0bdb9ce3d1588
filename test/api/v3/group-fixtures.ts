/** What the group write tests pick from the world and compare before and after a write. */
import type { TestCenter } from '../../helpers.js';

export function groupFixtures(center: () => TestCenter) {
  /** Devices none of whose components is in a group, each handed out once. */
  const used = new Set<string>();
  function freeDevice(): { id: string; components: string[] } {
    const c = center();
    for (const d of c.store.devices.all()) {
      const parts = c.store.devices.components(d.id) ?? [];
      if (used.has(d.id) || parts.length === 0 || parts.some((p) => p.groupId !== null)) continue;
      used.add(d.id);
      return { id: d.id, components: parts.map((p) => p.id) };
    }
    throw new Error('no free device left');
  }
  const groupedComponent = () => (center().store.groups.list().find((g) => g.components.length > 0)?.components[0]?.id ?? '') as string;
  /** Everything a group write may change: groups, their 3.0 fields, members, and the devices' scores. */
  const world = () => {
    const { store } = center();
    return JSON.stringify([store.groups.list(), store.groups.summaries(), [...store.devices.all()].map((d) => d.riskScore)]);
  };
  return { freeDevice, groupedComponent, world };
}
