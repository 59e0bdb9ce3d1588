/** GET /{type}/{id}/externalCommunications (API 3.0): one route for components and devices. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Row {
  id: string;
  device: { id: string } | null;
  externalCommunicationsCount: number;
}
interface Comm {
  id: string;
  direction: string;
  externalIP: string;
  internalIP: string;
  sourceIP: string;
  lastSeen: number;
  sentByDevice: number;
  receivedByDevice: number;
  serverPort: string;
  protocol: string;
  hostname: string;
}

let c: TestCenter;
let row: Row;
beforeAll(async () => {
  c = await testCenter();
  const all = await c.json3<Row[]>('/components');
  row = all.find((r) => r.externalCommunicationsCount > 0 && r.device !== null) as Row;
});
afterAll(() => c.close());

describe('GET /{type}/{id}/externalCommunications', () => {
  it("answers a component's, as many as it counts, with the sourceIP OPS reads", async () => {
    const list = await c.json3<Comm[]>(`/components/${row.id}/externalCommunications`);
    expect(list.length).toBe(row.externalCommunicationsCount);
    for (const x of list) {
      expect(x).toEqual({
        id: expect.any(String),
        direction: expect.stringMatching(/^(outgoing|incoming)$/),
        externalIP: expect.any(String),
        internalIP: expect.any(String),
        sourceIP: x.direction === 'outgoing' ? x.internalIP : x.externalIP,
        hostname: expect.any(String),
        lastSeen: expect.any(Number),
        protocol: expect.any(String),
        sentByDevice: expect.any(Number),
        receivedByDevice: expect.any(Number),
        serverPort: expect.stringMatching(/^\d*$/),
      });
    }
  });

  it("answers a device's: its components'", async () => {
    const device = row.device?.id as string;
    const list = await c.json3<Comm[]>(`/devices/${device}/externalCommunications`);
    expect(list.map((x) => x.id)).toEqual(c.store.externalCommunications.ofDevice(device).map((x) => x.id));
    expect(list.length).toBeGreaterThan(0);
  });

  it('filters and sorts on the fields of Cisco\'s document, and pages', async () => {
    const all = await c.json3<Comm[]>('/components/' + row.id + '/externalCommunications');
    const ip = (all[0] as Comm).externalIP;
    expect((await c.json3<Comm[]>(`/components/${row.id}/externalCommunications?filter=externalIP:${ip}`)).every((x) => x.externalIP.includes(ip))).toBe(true);
    expect(await c.json3(`/components/${row.id}/externalCommunications?sort=lastSeen:asc&page=1&size=1`)).toEqual([[...all].sort((a, b) => a.lastSeen - b.lastSeen)[0]]);
    expect(await c.json3(`/components/${row.id}/externalCommunications?page=9&size=1`)).toEqual([]);
  });

  it('answers 400 for another type, 404 for an unknown id, 400 for a malformed one', async () => {
    expectError3(await c.v3('GET', `/groups/${row.id}/externalCommunications`), 400, /Invalid path parameter "type": must be 'devices' or 'components'/);
    expectError3(await c.v3('GET', `/devices/${UNKNOWN}/externalCommunications`), 404, /Device not found/);
    expectError3(await c.v3('GET', `/components/${UNKNOWN}/externalCommunications`), 404, /Component not found/);
    expectError3(await c.v3('GET', '/components/abc/externalCommunications'), 400, /Invalid component id/);
    expectError3(await c.v3('GET', `/components/${row.id}/externalCommunications?sort=color`), 400, /cannot sort on "color"/);
  });
});
