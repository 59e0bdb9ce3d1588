/** GET /api/3.0/networks/ (Cisco declares the slash only; clients call both forms: clients.md row 25). */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API3, TOKEN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { CustomNetworkSchema } from '../../../src/api/v3/schemas/networks.js';
import { OPENAPI_FILES } from '../../../src/cli/openapi.js';

type Network = z.infer<typeof CustomNetworkSchema>;

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

describe('GET /networks/', () => {
  it('lists every custom network of the world, oldest first, with the fields of Cisco document', async () => {
    const networks = await c.json3<Network[]>('/networks/');
    expectShape(z.array(CustomNetworkSchema), networks);
    expect(networks).toEqual(c.store.customNetworks.list());
    expect(networks.length).toBeGreaterThan(1);
    for (const n of networks) {
      expect(Object.keys(n).sort()).toEqual(['duplicated', 'id', 'ipRange', 'name', 'splitDevicesPerSensor', 'type', 'vlanId']);
      expect(n.vlanId === null || Number.isInteger(n.vlanId)).toBe(true);
    }
    // The world has networks with and without a VLAN, and of each type clients sort on.
    expect(networks.some((n) => n.vlanId === null) && networks.some((n) => n.vlanId !== null)).toBe(true);
    expect(new Set(networks.map((n) => n.type))).toEqual(new Set(['OT Internal', 'IT Internal', 'External']));
  });

  it('answers /networks, without the slash, the same', async () => {
    expect(await c.json3('/networks')).toEqual(await c.json3('/networks/'));
  });

  it("is documented under Cisco's path only, with the slash", () => {
    const paths = Object.keys((JSON.parse(readFileSync(OPENAPI_FILES['3.0'], 'utf8')) as { paths: Record<string, unknown> }).paths);
    expect(paths).toContain('/api/3.0/networks/');
    expect(paths).not.toContain('/api/3.0/networks');
  });

  it('answers 401 to ?token= alone, on both forms', async () => {
    for (const path of ['/networks/', '/networks']) expectError3(await c.app.inject({ url: `${API3}${path}?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});
