/**
 * Network nodes as a preset's networknode-list prints them (Cisco's `NetworkNodes`): a device, or
 * a component that belongs to none, both in the device shape (clients.md section 3, wallix
 * validates it): `ip`, `mac` and property values lists, `device` a string or null (never an
 * object), `riskScore` an integer. CDN also reads `situation` and `bestAchievableScore`, which
 * the document lacks (divergence: served).
 */
import type { CustomNetwork } from '../../../domain/custom-network.js';
import { parseCidr } from '../../../domain/custom-network.js';
import type { NetworkNode } from '../../../domain/devices.js';
import { ipv4ToInt, isPublicIp } from '../../../domain/network.js';
import type { NetworkNodeSchema } from '../schemas/devices.js';
import { type Lookups, type Wire, ancestors, componentIcon, componentLabels, group, lightDevice, ms, tags } from './common.js';
import { normalizedProperties, otherProperties } from './components.js';
import { deviceProperties } from './devices.js';

type Node = Required<Wire<typeof NetworkNodeSchema>>;

export interface NodeContext {
  networks: readonly CustomNetwork[];
}

/**
 * Where a node sits (`situation`). divergence: Cisco does not define it; the type of the
 * narrowest custom network holding the node's first IPv4 address (OT Internal, IT Internal,
 * External), else "External" for a public address, else "".
 */
export function situation(ips: readonly string[], networks: readonly CustomNetwork[]): string {
  const ip = ips.map(ipv4ToInt).find((n) => n !== undefined);
  if (ip === undefined) return '';
  let best: { size: number; type: string } | undefined;
  for (const n of networks) {
    const cidr = parseCidr(n.ipRange);
    if (cidr && ip >= cidr.first && ip <= cidr.last && (!best || cidr.last - cidr.first < best.size)) best = { size: cidr.last - cidr.first, type: n.type };
  }
  if (best) return best.type;
  return ips.some(isPublicIp) ? 'External' : '';
}

export function networkNode(n: NetworkNode, ctx: NodeContext, l: Lookups): Node {
  if (n.isDevice) {
    const d = n.device;
    const groupId = d.group?.id ?? null;
    return {
      ...lightDevice(d, l),
      ...deviceProperties(d),
      ancestors: ancestors(groupId, l),
      // A node is a device or a component of none: neither has a device of its own to name.
      device: null,
      deviceRule: 'mac',
      riskScore: d.riskScore ?? 0,
      bestAchievableScore: d.bestAchievableScore ?? 0,
      firstActivity: ms(d.firstActivity),
      lastActivity: ms(d.lastActivity),
      activitiesCount: d.counts.activities,
      variablesCount: d.counts.variables,
      vulnerabilitiesCount: d.counts.vulnerabilities,
      hasExternalCommunication: d.counts.externalCommunications > 0,
      situation: situation(d.ip, ctx.networks),
    };
  }
  const { component: c, counts } = n;
  const ip = c.ip === null ? [] : [c.ip];
  const asLists = (pairs: { key: string; value: string }[]) => pairs.map(({ key, value }) => ({ key, value: [value] }));
  return {
    id: c.id,
    isDevice: false,
    ...componentLabels(c),
    deviceType: '',
    icon: componentIcon(c),
    ip,
    mac: [c.mac],
    normalizedProperties: asLists(normalizedProperties(c)),
    otherProperties: asLists(otherProperties(c)),
    tags: tags(c.tags, l),
    group: group(c.groupId, l),
    ancestors: ancestors(c.groupId, l),
    device: null,
    deviceRule: '',
    // divergence: components have no risk score in Cisco's document; a node without a device shows 0.
    riskScore: 0,
    bestAchievableScore: 0,
    firstActivity: ms(c.creationTime),
    lastActivity: ms(c.lastActiveTime),
    activitiesCount: counts.activities,
    variablesCount: counts.variables,
    vulnerabilitiesCount: counts.vulnerabilities,
    hasExternalCommunication: counts.externalCommunications > 0,
    situation: situation(ip, ctx.networks),
  };
}

/** The node with only the fields asked (`fields=id,isDevice,originalLabel`, as wallix asks). */
export function pick(node: Node, fields: readonly string[] | undefined): Wire<typeof NetworkNodeSchema> {
  if (!fields) return node;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = node[f as keyof Node];
  return out as Wire<typeof NetworkNodeSchema>;
}
