/**
 * Custom networks (API 3.0 `/networks/`): the address ranges an operator names and types, so
 * that devices are placed in OT, IT or external networks. Pure shapes and the CIDR checks a write
 * needs.
 */
import { z } from 'zod';
import { ipv4ToInt } from './network.js';
import type { Network } from './queries.js';

export const CUSTOM_NETWORK_TYPES = ['OT Internal', 'IT Internal', 'External'] as const;
export type CustomNetworkType = (typeof CUSTOM_NETWORK_TYPES)[number];

/** An IPv4 network in CIDR form: its address range, and whether the address is the network's own. */
export interface Cidr extends Network {
  prefix: number;
  /** False for "10.0.0.1/8": the address has host bits set. */
  aligned: boolean;
}

/** Parses "a.b.c.d/len" (the prefix is required); undefined when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const base = ipv4ToInt(m[1] as string);
  const prefix = Number(m[2]);
  if (base === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = Math.floor(base / size) * size;
  return { first, last: first + size - 1, prefix, aligned: first === base };
}

/** Whether two ranges share an address. */
export function overlaps(a: Network, b: Network): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export const CidrSchema = z.string().refine((s) => parseCidr(s)?.aligned === true, { message: 'must be a network in CIDR form, e.g. 10.0.0.0/8' });

export const CustomNetworkSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  type: z.enum(CUSTOM_NETWORK_TYPES),
  ipRange: CidrSchema,
  /** null when the network is not tied to a VLAN. */
  vlanId: z.number().int().min(0).max(4095).nullable(),
  duplicated: z.boolean(),
  splitDevicesPerSensor: z.boolean(),
});
export type CustomNetwork = z.infer<typeof CustomNetworkSchema>;
