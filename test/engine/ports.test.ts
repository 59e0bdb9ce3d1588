import { describe, expect, it } from 'vitest';
import { parsePort, portMatches } from '../../src/engine/ports.js';

describe('parsePort', () => {
  it.each([
    ['TCP/80', { protocol: 'TCP', port: 80 }],
    ['udp/8080', { protocol: 'UDP', port: 8080 }],
    ['22', { protocol: null, port: 22 }],
    [22, { protocol: null, port: 22 }],
    [' 502 ', { protocol: null, port: 502 }],
  ])('%j → %j', (entry, expected) => {
    expect(parsePort(entry)).toEqual(expected);
  });

  it.each(['TCP/99999', 'ICMP/1', 'abc', '', 'TCP/', '/80', 0, 65536, -1, 1.5, null, {}])('%j is not a port', (entry) => {
    expect(parsePort(entry)).toBeUndefined();
  });
});

describe('portMatches (guide 6.8: "TCP Flow on port 80 and 22, UDP Flow on port 8080 and 22")', () => {
  const tcp80 = { protocol: 'TCP', port: 80 } as const;
  const any22 = { protocol: null, port: 22 } as const;
  it.each([
    [tcp80, 'TCP', 51000, 80, true],
    [tcp80, 'TCP', 80, 51000, true],
    [tcp80, 'UDP', 51000, 80, false],
    [tcp80, 'TCP', 51000, 8080, false],
    [any22, 'TCP', 40000, 22, true],
    [any22, 'UDP', 22, 40000, true],
    [any22, 'ICMP', null, null, false],
    [any22, null, 22, 22, false],
  ] as const)('%j on %s %s → %s: %s', (m, protocol, src, dst, expected) => {
    expect(portMatches(m, protocol, src, dst)).toBe(expected);
  });
});
