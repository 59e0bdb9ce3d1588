/** Flows → Cisco's Flow and FlowDetail (../schemas/flows.ts). */
import type { FlowDetail, FlowView } from '../../../domain/flow-view.js';
import { msFromMicros } from '../../../domain/time.js';
import type { FlowDetailSchema, FlowSchema } from '../schemas/flows.js';
import { type Lookups, type Wire, flowEndpoint, shortComponent, tags } from './common.js';

/**
 * divergence: Cisco's TrafficDirection is a plain string without values; the only one recorded
 * (on activities) is "undetermined". A flow's direction is said by its ends instead: `left` is
 * the source, the client.
 */
export const DIRECTION = 'undetermined';

function base(v: FlowView, l: Lookups) {
  const f = v.flow;
  return {
    id: f.id,
    srcPort: f.src.port ?? 0,
    dstPort: f.dst.port ?? 0,
    // A layer 2 flow has no transport protocol: its ethertype (ARP…) stands for it.
    protocol: f.protocol ?? f.ethertype ?? '',
    direction: DIRECTION,
    firstActivity: msFromMicros(f.firstSeen),
    lastActivity: msFromMicros(f.lastSeen),
    packetsCount: v.packetsCount,
    bytesCount: v.bytesCount,
    tags: tags(f.tags, l),
  };
}

export function flow(v: FlowView, l: Lookups): Wire<typeof FlowSchema> {
  return { ...base(v, l), left: flowEndpoint(v.left, l), right: flowEndpoint(v.right, l) };
}

export function flowDetail(v: FlowDetail, centerId: string, l: Lookups): Wire<typeof FlowDetailSchema> {
  const s = v.sensor;
  return {
    ...base(v, l),
    left: shortComponent(v.left, l),
    right: shortComponent(v.right, l),
    properties: Object.entries(v.flow.properties)
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    sensor: s && { id: s.id, label: s.name, serialNumber: s.serialNumber, ip: s.ip, captureMode: s.captureMode, centerId },
    eventsCount: v.eventsCount,
  };
}
