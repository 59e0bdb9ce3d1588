/**
 * What 3.0 group writes take: Cisco's `GroupPayload` (POST and PUT /groups) and `PartialUpdate`
 * (PATCH /groups/{id}), as client programs send them (clients.md 1.2, rows 33 and 34: CDN sends
 * `{label, description, color, criticalness}`, GVE2 adds `comments` and `locked`, MEV the whole
 * payload; CDN and GVE2 PATCH `{"op": "add", "path": "/components"|"/devices", "value": [ids]}`,
 * MEV a JSON-Patch array double-encoded as a string).
 */
import { z } from 'zod';
import { HexColorSchema } from '../../../domain/group-appearance.js';
import { UUID_RE } from '../../../domain/ids.js';
import { doc, named } from '../registry.js';

const text = z.string({ error: 'must be a string' });
const idList = (what: string) =>
  z.array(z.string({ error: `must be a ${what} id (a string)` }).regex(UUID_RE, `must hold ${what} ids (UUIDs)`), { error: `must be an array of ${what} ids` });

export const GroupUserPropertySchema = named(
  'UserProperty',
  z.object({ id: text.optional(), label: text.min(1, 'must not be empty'), value: text }),
  "A group's user property (Cisco's UserProperty). `id` is ignored: the properties given replace the group's.",
);

const fields = {
  label: text.trim().min(1, 'must not be empty'),
  description: text.optional(),
  comments: text.optional(),
  color: z.string({ error: 'must be a colour as #rrggbb' }).pipe(HexColorSchema).optional(),
  criticalness: z.number({ error: 'must be an integer' }).int('must be an integer').optional(),
  locked: z.boolean({ error: 'must be true or false' }).optional(),
  // divergence: Cisco types it a string; "" and null both mean "no parent".
  parentId: z
    .string({ error: 'must be a group id (a string) or null' })
    .refine((s) => s === '' || UUID_RE.test(s), 'must be a group id (a UUID)')
    .nullable()
    .optional(),
  componentIds: idList('component').optional(),
  deviceIds: idList('device').optional(),
  groupIds: idList('group').optional(),
  userProperties: z.array(GroupUserPropertySchema, { error: 'must be an array of {label, value}' }).optional(),
};

/** divergence: fields Cisco's GroupPayload lacks are ignored (Go's JSON decoding does so), not refused. */
export const CreateGroupPayloadSchema = doc(z.object(fields, { error: 'a JSON object is required' }), {
  description:
    "Cisco's GroupPayload; `label` is mandatory and unique without regard to case (409). `componentIds` and `deviceIds` (every component of each device) are the members, none in another group (309); `groupIds` the groups nested in this one.",
  example: { label: 'Room 214', description: 'All the PLCs of Room 214', color: '#e35d9b', criticalness: 3, locked: false },
});

export const UpdateGroupPayloadSchema = doc(z.object({ ...fields, label: fields.label.optional() }, { error: 'a JSON object is required' }), {
  description:
    "Cisco's GroupPayload: absent fields stay. `componentIds` and/or `deviceIds`, when given, are the members from now on; `groupIds` the nested groups from now on.",
  example: { description: 'All the PLCs of Room 214 and 215', criticalness: 4 },
});

export const PATCH_PATHS = ['/components', '/devices', '/groups'] as const;

const PartialUpdateSchema = named(
  'PartialUpdate',
  z.object(
    {
      op: z.enum(['add', 'remove', 'replace'], { error: 'must be add, remove or replace' }),
      path: text,
      value: z.array(z.string({ error: 'must be an id (a string)' }).regex(UUID_RE, 'must hold ids (UUIDs)'), { error: 'must be an array of ids' }),
    },
    { error: 'must be an operation {op, path, value}' },
  ),
  'One change (RFC 6902): `op` add, remove or replace on `path` /components, /devices (every component of each device) or /groups (nested groups); `value` the ids.',
);

/**
 * The string of a double-encoded body parsed (a string that is no JSON stays, and fails), one
 * operation as a list of one: how every 3.0 PATCH taking Cisco's PartialUpdate reads its body.
 */
export function partialUpdates(body: unknown): unknown {
  let v = body;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? [v] : v;
}

export const PatchGroupBodySchema = doc(z.preprocess(partialUpdates, z.array(PartialUpdateSchema, { error: 'must be an operation {op, path, value} or an array of them' }).min(1, 'must hold at least one operation')), {
  description:
    "Cisco's PartialUpdate, a single object; an RFC 6902 array of them is applied in order, all or none; either may come as a JSON string (MEV double-encodes it). An error names the operation by its index: `0.op`.",
  example: { op: 'add', path: '/devices', value: ['5b3a8b4e-5a4b-5d6c-9e1f-0a1b2c3d4e5f'] },
});
