/**
 * User properties of components, groups and devices (Cisco's "CustomProperties":
 * postExtraField, putExtraField, deleteExtraField; Cisco's path spells it "usersProperties").
 * Read back as `userProperties[{id, key, value}]` on components and devices, as ExtraField
 * `{id, label, value}` on GET /groups/{id}, and, for groups, as the 1.0 group's `properties`
 * (clients.md 1.2 #41, #42: WAL adds, edits and deletes them on devices).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UserPropertyInputSchema, type UserPropertyOwner } from '../../../domain/user-property.js';
import { errors } from '../../../errors.js';
import { PROPERTY_NAME, createUserPropertyOperations } from '../../../operations/user-properties.js';
import { checkId } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { AddExtraFieldRespSchema, OK, SimpleResponseSchema } from '../schemas/custom-properties.js';

const OBJECTS = { components: 'component', groups: 'group', devices: 'device' } as const satisfies Record<string, UserPropertyOwner>;
const object = z.enum(['components', 'groups', 'devices'], { error: "must be 'components', 'groups' or 'devices'" });
const ownerId = doc(z.string(), { description: 'The component, group or device id (a UUID).', example: '3c3b2b5c-0a8b-5f3e-9a6d-1f0c8a9e4b21' });
const propertyId = doc(z.string(), { description: 'The property id (a UUID), as `userProperties[].id` gives it.', example: 'b7d4c1f2-9a3e-4c5d-8e6f-0a1b2c3d4e5f' });

const OwnerParams = z.object({ object, id: ownerId });
const PropertyParams = z.object({ object, id: ownerId, propertyId });
const Body = doc(UserPropertyInputSchema, {
  description: 'The property: `label` is its key (trimmed, not empty, at most 60 characters), `value` at most 180 characters.',
  example: { label: 'Asset owner', value: 'Maintenance team B' },
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BAD_REQUEST = 'Invalid body field "label": is mandatory';
const TOO_LONG = errors.tooLong('label', 60, 61).message;

/** The owner's kind and its checked id. */
function ownerOf(params: { object: keyof typeof OBJECTS; id: string }): [UserPropertyOwner, string] {
  const kind = OBJECTS[params.object];
  return [kind, checkId(params.id, kind)];
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  const properties = createUserPropertyOperations(app.store, app.clock, app.newId);

  const add = operation('POST', '/{object}/{id}/usersProperties', 'Adds a property; the answer holds its new id.');
  app.post(
    add.url,
    {
      schema: {
        ...add.docs,
        params: OwnerParams,
        body: Body,
        response: {
          200: doc(AddExtraFieldRespSchema, { description: 'extra property successfully added' }),
          ...errorResponses({ badRequest: BAD_REQUEST, notFound: errors.notFound('Device', UNKNOWN).message, preconditionFailed: TOO_LONG }),
        },
      },
    },
    async (request) => {
      const p = properties.add(...ownerOf(request.params), request.body);
      return { id: p.id, label: p.key, value: p.value };
    },
  );

  const update = operation('PUT', '/{object}/{id}/usersProperties/{propertyId}', 'Replaces the label and the value of a property the object has.');
  app.put(
    update.url,
    {
      schema: {
        ...update.docs,
        params: PropertyParams,
        body: Body,
        response: {
          200: doc(SimpleResponseSchema, { description: 'extra property successfully updated', example: OK }),
          ...errorResponses({ badRequest: BAD_REQUEST, notFound: errors.notFound(PROPERTY_NAME, UNKNOWN).message, preconditionFailed: TOO_LONG }),
        },
      },
    },
    async (request) => {
      properties.update(...ownerOf(request.params), checkId(request.params.propertyId, 'property'), request.body);
      return OK;
    },
  );

  const remove = operation('DELETE', '/{object}/{id}/usersProperties/{propertyId}', 'Removes a property the object has.');
  app.delete(
    remove.url,
    {
      schema: {
        ...remove.docs,
        params: PropertyParams,
        response: {
          200: doc(SimpleResponseSchema, { description: 'extra property successfully deleted', example: OK }),
          ...errorResponses({ badRequest: errors.badId('property', 'x').message, notFound: errors.notFound(PROPERTY_NAME, UNKNOWN).message }),
        },
      },
    },
    async (request) => {
      properties.remove(...ownerOf(request.params), checkId(request.params.propertyId, 'property'));
      return OK;
    },
  );
};

export default plugin;
