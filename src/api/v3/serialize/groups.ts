/** Groups → 3.0 `GroupDetail` (../schemas/groups.ts); the list's `Group` is ./common.ts groupOf. */
import type { GroupContents, GroupSummary } from '../../../domain/group.js';
import type { GroupDetailSchema } from '../schemas/groups.js';
import { type Lookups, type Wire, groupAncestors, groupOf, tags } from './common.js';

export function groupDetail(g: GroupSummary, c: GroupContents, l: Lookups): Wire<typeof GroupDetailSchema> {
  return {
    ...groupOf(g),
    componentIds: c.componentIds,
    deviceIds: c.deviceIds,
    devicesCount: c.deviceIds.length,
    activitiesCount: c.activities,
    eventsCount: c.events,
    vulnerabilitiesCount: c.vulnerabilities,
    componentsTags: tags(c.componentTags, l),
    flowsTags: tags(c.flowTags, l),
    // Cisco's ExtraField names the key `label` (Component and Device use UserPropertyTuple's `key`).
    userProperties: g.userProperties.map((p) => ({ id: p.id, label: p.key, value: p.value })),
    ancestors: groupAncestors(g.id, l),
  };
}
