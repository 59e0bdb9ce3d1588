/** IPv4 helpers for the `network` filters (guide 6.3.1: "192.168.1.0/24"; 6.6.1: "192.168.1"). */
import type { Network } from './queries.js';

export function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/**
 * Parses "a.b.c.d/len", a bare address (a /32), or a dotted prefix such as "192.168.1"
 * (the form guide 6.6.1 shows for events). Returns undefined when it is none of these.
 */
export function parseNetwork(text: string): Network | undefined {
  const [addr, lenText, extra] = text.trim().split('/');
  if (addr === undefined || extra !== undefined) return undefined;
  let octets = addr.split('.');
  if (octets.length < 1 || octets.length > 4 || octets.some((o) => o === '')) return undefined;
  let len: number;
  if (lenText !== undefined) {
    if (!/^\d{1,2}$/.test(lenText) || Number(lenText) > 32 || octets.length !== 4) return undefined;
    len = Number(lenText);
  } else {
    len = octets.length * 8;
  }
  while (octets.length < 4) octets = [...octets, '0'];
  const base = ipv4ToInt(octets.join('.'));
  if (base === undefined) return undefined;
  const size = 2 ** (32 - len);
  const first = Math.floor(base / size) * size;
  return { first, last: first + size - 1 };
}

/** IPv4 ranges that never leave a site: RFC 1918, loopback, link-local, CGNAT, "this network", benchmarking, multicast and reserved. */
const NON_PUBLIC_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const NON_PUBLIC_RANGES = NON_PUBLIC_V4.map(([base, len]) => parseNetwork(`${base}/${len}`) as Network);

/**
 * Whether an address is routed on the internet (an "external" address, as a Center's external
 * communications mean it): IPv4 outside the private and special ranges, IPv6 global unicast
 * (2000::/3). Anything that is not an address is not public.
 */
export function isPublicIp(ip: string): boolean {
  // Most addresses a plant sees, decided without parsing (ingest asks for every new flow).
  if (ip.startsWith('10.') || ip.startsWith('192.168.')) return false;
  const n = ipv4ToInt(ip);
  if (n !== undefined) return !NON_PUBLIC_RANGES.some((r) => n >= r.first && n <= r.last);
  if (!ip.includes(':')) return false;
  const first = Number.parseInt(ip.split(':')[0] || '0', 16);
  return first >= 0x2000 && first <= 0x3fff;
}

/** The first octet of a MAC address ("aa:bb:…"), or NaN. */
const firstOctet = (mac: string): number => Number.parseInt(mac.slice(0, 2), 16);

/** Broadcast and multicast addresses have the I/G bit set: they name no single interface. */
export function isGroupMac(mac: string): boolean {
  return (firstOctet(mac) & 1) === 1;
}

/** A universally administered MAC (U/L bit clear) begins with a registered OUI, which names its vendor. */
export function isUniversalMac(mac: string): boolean {
  return (firstOctet(mac) & 2) === 0;
}
