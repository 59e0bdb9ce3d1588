/**
 * Groups (Cisco's "Groups"), written: POST /groups, PUT, PATCH and DELETE /groups/{id}, over the
 * operations 1.0's group routes use too (src/operations/groups.ts): one table and one id space,
 * so a group made here is read and deleted through /api/1.0/group/{id}, and the reverse
 * (clients.md 1.3). Each answers the group as GET /groups/{id} shows it (Cisco: GroupDetail).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { type GroupFields, type PatchOperation, createGroup, deleteGroup, editGroup, patchGroup } from '../../../operations/groups.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { CreateGroupPayloadSchema, PATCH_PATHS, PatchGroupBodySchema, UpdateGroupPayloadSchema } from '../schemas/group-payload.js';
import { GroupDetailSchema } from '../schemas/groups.js';
import { groupDetail } from '../serialize/groups.js';

const EXAMPLE_ID = 'cbcbed07-1ed4-4fa6-817c-f3c1702fd187';
const IdParams = z.object({ id: doc(z.string(), { description: 'The group id (a UUID)', example: EXAMPLE_ID }) });
const Detail = doc(GroupDetailSchema, { description: 'The group, as GET /groups/{id} shows it' });

const MESSAGES = {
  badRequest: errors.unknownComponents([EXAMPLE_ID], 400).message,
  notFound: errors.notFound('Group', EXAMPLE_ID).message,
  alreadyGrouped: errors.alreadyGrouped(EXAMPLE_ID).message,
  conflict: errors.labelTaken('Room 214').message,
  unprocessable: errors.invalidHierarchy(EXAMPLE_ID, 'bb9d9840-82b0-42b7-9e03-13a3832fb363').message,
};

type Payload = z.infer<typeof UpdateGroupPayloadSchema>;

/** A GroupPayload as the operations take it: the 3.0 colour and criticalness kept as given. */
function fieldsOf(p: Payload): GroupFields {
  const members = p.componentIds || p.deviceIds ? { componentIds: p.componentIds ?? [], deviceIds: p.deviceIds } : undefined;
  const parentId = p.parentId === '' ? null : p.parentId?.toLowerCase();
  const attributes = { color: p.color, criticalness: p.criticalness, locked: p.locked, parentId };
  return {
    label: p.label,
    description: p.description,
    comments: p.comments,
    attributes: Object.values(attributes).some((v) => v !== undefined) ? attributes : undefined,
    properties: p.userProperties?.map(({ label, value }) => ({ label, value })),
    members,
    childIds: p.groupIds,
  };
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };
  const detail = (id: string) => {
    const l = app.lookups();
    return groupDetail(found(l.groups.get(id), 'Group', id), found(app.store.groupContents.of(id), 'Group', id), l);
  };

  const create = operation(
    'POST',
    '/groups',
    'Creates a group. divergence: Cisco documents no 409, yet clients read it as "already exists" (clients.md 1.2): a label another group has (without regard to case, as 1.0) is a 409. A component in another group is a 309, as in 1.0 (guide 6.5.3).',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: CreateGroupPayloadSchema,
        response: { 200: Detail, ...errorResponses({ ...MESSAGES, notFound: undefined }) },
      },
    },
    async (request) => {
      const p = request.body;
      return detail(createGroup(ctx, { ...fieldsOf(p), label: p.label, members: fieldsOf(p).members ?? { componentIds: [] } }));
    },
  );

  const update = operation('PUT', '/groups/{id}', 'Updates a group: absent fields stay; `componentIds`/`deviceIds`, when given, are its members from now on.');
  app.put(
    update.url,
    { schema: { ...update.docs, params: IdParams, body: UpdateGroupPayloadSchema, response: { 200: Detail, ...errorResponses(MESSAGES) } } },
    async (request) => {
      const id = checkId(request.params.id, 'group');
      editGroup(ctx, id, fieldsOf(request.body));
      return detail(id);
    },
  );

  const patch = operation(
    'PATCH',
    '/groups/{id}',
    'Adds, removes or replaces the group\'s components, devices (every component of each) or nested groups. A path other than /components, /devices and /groups is a 403 (Cisco: "the op - path association is not allowed").',
  );
  app.patch(
    patch.url,
    {
      schema: {
        ...patch.docs,
        params: IdParams,
        body: PatchGroupBodySchema,
        response: { 200: Detail, ...errorResponses({ ...MESSAGES, conflict: undefined, forbidden: errors.patchNotAllowed('add', '/label').message }) },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'group');
      const ops = request.body.map((o): PatchOperation => {
        const path = PATCH_PATHS.find((p) => p === o.path);
        if (path === undefined) throw errors.patchNotAllowed(o.op, o.path);
        return { op: o.op, path, ids: o.value };
      });
      patchGroup(ctx, id, ops);
      return detail(id);
    },
  );

  const remove = operation('DELETE', '/groups/{id}', 'Deletes a group: its components stay, in no group; its nested groups stay, at the top. Answers an empty 200.');
  app.delete(
    remove.url,
    {
      schema: {
        ...remove.docs,
        params: IdParams,
        response: { 200: doc(z.string(), { description: 'Deletion successful: an empty body', example: '' }), ...errorResponses({ badRequest: errors.badId('group', 'Room 214').message, notFound: MESSAGES.notFound }) },
      },
    },
    async (request, reply) => {
      deleteGroup(ctx, checkId(request.params.id, 'group'));
      return reply.send();
    },
  );
};

export default plugin;
