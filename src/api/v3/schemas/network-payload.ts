/**
 * What custom network writes take (Cisco's inline items of createCustomNetworks,
 * updateCustomNetworks, validateCustomNetworks: name, type, ipRange, vlanId, duplicated,
 * splitDevicesPerSensor; PUT adds id). CDN sends `vlanId: null` for no VLAN (clients.md 1.2 #38).
 */
import { z } from 'zod';
import { CUSTOM_NETWORK_TYPES, CidrSchema } from '../../../domain/custom-network.js';
import { UUID_RE } from '../../../domain/ids.js';
import { named } from '../registry.js';

const mandatory = (what: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is mandatory' : `must be ${what}`) });

const fields = {
  name: z.string(mandatory('a string')).trim().min(1, 'must not be empty'),
  type: z.enum(CUSTOM_NETWORK_TYPES, mandatory('"OT Internal", "IT Internal" or "External"')),
  ipRange: z.string(mandatory('a string')).trim().pipe(CidrSchema),
  vlanId: z.number({ error: 'must be an integer from 0 to 4095, or null' }).int('must be an integer').min(0, 'must be from 0 to 4095').max(4095, 'must be from 0 to 4095').nullable().optional(),
  duplicated: z.boolean({ error: 'must be true or false' }).optional(),
  splitDevicesPerSensor: z.boolean({ error: 'must be true or false' }).optional(),
};
const id = z.string(mandatory('a custom network id')).regex(UUID_RE, 'must be a custom network id (a UUID)');
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'must be a JSON array of custom networks' });

export const NewCustomNetworkSchema = named(
  'NewCustomNetwork',
  z.object(fields),
  'A custom network to create: `name`, `type` and `ipRange` (a CIDR network, e.g. 10.0.0.0/8) are mandatory; `vlanId` (null: none), `duplicated` and `splitDevicesPerSensor` default to null, false, false.',
);
export const CustomNetworkUpdateSchema = named(
  'CustomNetworkUpdate',
  z.object({ id, ...z.object(fields).partial().shape }),
  'A custom network to update, by `id`: the fields given replace its own, absent ones stay.',
);
export const CustomNetworkCheckSchema = named(
  'CustomNetworkCheck',
  z.object({ id: id.optional(), ...z.object(fields).partial().shape }),
  'A custom network as POST (isCreate=true) or PUT /networks/ would take it.',
);

export const CreateNetworksBody = list(NewCustomNetworkSchema);
export const UpdateNetworksBody = list(CustomNetworkUpdateSchema);
export const CheckNetworksBody = list(CustomNetworkCheckSchema);
export const DeleteNetworksBody = z.array(id, { error: 'must be a JSON array of custom network ids' });

export const CheckCustomNetworkResultSchema = named(
  'CheckCustomNetworkResult',
  z.object({ nbCmpToRemove: z.number().int(), nbExternalCommToRemove: z.number().int() }),
  'What the networks checked would take away: the components in an External range, and the external communications whose external end falls in an internal range.',
);
