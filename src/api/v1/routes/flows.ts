/** Flows (guide 6.4). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NETWORK_CATEGORIES } from '../../../domain/vocabulary.js';
import { errors } from '../../../errors.js';
import * as serialize from '../serialize.js';
import { FlowContentSchema, FlowSchema, FlowStatsSchema } from '../schemas.js';
import type { Flow } from '../../../domain/types.js';
import { EXAMPLES, IDS, answer } from '../examples.js';
import { MESSAGES, checkId, docs, errorResponses, found, idErrors, isLive, propertyFilter, sendJson, tagFilter } from '../kit.js';
import { end, generation, idParams, limit, offset, order, port, property, repeatable, scalar, start, uuid } from '../params.js';

const TAG = 'Flows';

const ListQuery = z.object({
  limit,
  offset,
  order,
  start,
  end,
  generation,
  last_seen: scalar(z.string().regex(/^\d+$/, 'must be a timestamp in ms since epoch').transform(Number).optional()).meta({
    description: 'Only flows last seen after this time, in milliseconds since the epoch.',
    example: 1436444690000,
    type: 'integer',
    minimum: 0,
    pattern: undefined,
  }),
  ip: repeatable(z.string()).meta({ description: 'Source or destination IP (repeatable: any of them).', example: ['192.168.105.241'] }),
  mac: repeatable(z.string()).meta({ description: 'Source or destination MAC (repeatable: any of them).', example: ['34:17:eb:d1:c9:97'] }),
  port: repeatable(port).meta({ description: 'Source or destination port, 0 to 65535 (repeatable: any of them).', example: [102] }),
  tag: repeatable(z.string()).meta({ description: 'Tag key or label (repeatable: each must hold).', example: ['Stop CPU'] }),
  property: repeatable(property).meta({ description: 'Property name, or name=value (repeatable: each must hold).', example: ['s7plus-programupload=explore'] }),
  properties: repeatable(property).meta({ description: 'Same as `property`.', example: ['s7plus-function'] }),
  from: scalar(uuid.optional()).meta({ description: 'Source component id (a UUID).', example: 'f523ce71-19ea-5a7b-8b1a-0670433c35ab' }),
  to: scalar(uuid.optional()).meta({ description: 'Destination component id (a UUID).', example: IDS.stationComponent }),
  component: repeatable(uuid).meta({ description: 'Source or destination component id (repeatable: any of them).', example: [IDS.stationComponent] }),
  netcat: repeatable(z.enum(NETWORK_CATEGORIES)).meta({ description: 'Network category (repeatable: any of them).', example: ['control'] }),
});

/** guide 6.4.3 names the page size `size` (mandatory) but its example sends `limit`: both work. */
const ContentQuery = z.object({
  limit: limit.optional(),
  size: limit.optional().meta({ description: 'Same as `limit`.' }),
  offset,
  order,
  start,
  end,
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const fetchFlows = (rowids: number[]) => app.store.flows.byRowids(rowids);
  const serializeFlow = (f: Flow) => serialize.flow(f, app.store.tags.labels());

  app.get(
    '/flows',
    {
      schema: {
        ...docs(TAG, 'getFlows', 'Get all flows', '6.4.1', 'Ordered by last activity; start/end bound the last activity.'),
        querystring: ListQuery,
        response: {
          200: answer(z.array(FlowSchema), 'The flows, ordered by last activity (guide 5.3)', EXAMPLES.flows),
          ...errorResponses({ badRequest: MESSAGES.limitMissing }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (!isLive(q.generation)) return [];
      const page = app.store.flows.page({
        ...q,
        lastSeenAfter: q.last_seen === undefined ? undefined : q.last_seen * 1000,
        ips: q.ip,
        macs: q.mac,
        ports: q.port,
        tags: tagFilter(app, q.tag),
        properties: propertyFilter(q.property, q.properties),
        components: q.component?.map((c) => c.toLowerCase()),
        netcats: q.netcat,
        from: q.from?.toLowerCase(),
        to: q.to?.toLowerCase(),
      });
      return sendJson(reply, app.wire.page('flow', page, fetchFlows, serializeFlow));
    },
  );

  app.get(
    '/flow/:id',
    {
      schema: {
        ...docs(TAG, 'getFlow', 'Get a flow', '6.4.2'),
        params: idParams('flow', IDS.flow),
        response: { 200: answer(FlowSchema, 'The flow (guide 5.3)', EXAMPLES.flow), ...errorResponses(idErrors('flow', 'Flow')) },
      },
    },
    async (request, reply) => {
      const id = checkId(request.params.id, 'flow');
      const rowid = found(app.store.flows.rowid(id), 'Flow', id);
      return sendJson(reply, app.wire.one('flow', rowid, fetchFlows, serializeFlow));
    },
  );

  app.get(
    '/flow/:id/content',
    {
      schema: {
        ...docs(TAG, 'getFlowContent', 'Get a flow content', '6.4.3'),
        params: idParams('flow', IDS.flow),
        querystring: ContentQuery,
        response: {
          200: answer(z.array(FlowContentSchema), 'The contents of the flow, ordered by time', EXAMPLES.flowContent),
          ...errorResponses({ badRequest: MESSAGES.limitMissing, notFound: MESSAGES.notFound('Flow') }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'flow');
      const q = request.query;
      const pageSize = q.limit ?? q.size;
      if (pageSize === undefined) throw errors.badRequest('Invalid query parameter "limit": is mandatory');
      const rowid = found(app.store.flows.rowid(id), 'Flow', id);
      return app.store.flows.contents(rowid, { ...q, limit: pageSize }).map(serialize.flowContent);
    },
  );

  app.get(
    '/flow/:id/stats',
    {
      schema: {
        ...docs(TAG, 'getFlowStats', 'Get a flow statistics', '6.4.4'),
        params: idParams('flow', IDS.flow),
        response: {
          200: answer(z.array(FlowStatsSchema), 'The statistics of the flow, one entry per direction (guide 5.3.1)', EXAMPLES.flowStats),
          ...errorResponses(idErrors('flow', 'Flow')),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'flow');
      const rowid = found(app.store.flows.rowid(id), 'Flow', id);
      return app.store.flows.stats(rowid, id).map(serialize.flowStats);
    },
  );
};

export default plugin;
