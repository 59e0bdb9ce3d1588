/** Groups (guide 6.5): read routes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as serialize from '../serialize.js';
import { GroupSchema } from '../schemas.js';
import { checkId, docs, errorResponses, found } from '../kit.js';
import { idParams } from '../params.js';

const TAG = 'Groups';

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/group',
    {
      schema: {
        ...docs(TAG, 'getGroups', 'Get all groups', '6.5.1', 'Each group comes with its components.'),
        response: { 200: z.array(GroupSchema), ...errorResponses(false) },
      },
    },
    async () => {
      const labels = app.store.tags.labels();
      return app.store.groups.list().map((g) => serialize.group(g, labels));
    },
  );

  app.get(
    '/group/:id',
    {
      schema: {
        ...docs(TAG, 'getGroup', 'Get a group', '6.5.2'),
        params: idParams,
        response: { 200: GroupSchema, ...errorResponses(true) },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'group');
      return serialize.group(found(app.store.groups.get(id), 'Group', id), app.store.tags.labels());
    },
  );
};

export default plugin;
