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
