import { describe, expect, it } from 'vitest';
import { ipv4ToInt, isGroupMac, isPublicIp, isUniversalMac, parseNetwork } from '../../src/domain/network.js';

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

describe('isPublicIp', () => {
  it.each(['8.8.8.8', '1.1.1.1', '192.169.62.254', '142.250.185.100', '2001:4860:4860::8888'])('%s is public', (a) => {
    expect(isPublicIp(a)).toBe(true);
  });

  it.each(['10.1.2.3', '172.16.10.11', '172.31.255.255', '192.168.105.130', '127.0.0.1', '169.254.1.2', '100.64.0.1', '224.0.0.251', '255.255.255.255', '0.0.0.0', 'fe80::1', 'fd00::1', 'not an ip', ''])(
    '%s is not',
    (a) => {
      expect(isPublicIp(a)).toBe(false);
    },
  );
});

describe('MAC address bits', () => {
  it('tells broadcast and multicast from unicast', () => {
    expect(isGroupMac('ff:ff:ff:ff:ff:ff')).toBe(true);
    expect(isGroupMac('01:80:c2:00:00:0e')).toBe(true);
    expect(isGroupMac('00:1b:1b:00:00:02')).toBe(false);
  });

  it('tells a registered OUI from a locally administered address', () => {
    expect(isUniversalMac('00:1b:1b:00:00:02')).toBe(true);
    expect(isUniversalMac('02:11:22:33:44:55')).toBe(false);
    expect(isUniversalMac('52:54:dd:4c:28:74')).toBe(false);
  });
});
