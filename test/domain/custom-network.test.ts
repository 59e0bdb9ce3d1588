import { describe, expect, it } from 'vitest';
import { CustomNetworkSchema, overlaps, parseCidr } from '../../src/domain/custom-network.js';

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', { first: 0x0a000000, last: 0x0affffff, prefix: 8, aligned: true }],
    ['172.16.10.0/24', { first: 0xac100a00, last: 0xac100aff, prefix: 24, aligned: true }],
    ['192.168.1.7/32', { first: 0xc0a80107, last: 0xc0a80107, prefix: 32, aligned: true }],
    ['0.0.0.0/0', { first: 0, last: 0xffffffff, prefix: 0, aligned: true }],
    ['10.0.0.1/8', { first: 0x0a000000, last: 0x0affffff, prefix: 8, aligned: false }],
  ])('reads %s', (text, cidr) => {
    expect(parseCidr(text)).toEqual(cidr);
  });

  it.each(['10.0.0.0', '10.0.0/8', '10.0.0.0/33', '256.0.0.0/8', '10.0.0.0/', 'a.b.c.d/8', ''])('refuses %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('overlaps', () => {
  const r = (t: string) => parseCidr(t) as NonNullable<ReturnType<typeof parseCidr>>;
  it.each([
    ['10.0.0.0/8', '10.20.0.0/16', true],
    ['10.20.0.0/16', '10.0.0.0/8', true],
    ['10.1.0.0/16', '10.20.0.0/16', false],
    ['10.0.0.0/24', '10.0.0.255/32', true],
    ['10.0.0.0/24', '10.0.1.0/24', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(overlaps(r(a), r(b))).toBe(expected);
  });
});

describe('CustomNetworkSchema', () => {
  const network = { id: '86bc937a-19cf-5f0a-9b28-1f9a8347590e', name: 'OT Network-1', type: 'OT Internal', ipRange: '10.0.0.0/8', vlanId: 1, duplicated: true, splitDevicesPerSensor: true };
  it("takes the document's example, and a network without VLAN", () => {
    expect(CustomNetworkSchema.parse(network)).toEqual(network);
    expect(CustomNetworkSchema.parse({ ...network, vlanId: null }).vlanId).toBeNull();
  });

  it.each([
    ['an unknown type', { type: 'OT external' }],
    ['an address with host bits', { ipRange: '10.0.0.1/8' }],
    ['an address without prefix', { ipRange: '10.0.0.0' }],
    ['a VLAN above 4095', { vlanId: 4096 }],
    ['an empty name', { name: '' }],
  ])('refuses %s', (_, change) => {
    expect(CustomNetworkSchema.safeParse({ ...network, ...change }).success).toBe(false);
  });
});
