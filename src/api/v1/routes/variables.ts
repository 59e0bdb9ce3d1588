/** Variables (guide 6.7). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as serialize from '../serialize.js';
import { VariableSchema } from '../schemas.js';
import { EXAMPLES, answer } from '../examples.js';
import { MESSAGES, docs, errorResponses } from '../kit.js';
import { limit, offset, order } from '../params.js';

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/variables',
    {
      schema: {
        ...docs('Variables', 'getVariables', 'Get all variables', '6.7.1', 'A page of variables, indexed by the id of the component that holds them.'),
        querystring: z.object({ limit, offset, order }),
        response: {
          200: answer(z.record(z.string(), z.array(VariableSchema)), 'The variables, keyed by the id of the component that holds them (guide 5.6)', EXAMPLES.variables),
          ...errorResponses({ badRequest: MESSAGES.limitMissing }),
        },
      },
    },
    async (request) => {
      const byComponent: Record<string, unknown[]> = {};
      for (const v of app.store.variables.list(request.query)) (byComponent[v.componentId] ??= []).push(serialize.variable(v));
      return byComponent;
    },
  );
};

export default plugin;
