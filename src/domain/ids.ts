/**
 * Ids in the Center's style: UUIDv5 for components and flows, derived from their identifying
 * fields (guide 5.2, 5.3: "52b6" / "54e1" version nibbles are 5).
 */
import { createHash } from 'node:crypto';

/** Our namespace for UUIDv5 derivations (a fixed v4 UUID). */
const NAMESPACE = Buffer.from('6f1b1d3c5c0a4d8e9a3e1f2b7c4d5e6f', 'hex');

export function uuidv5(name: string, namespace: Buffer = NAMESPACE): string {
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A component is identified by its MAC and, when the flow used IP, its IP (guide 5.2). */
export function componentId(mac: string, ip: string | null): string {
  return uuidv5(`component|${mac.toLowerCase()}|${ip ?? ''}`);
}

export interface FlowKey {
  srcComponentId: string;
  dstComponentId: string;
  ethertype: string | null;
  protocol: string | null;
  srcPort: number | null;
  dstPort: number | null;
}

/** guide 5.3: a flow is identified by its two components, addresses and ports. */
export function flowId(k: FlowKey): string {
  return uuidv5(
    `flow|${k.srcComponentId}|${k.dstComponentId}|${k.ethertype ?? ''}|${k.protocol ?? ''}|${k.srcPort ?? ''}|${k.dstPort ?? ''}`,
  );
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
