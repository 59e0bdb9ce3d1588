/**
 * Custom networks (Cisco's "CustomNetwork"): the item of `GET /networks/` is inline in Cisco's
 * document (README quirk 6); it is named here for the 3.0 document.
 */
import { z } from 'zod';
import { CUSTOM_NETWORK_TYPES } from '../../../domain/custom-network.js';
import { named } from '../registry.js';
import { int } from './common.js';

export const CustomNetworkSchema = named(
  'CustomNetwork',
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.enum(CUSTOM_NETWORK_TYPES),
    ipRange: z.string(),
    vlanId: int.nullable(),
    duplicated: z.boolean(),
    splitDevicesPerSensor: z.boolean(),
  }),
  'A named address range: `type` is "OT Internal", "IT Internal" or "External"; `ipRange` a CIDR network; `vlanId` null when the network is not tied to a VLAN.',
);
