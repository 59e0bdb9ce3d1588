/**
 * Components (Cisco's "Components"), written: PATCH /components/{id}, which sets or unsets the
 * component's group through the operations 1.0's POST and DELETE /group/{id}/component/{cid}
 * use (src/operations/groups.ts). Answers the component as GET /components/{id} shows it
 * (Cisco: "updated component", a Components: an array of one).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { setComponentGroup } from '../../../operations/groups.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { PatchComponentBodySchema } from '../schemas/component-payload.js';
import { ComponentSchema } from '../schemas/components.js';
import { componentDetail } from '../serialize/components.js';

const EXAMPLE_ID = '0b3c8a2e-5d4f-5e6a-9b1c-2d3e4f5a6b7c';
const IdParams = z.object({ id: doc(z.string(), { description: 'The component id (a UUID)', example: EXAMPLE_ID }) });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };

  const patch = operation(
    'PATCH',
    '/components/{id}',
    'Puts the component in a group (`{"op": "set", "path": "/group", "value": [groupId]}`), or in none (`"value": []`). Another op or path is a 403 (Cisco: "the \\"op\\" - \\"Path\\" association is not allowed"). divergence: setting another group while the component is in one moves it (1.0 answers 309 to adding it). The devices of both groups are scored again.',
  );
  app.patch(
    patch.url,
    {
      schema: {
        ...patch.docs,
        params: IdParams,
        body: PatchComponentBodySchema,
        response: {
          200: doc(z.array(ComponentSchema), { description: 'The component, in an array, as GET /components/{id} shows it' }),
          ...errorResponses({
            badRequest: 'Invalid body field "0.value": must hold one group id or none',
            forbidden: errors.patchNotAllowed('add', '/group').message,
            notFound: errors.notFound('Group', 'cbcbed07-1ed4-4fa6-817c-f3c1702fd187').message,
          }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'component');
      const [o] = request.body;
      if (o === undefined || o.op !== 'set' || o.path !== '/group') throw errors.patchNotAllowed(o?.op ?? '', o?.path ?? '');
      setComponentGroup(ctx, id, o.value[0]?.toLowerCase() ?? null);
      return [componentDetail(found(app.store.componentViews.get(id), 'Component', id), app.lookups())];
    },
  );
};

export default plugin;
