/** Icons (guide 6.3.5, 6.3.6). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as serialize from '../serialize.js';
import { IconSchema, IconSummarySchema } from '../schemas.js';
import { EXAMPLES, answer } from '../examples.js';
import { MESSAGES, docs, errorResponses, found } from '../kit.js';

const TAG = 'Components';

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/icon',
    {
      schema: {
        ...docs(TAG, 'getIcons', 'Get a list of allowed icons', '6.3.5'),
        response: { 200: answer(z.array(IconSummarySchema), 'The icons a component can be given', EXAMPLES.icons), ...errorResponses() },
      },
    },
    async () => app.store.icons.list(),
  );

  app.get(
    '/icon/:key',
    {
      schema: {
        ...docs(TAG, 'getIcon', 'Get icon content', '6.3.6', 'The image is base64.'),
        params: z.object({ key: z.string().meta({ description: 'An icon key, as GET /icon lists them.', example: 'netgear' }) }),
        response: { 200: answer(IconSchema, 'The icon, its image in base64', EXAMPLES.icon), ...errorResponses({ notFound: MESSAGES.notFound('Icon', 'nosuchicon') }) },
      },
    },
    async (request) => serialize.icon(found(app.store.icons.get(request.params.key), 'Icon', request.params.key)),
  );
};

export default plugin;
