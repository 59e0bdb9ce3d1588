/** Custom networks → 3.0 (../schemas/networks.ts): the domain's fields, as they are. */
import type { CustomNetwork } from '../../../domain/custom-network.js';
import type { CustomNetworkSchema } from '../schemas/networks.js';
import type { Wire } from './common.js';

export const customNetwork = (n: CustomNetwork): Wire<typeof CustomNetworkSchema> => ({
  id: n.id,
  name: n.name,
  type: n.type,
  ipRange: n.ipRange,
  vlanId: n.vlanId,
  duplicated: n.duplicated,
  splitDevicesPerSensor: n.splitDevicesPerSensor,
});
