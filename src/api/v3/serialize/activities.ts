/** Activities → Cisco's Activity and ActivityBetweenEndpoints (../schemas/activities.ts). */
import type { Activity, ActivityTotals, NodeActivity } from '../../../domain/activities.js';
import type { DeviceLight } from '../../../domain/component-view.js';
import { msFromMicros } from '../../../domain/time.js';
import type { Component } from '../../../domain/types.js';
import type { ActivityBetweenEndpointsSchema, ActivitySchema, ComponentEndpointSchema, DeviceEndpointSchema, EndpointGroupSchema } from '../schemas/activities.js';
import { type Lookups, type Wire, lightDevice, shortComponent, tags } from './common.js';
import { DIRECTION } from './flows.js';

function totals(a: ActivityTotals & { id: string }, l: Lookups) {
  return {
    id: a.id,
    firstActivity: msFromMicros(a.firstActivity),
    lastActivity: msFromMicros(a.lastActivity),
    tags: tags(a.tags, l),
    direction: DIRECTION,
    flowCount: a.flowCount,
    packetsCount: a.packetsCount,
    bytesCount: a.bytesCount,
    eventsCount: a.eventsCount,
    variablesCount: a.variablesCount,
    // The recorded answers give null; the variables are read through the ends (GET /components/{id}/variables).
    variables: null,
  };
}

export function activity(a: Activity, left: Component, right: Component, l: Lookups): Wire<typeof ActivitySchema> {
  return { ...totals(a, l), left: shortComponent(left, l), right: shortComponent(right, l) };
}

/** The zero value the Center gives an ungrouped end (its Go struct's zero value, and the default colour). */
const NO_GROUP: Wire<typeof EndpointGroupSchema> = { id: '', label: '', description: '', comments: '', color: '#06a2c9', locked: false, groupIds: null, centerID: '' };

function endpointGroup(id: string | null, l: Lookups): Wire<typeof EndpointGroupSchema> {
  const g = id === null ? undefined : l.groups.get(id);
  // groupIds: null as recorded; the nesting is GET /groups' business.
  return g ? { id: g.id, label: g.label, description: g.description, comments: g.comments, color: g.color, locked: g.locked, groupIds: null, centerID: g.centerId ?? '' } : NO_GROUP;
}

/** A device end: the device as other objects nest it, its group as the activity list prints one. */
export const deviceEndpoint = (d: DeviceLight, l: Lookups): Wire<typeof DeviceEndpointSchema> => ({ ...lightDevice(d, l), group: endpointGroup(d.group?.id ?? null, l) });

/** A component end (CDN tests `"ip" in left`: no IP is no key), its group as the activity list prints one. */
export const componentEndpoint = (c: Component, l: Lookups): Wire<typeof ComponentEndpointSchema> => ({ ...shortComponent(c, l), group: endpointGroup(c.groupId, l) });

export type NodeEnd = Wire<typeof DeviceEndpointSchema> | Wire<typeof ComponentEndpointSchema>;

export function activityBetweenEndpoints(a: NodeActivity, left: NodeEnd, right: NodeEnd, l: Lookups): Wire<typeof ActivityBetweenEndpointsSchema> {
  return { ...totals(a, l), left, right };
}
