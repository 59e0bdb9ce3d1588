import { describe, expect, it } from 'vitest';
import { CustomNetworkSchema, overlaps, parseCidr } from '../../../src/domain/custom-network.js';
import { ipv4ToInt, isPublicIp } from '../../../src/domain/network.js';
import { buildCustomNetworks, customNetworkId } from '../../../src/seed/plant/networks.js';
import { generatePlant } from '../../../src/seed/plant.js';
import { loadProfile } from '../../../src/seed/profile.js';

const plant = generatePlant(loadProfile('default'), Date.UTC(2026, 0, 15, 12) * 1000);
const networks = plant.customNetworks;
const cidr = (text: string) => parseCidr(text) as NonNullable<ReturnType<typeof parseCidr>>;

describe('buildCustomNetworks', () => {
  it('names the site networks, a network per cell on its own VLAN, and an external range', () => {
    expect(networks.slice(0, 4).map((n) => [n.name, n.type, n.ipRange])).toEqual([
      ['Network Management', 'OT Internal', '10.0.0.0/16'],
      ['Office Network', 'IT Internal', '10.1.0.0/16'],
      ['Control Room', 'OT Internal', '10.20.0.0/16'],
      ['DMZ', 'IT Internal', '172.16.10.0/24'],
    ]);
    const cells = networks.slice(4, -1);
    expect(cells.length).toBeGreaterThan(2);
    expect(cells.every((n) => n.type === 'OT Internal' && /^10\.1\d\.\d+\.0\/24$/.test(n.ipRange))).toBe(true);
    expect(new Set(cells.map((n) => n.vlanId)).size).toBe(cells.length);
    expect(networks.at(-1)).toMatchObject({ type: 'External', vlanId: null });
  });

  it('gives valid networks, with ids derived from their range, none overlapping', () => {
    for (const n of networks) {
      expect(CustomNetworkSchema.parse(n)).toEqual(n);
      expect(n.id).toBe(customNetworkId(n.ipRange));
    }
    for (const a of networks) for (const b of networks) if (a !== b) expect(overlaps(cidr(a.ipRange), cidr(b.ipRange)), `${a.name} / ${b.name}`).toBe(false);
  });

  it("covers the plant's own addresses, sensors included, and leaves the external range unused (internet hosts are none of the plant's)", () => {
    const internal = networks.filter((n) => n.type !== 'External').map((n) => cidr(n.ipRange));
    const external = cidr(networks.at(-1)?.ipRange ?? '');
    const addresses = [...plant.sensors.map((s) => s.ip)];
    for (const o of plant.observations()) {
      if (o.src.ip) addresses.push(o.src.ip);
      if (o.dst.ip) addresses.push(o.dst.ip);
      if (addresses.length > 5000) break;
    }
    for (const ip of addresses) {
      const n = ipv4ToInt(ip) as number;
      if (ip.startsWith('127.') || ip.startsWith('224.') || ip.startsWith('255.') || isPublicIp(ip)) continue;
      expect(internal.some((r) => n >= r.first && n <= r.last), ip).toBe(true);
      expect(n >= external.first && n <= external.last).toBe(false);
    }
  });

  it('depends on the cells only', () => {
    expect(buildCustomNetworks({ cells: [] }).map((n) => n.name)).toEqual(['Network Management', 'Office Network', 'Control Room', 'DMZ', 'Vendor remote access']);
  });
});
