/** Icons (guide 6.3.5, 6.3.6). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as serialize from '../serialize.js';
import { IconSchema, IconSummarySchema } from '../schemas.js';
import { docs, errorResponses, found } from '../kit.js';

const TAG = 'Components';

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/icon',
    {
      schema: {
        ...docs(TAG, 'getIcons', 'Get a list of allowed icons', '6.3.5'),
        response: { 200: z.array(IconSummarySchema), ...errorResponses(false) },
      },
    },
    async () => app.store.icons.list(),
  );

  app.get(
    '/icon/:key',
    {
      schema: {
        ...docs(TAG, 'getIcon', 'Get icon content', '6.3.6', 'The image is base64.'),
        params: z.object({ key: z.string().meta({ example: 'netgear' }) }),
        response: { 200: IconSchema, ...errorResponses(true) },
      },
    },
    async (request) => serialize.icon(found(app.store.icons.get(request.params.key), 'Icon', request.params.key)),
  );
};

export default plugin;
