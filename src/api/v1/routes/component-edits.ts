/**
 * Components (guide 6.3): the write routes — custom name and icon, group membership, and the
 * removal of incorrect information (6.3.14). Each write is one transaction.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { clearComponentData, setComponentIcon } from '../../../operations/component-edits.js';
import { addComponent, removeComponent } from '../../../operations/groups.js';
import { createLabelOperations } from '../../../operations/labels.js';
import * as serialize from '../serialize.js';
import { ComponentSchema, EmptySchema, errorAnswer } from '../schemas.js';
import { EXAMPLES, IDS, UNKNOWN_ID, answer } from '../examples.js';
import { MESSAGES, checkId, docs, errorResponses, found, idErrors } from '../kit.js';
import { ComponentIdsBody, idParams } from '../params.js';

const TAG = 'Components';

const CustomNameBody = z
  .object({ custom_name: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').meta({ description: 'The new name; trimmed, not empty.' }) })
  .strict()
  .meta({ example: { custom_name: 'My PLC' } });
const CustomIconBody = z
  .object({ custom_icon: z.string({ error: 'must be an icon key of GET /icon' }).min(1, 'must not be empty').meta({ description: 'An icon key, as GET /icon lists them.' }) })
  .strict()
  .meta({ example: { custom_icon: 'cisco' } });
const MembershipParams = z.object({
  id: z.string().meta({ description: 'The group id (a UUID).', example: IDS.group, format: 'uuid' }),
  cid: z.string().meta({ description: 'The component id (a UUID).', example: IDS.ungroupedComponent, format: 'uuid' }),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const ctx = { store, clock: app.clock, newId: () => app.newId() };
  const current = (id: string) => serialize.component(found(store.components.get(id), 'Component', id), store.tags.labels());

  const labels = createLabelOperations(store);

  /** Sets or clears the custom name (one operation with 3.0's POST /components/{id}/label) and answers the component as it now is. */
  function setName(rawId: string, value: string | null) {
    const id = checkId(rawId, 'component');
    labels.setComponentLabel(id, value);
    return current(id);
  }

  /** Sets or clears the custom icon and answers the component as it now is. */
  function setIcon(rawId: string, value: string | null) {
    const id = checkId(rawId, 'component');
    setComponentIcon(store, id, value);
    return current(id);
  }

  app.put(
    '/component/:id/custom-name',
    {
      schema: {
        ...docs(TAG, 'setCustomName', 'Set a custom name', '6.3.3', 'Answers an array of one Component, as the guide prints it.'),
        params: idParams('component', IDS.component),
        body: CustomNameBody,
        response: {
          200: answer(z.array(ComponentSchema), 'The component with its new name, alone in an array (guide 5.2)', EXAMPLES.customNamed),
          ...errorResponses({ badRequest: 'Invalid body field "custom_name": must not be empty', notFound: MESSAGES.notFound('Component') }),
        },
      },
    },
    async (request) => [setName(request.params.id, request.body.custom_name)],
  );

  app.delete(
    '/component/:id/custom-name',
    {
      schema: {
        ...docs(TAG, 'deleteCustomName', 'Delete a custom name', '6.3.4', 'Answers an array of one Component, without custom_name.'),
        params: idParams('component', IDS.component),
        response: {
          200: answer(z.array(ComponentSchema), 'The component without its custom name, alone in an array (guide 5.2)', EXAMPLES.customNameDeleted),
          ...errorResponses(idErrors('component', 'Component')),
        },
      },
    },
    async (request) => [setName(request.params.id, null)],
  );

  app.put(
    '/component/:id/custom-icon',
    {
      schema: {
        ...docs(TAG, 'setCustomIcon', 'Set a custom icon', '6.3.7', 'The key must be one of GET /icon (400 otherwise).'),
        params: idParams('component', IDS.iconComponent),
        body: CustomIconBody,
        response: {
          200: answer(ComponentSchema, 'The component with its new icon (guide 5.2)', EXAMPLES.customIconed),
          ...errorResponses({ badRequest: errors.badRequest('Unknown icon key: "nosuchicon" (see GET /api/1.0/icon)').message, notFound: MESSAGES.notFound('Component') }),
        },
      },
    },
    async (request) => setIcon(request.params.id, request.body.custom_icon),
  );

  app.delete(
    '/component/:id/custom-icon',
    {
      schema: {
        ...docs(TAG, 'deleteCustomIcon', 'Delete a custom icon', '6.3.8'),
        params: idParams('component', IDS.iconComponent),
        response: { 200: answer(ComponentSchema, 'The component without its custom icon (guide 5.2)', EXAMPLES.customIconDeleted), ...errorResponses(idErrors('component', 'Component')) },
      },
    },
    async (request) => setIcon(request.params.id, null),
  );

  /** The ids of a membership route, checked (400 format); the operation gives the 404s. */
  const membership = (params: { id: string; cid: string }) => [checkId(params.id, 'group'), checkId(params.cid, 'component')] as const;

  app.post(
    '/group/:id/component/:cid',
    {
      schema: {
        ...docs(TAG, 'addComponentToGroup', 'Add a component to a group', '6.3.9', '309 when the component is already in a group, this one or another.'),
        params: MembershipParams,
        response: {
          200: EmptySchema,
          309: errorAnswer('The component is already in a group', errors.alreadyGrouped(IDS.ungroupedComponent).message),
          ...errorResponses({ badRequest: MESSAGES.badId('group'), notFound: MESSAGES.notFound('Group') }),
        },
      },
    },
    async (request, reply) => {
      addComponent(ctx, ...membership(request.params));
      return reply.send();
    },
  );

  app.delete(
    '/group/:id/component/:cid',
    {
      schema: {
        ...docs(TAG, 'removeComponentFromGroup', 'Remove a component from a group', '6.3.10', '400 when the component is not in that group.'),
        params: MembershipParams,
        response: {
          200: EmptySchema,
          ...errorResponses({ badRequest: errors.notInGroup(IDS.ungroupedComponent, IDS.group).message, notFound: MESSAGES.notFound('Group') }),
        },
      },
    },
    async (request, reply) => {
      removeComponent(ctx, ...membership(request.params));
      return reply.send();
    },
  );

  // guide 6.3.14: remove-* take a JSON array of component ids, purge-* act on every component.
  const removals = [
    ['tags', 'Tags'],
    ['variables', 'Variables'],
    ['vulns', 'Vulnerabilities'],
  ] as const;
  for (const [what, name] of removals) {
    app.delete(
      `/component/remove-${what}`,
      {
        schema: {
          ...docs(TAG, `remove${name}`, `Remove the ${what} of components`, '6.3.14', 'Unknown ids: 404 naming them, and nothing is removed.'),
          body: ComponentIdsBody,
          response: {
            200: EmptySchema,
            ...errorResponses({ badRequest: 'Invalid body field "0": must be a UUID', notFound: errors.unknownComponents([UNKNOWN_ID], 404).message }),
          },
        },
      },
      async (request, reply) => {
        clearComponentData(store, what, request.body);
        return reply.send();
      },
    );
    app.delete(
      `/component/purge-${what}`,
      {
        schema: {
          ...docs(TAG, `purge${name}`, `Remove the ${what} of all components`, '6.3.14'),
          response: { 200: EmptySchema, ...errorResponses({ badRequest: MESSAGES.badJson }) },
        },
      },
      async (_request, reply) => {
        clearComponentData(store, what);
        return reply.send();
      },
    );
  }
};

export default plugin;
