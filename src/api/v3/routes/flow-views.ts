/**
 * What Cisco's "Flows" shows of one flow beside GET /flows/{id}: its contents, counted
 * (GET /flows/{id}/flowContents), and its properties (GET /flows/{id}/properties).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { msFromMicros } from '../../../domain/time.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { FlowContentsSchema, FlowPropertiesSchema } from '../schemas/flows.js';

const Params = z.object({ id: doc(z.string(), { description: 'flow id (uuid)' }) });
// divergence: Cisco documents no 400 for these; a malformed id answers it, as everywhere in 3.0.
const failures = errorResponses({ badRequest: 'Invalid flow id: "x" is not a UUID', notFound: 'Flow not found: 00000000-0000-4000-8000-000000000000' });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const contents = operation(
    'GET',
    '/flows/{id}/flowContents',
    "Each property and value the flow's contents carried (the records of API 1.0's GET /flow/{id}/content), with how many of them carried it; by property, then value.",
  );
  app.get(
    contents.url,
    { schema: { ...contents.docs, params: Params, response: { 200: doc(FlowContentsSchema, { description: 'object successful' }), ...failures } } },
    async (request) => {
      const id = checkId(request.params.id, 'flow');
      return app.store.flowViews.contentValues(found(app.store.flows.rowid(id), 'Flow', id));
    },
  );

  const properties = operation(
    'GET',
    '/flows/{id}/properties',
    "The flow's properties, those GET /flows/{id} lists, by key. divergence: the emulator keeps one value per property of a flow, so `count` is 1 and `first_seen`, `last_seen` are the flow's first and last activity.",
  );
  app.get(
    properties.url,
    { schema: { ...properties.docs, params: Params, response: { 200: doc(FlowPropertiesSchema, { description: 'object successful' }), ...failures } } },
    async (request) => {
      const id = checkId(request.params.id, 'flow');
      const flow = found(app.store.flows.get(id), 'Flow', id);
      return Object.keys(flow.properties)
        .sort()
        .map((property) => ({ property, value: flow.properties[property] ?? '', count: 1, first_seen: msFromMicros(flow.firstSeen), last_seen: msFromMicros(flow.lastSeen) }));
    },
  );
};

export default plugin;
