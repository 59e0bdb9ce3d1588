import { describe, expect, it } from 'vitest';
import { DC, FS, PC1, T0, id, seen, trafficStore } from './traffic-helpers.js';

const store = trafficStore([
  seen(T0, PC1, { ...FS, port: 21 }, { properties: { 'ftp-user': 'USER', 'ftp-password': 'USER' } }),
  seen(T0 + 1, PC1, { ...FS, port: 23 }, { properties: { 'telnet-login': 'admin', 'telnet-password': 'moxa' } }),
  seen(T0 + 2, PC1, { ...DC, port: 161 }, { protocol: 'UDP', properties: { 'snmp-version': 'v2c', 'snmp-community': 'public' } }),
]);

describe('CredentialRepo', () => {
  it('ofComponent: what the server accepted, by protocol', () => {
    expect(store.credentials.ofComponent(id(FS))).toEqual([
      { componentId: id(FS), protocol: 'FTP', username: 'USER', password: 'USER', algo: 'plaintext', creationTime: T0, lastUpdate: T0 },
      { componentId: id(FS), protocol: 'Telnet', username: 'admin', password: 'moxa', algo: 'plaintext', creationTime: T0 + 1, lastUpdate: T0 + 1 },
    ]);
    expect(store.credentials.ofComponent(id(PC1))).toEqual([]);
  });

  it('ofDevice: the union of its components\' credentials; count: all of them', () => {
    const device = store.devices.ofComponent(id(DC));
    expect(store.credentials.ofDevice(device?.id as string).map((c) => [c.protocol, c.password])).toEqual([['SNMP', 'public']]);
    expect(device?.counts.credentials).toBe(1);
    expect(store.credentials.count()).toBe(3);
  });
});
