import { describe, expect, it } from 'vitest';
import { DC, GOOGLE_DNS, GW, PC1, T0, id, seen, trafficStore } from './traffic-helpers.js';

const packets = (c2s: number, s2c: number) => [
  { direction: 'Client→Server' as const, nbPackets: 1, l2Bytes: c2s, l7Bytes: 0 },
  { direction: 'Server→Client' as const, nbPackets: 1, l2Bytes: s2c, l7Bytes: 0 },
];
const store = trafficStore([
  seen(T0, DC, { ...GOOGLE_DNS, port: 53 }, { properties: { 'dns-query-name': 'www.google.com' }, packets: packets(80, 140) }),
  seen(T0 + 5, { ...GOOGLE_DNS }, { ...PC1, port: 443 }, { properties: { 'tls-server-name': 'pc1.corp.plant.local' }, packets: packets(300, 5000) }),
  seen(T0 + 9, PC1, { ...GW, port: 22 }),
]);

describe('ExternalCommunicationRepo', () => {
  it('ofComponent: the flows between a component and a public address, from the site\'s side, the latest first', () => {
    expect(store.externalCommunications.ofComponent(id(DC))).toEqual([
      expect.objectContaining({ direction: 'outgoing', internalIp: DC.ip, externalIp: '8.8.8.8', hostname: '', protocol: 'DNS', sentBytes: 80, receivedBytes: 140, serverPort: 53, lastSeen: T0 }),
    ]);
    expect(store.externalCommunications.ofComponent(id(PC1))).toEqual([
      expect.objectContaining({ direction: 'incoming', internalIp: PC1.ip, externalIp: '8.8.8.8', hostname: 'pc1.corp.plant.local', protocol: 'Web', sentBytes: 5000, receivedBytes: 300, serverPort: 443 }),
    ]);
    const external = store.externalCommunications.ofComponent(id(GOOGLE_DNS)).map((c) => c.internalComponentId);
    expect(external).toEqual([id(PC1), id(DC)]);
  });

  it('ofDevice and count: none for the gateway whose MAC the public address carries; all of them', () => {
    const gateway = store.devices.ofComponent(id(GW));
    expect(store.externalCommunications.ofDevice(gateway?.id as string)).toEqual([]);
    expect(store.externalCommunications.ofDevice(store.devices.ofComponent(id(PC1))?.id as string)).toHaveLength(1);
    expect(store.externalCommunications.count()).toBe(2);
  });
});
