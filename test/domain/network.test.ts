import { describe, expect, it } from 'vitest';
import { ipv4ToInt, parseNetwork } from '../../src/domain/network.js';

const ip = (s: string) => ipv4ToInt(s) as number;

describe('parseNetwork', () => {
  it.each([
    ['192.168.1.0/24', '192.168.1.0', '192.168.1.255'],
    ['192.168.1.77/24', '192.168.1.0', '192.168.1.255'],
    ['10.0.0.0/8', '10.0.0.0', '10.255.255.255'],
    ['10.1.2.3', '10.1.2.3', '10.1.2.3'],
    ['10.1.2.3/32', '10.1.2.3', '10.1.2.3'],
    ['0.0.0.0/0', '0.0.0.0', '255.255.255.255'],
    ['192.168.1', '192.168.1.0', '192.168.1.255'],
    ['192.168', '192.168.0.0', '192.168.255.255'],
  ])('%s spans %s to %s', (text, first, last) => {
    expect(parseNetwork(text)).toEqual({ first: ip(first), last: ip(last) });
  });

  it.each(['192.168.1.0/33', '300.1.1.1', 'abc', '1.2.3.4/24/1', '1..2.3', '192.168.1/24', ''])('refuses %s', (text) => {
    expect(parseNetwork(text)).toBeUndefined();
  });
});
