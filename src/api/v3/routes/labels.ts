/**
 * The user's name for a component or a device (Cisco's "CustomProperties": postCustomName,
 * deleteCustomName; clients.md 1.2 #35: CDN and PA send {"name": …} and check for 200). A
 * component's is its 1.0 custom name; either shows as `customLabel` and `label` from the next read
 * on (/components, /devices, the preset lists, /api/1.0/component).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { createLabelOperations } from '../../../operations/labels.js';
import { checkId } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { CustomNameBodySchema, OK, SimpleResponseSchema } from '../schemas/custom-properties.js';

const Params = z.object({
  object: z.enum(['components', 'devices'], { error: "must be 'components' or 'devices'" }),
  id: doc(z.string(), { description: 'The component or device id (a UUID).', example: '3c3b2b5c-0a8b-5f3e-9a6d-1f0c8a9e4b21' }),
});
const kindOf = (object: 'components' | 'devices') => (object === 'components' ? 'component' : 'device');

const ERRORS = errorResponses({
  badRequest: 'Invalid body field "name": must be a string',
  notFound: errors.notFound('Device', '00000000-0000-4000-8000-000000000000').message,
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const labels = createLabelOperations(app.store);

  const set = operation(
    'POST',
    '/{object}/{id}/label',
    'Sets the custom name (trimmed). divergence: Cisco\'s document does not say what an empty name does; an empty or blank one removes the custom name, as DELETE does.',
  );
  app.post(
    set.url,
    {
      schema: {
        ...set.docs,
        params: Params,
        body: doc(CustomNameBodySchema, { example: { name: 'PLC room 214' } }),
        response: { 200: doc(SimpleResponseSchema, { description: 'custom name successfully added', example: OK }), ...ERRORS },
      },
    },
    async (request) => {
      const kind = kindOf(request.params.object);
      const name = request.body.name;
      labels.set(kind, checkId(request.params.id, kind), name === '' ? null : name);
      return OK;
    },
  );

  const remove = operation(
    'DELETE',
    '/{object}/{id}/label',
    "Removes the custom name: `label` is the original one again. divergence: Cisco's document lists no 404 here; an unknown object is one, as on POST.",
  );
  app.delete(
    remove.url,
    {
      schema: {
        ...remove.docs,
        params: Params,
        response: { 200: doc(SimpleResponseSchema, { description: 'custom name successfully deleted', example: OK }), ...ERRORS },
      },
    },
    async (request) => {
      const kind = kindOf(request.params.object);
      labels.set(kind, checkId(request.params.id, kind), null);
      return OK;
    },
  );
};

export default plugin;
