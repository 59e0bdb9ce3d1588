/**
 * Ids in the Center's style: UUIDv5 for components and flows, derived from their identifying
 * fields (guide 5.2, 5.3: "52b6" / "54e1" version nibbles are 5).
 */
import { hash } from 'node:crypto';

/** Our namespace for UUIDv5 derivations (a fixed v4 UUID). */
const NAMESPACE = Buffer.from('6f1b1d3c5c0a4d8e9a3e1f2b7c4d5e6f', 'hex');

/** Namespace then name, in one reused buffer: ingest derives three ids per observation. */
const input = Buffer.alloc(1024);
/** RFC 4122 variant: the 17th hex digit keeps its low two bits under 10xx. */
const VARIANT = '89ab89ab89ab89ab';

export function uuidv5(name: string, namespace: Buffer = NAMESPACE): string {
  const size = namespace.length + Buffer.byteLength(name);
  let data: Buffer;
  if (size <= input.length) {
    namespace.copy(input, 0);
    input.write(name, namespace.length);
    data = input.subarray(0, size);
  } else {
    data = Buffer.concat([namespace, Buffer.from(name)]);
  }
  const h = hash('sha1', data, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${VARIANT[Number.parseInt(h.charAt(16), 16)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
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

/** Devices have ids of their own, never a component's (3.0 network nodes mix both): another namespace. */
const DEVICE_NAMESPACE = Buffer.from('0b6f3c2e9d4a5e71a8c2d19e4f7b6a35', 'hex');

/** A device is identified by the unicast MAC its components share (src/ingest/device-rule.ts). */
export function deviceId(mac: string): string {
  return uuidv5(`device|${mac.toLowerCase()}`, DEVICE_NAMESPACE);
}
