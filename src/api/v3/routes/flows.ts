/**
 * Flows (Cisco's "Flows"): the list, and one flow. SFE and GVE1 call GET /flows with `from` and
 * `to` in ms (clients.md row 27): the flows whose activity overlaps that window.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FLOW_FIELDS } from '../../../domain/list-fields.js';
import { checkId, found } from '../../kit.js';
import { format, sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { listParams, windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { FlowDetailSchema, FlowSchema } from '../schemas/flows.js';
import { flow, flowDetail } from '../serialize/flows.js';

const ListQuery = z.object({ format, ...listParams(FLOW_FIELDS), ...windowParams });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const list = operation('GET', '/flows', 'Without `page` and `size`, every flow (streamed); `from`/`to` keep the flows active in that window.');
  app.get(
    list.url,
    {
      schema: {
        ...list.docs,
        querystring: ListQuery,
        response: { 200: doc(z.array(FlowSchema), { description: 'The flows' }), ...errorResponses({ badRequest: 'Invalid query parameter "from": must be an integer' }) },
      },
    },
    async (request, reply) => {
      const req = listRequest(request.query);
      const l = app.lookups();
      return sendList(reply, req, { rows: app.store.flowViews.list(req), serialize: (v) => flow(v, l) }, request.query.format);
    },
  );

  const one = operation('GET', '/flows/{id}');
  app.get(
    one.url,
    {
      schema: {
        ...one.docs,
        params: z.object({ id: doc(z.string(), { description: 'The flow id (a UUID).' }) }),
        response: {
          200: FlowDetailSchema,
          ...errorResponses({ badRequest: 'Invalid flow id: "x" is not a UUID', notFound: 'Flow not found: 00000000-0000-4000-8000-000000000000' }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'flow');
      return flowDetail(found(app.store.flowViews.get(id), 'Flow', id), app.store.settings.get('center.id') ?? '', app.lookups());
    },
  );
};

export default plugin;
