import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomNetwork } from '../../src/domain/custom-network.js';
import { openStore, type Store } from '../../src/store/store.js';

const ot: CustomNetwork = { id: 'n1', name: 'Control Room', type: 'OT Internal', ipRange: '10.20.0.0/16', vlanId: 20, duplicated: false, splitDevicesPerSensor: true };
const external: CustomNetwork = { id: 'n2', name: 'Vendor remote access', type: 'External', ipRange: '198.51.100.0/24', vlanId: null, duplicated: true, splitDevicesPerSensor: false };

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

describe('customNetworks', () => {
  it('gives the networks back whole, in the order they were created, and one by id', () => {
    store.customNetworks.insert(ot);
    store.customNetworks.insert(external);
    expect(store.customNetworks.list()).toEqual([ot, external]);
    expect(store.customNetworks.get('n2')).toEqual(external);
    expect(store.customNetworks.get('nope')).toBeUndefined();
  });

  it('keeps the range as integers too, for lookups by address', () => {
    store.customNetworks.insert(ot);
    expect(store.db.prepare('SELECT ip_first, ip_last FROM custom_network').get()).toEqual({ ip_first: 0x0a140000, ip_last: 0x0a14ffff });
  });

  it('refuses a range that is not a CIDR network, and an unknown type', () => {
    expect(() => store.customNetworks.insert({ ...ot, ipRange: '10.20.0.0' })).toThrow(/not a CIDR network/);
    expect(() => store.customNetworks.insert({ ...ot, type: 'Internet' as CustomNetwork['type'] })).toThrow(/CHECK constraint/);
  });
});
