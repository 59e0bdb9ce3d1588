/**
 * What PATCH /components/{id} takes: Cisco's `PartialUpdate`, whose parameter says: "op" can
 * only be "set" on path "/group"; only one group id or zero are allowed in "value"; zero means
 * "unset". The body is read as PATCH /groups/{id} reads it (src/api/v3/schemas/group-payload.ts):
 * one object, or an RFC 6902 array of them, either possibly a JSON string.
 */
import { z } from 'zod';
import { UUID_RE } from '../../../domain/ids.js';
import { doc, named } from '../registry.js';
import { partialUpdates } from './group-payload.js';

const text = z.string({ error: 'must be a string' });

const ComponentPartialUpdateSchema = named(
  'ComponentPartialUpdate',
  z.object(
    {
      op: text,
      path: text,
      value: z
        .array(z.string({ error: 'must be a group id (a string)' }).regex(UUID_RE, 'must hold a group id (a UUID)'), { error: 'must be an array of one group id or none' })
        .max(1, 'must hold one group id or none'),
    },
    { error: 'must be an operation {op, path, value}' },
  ),
  'One change: `op` "set" on `path` "/group" (any other op or path is a 403); `value` the group id, or `[]` to take the component out of its group.',
);

/** divergence: an RFC 6902 array is taken as PATCH /groups/{id} takes it, of one operation only (the document allows one change). */
export const PatchComponentBodySchema = doc(
  z.preprocess(
    partialUpdates,
    z
      .array(ComponentPartialUpdateSchema, { error: 'must be an operation {op, path, value} or an array of one' })
      .min(1, 'must hold one operation')
      .max(1, 'must hold one operation'),
  ),
  {
    description:
      "Cisco's PartialUpdate: `{\"op\": \"set\", \"path\": \"/group\", \"value\": [groupId]}`, or `value` `[]` for no group; also as an RFC 6902 array of that one operation, either as a JSON string. An error names the operation by its index: `0.value`.",
    example: { op: 'set', path: '/group', value: ['cbcbed07-1ed4-4fa6-817c-f3c1702fd187'] },
  },
);
