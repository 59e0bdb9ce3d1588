/** Components (guide 6.3): read routes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as serialize from '../serialize.js';
import { ComponentSchema, FlowSchema, VariableSchema } from '../schemas.js';
import type { Component } from '../../../domain/types.js';
import { EXAMPLES, IDS, answer } from '../examples.js';
import { MESSAGES, checkId, docs, errorResponses, found, idErrors, isLive, propertyFilter, sendJson, tagFilter } from '../kit.js';
import { end, generation, idParams, limit, network, offset, order, property, repeatable, start } from '../params.js';

const TAG = 'Components';

const ListQuery = z.object({
  limit,
  offset,
  order,
  start,
  end,
  network,
  ip: repeatable(z.string()).meta({ description: 'IP address (repeatable: any of them).', example: ['192.168.105.130'] }),
  mac: repeatable(z.string()).meta({ description: 'MAC address (repeatable: any of them).', example: ['28:63:36:82:28:96'] }),
  vendor: repeatable(z.string()).meta({ description: 'Vendor name as GET /vendor lists it (repeatable: any of them).', example: ['Siemens AG - Industrial Automation - EWA'] }),
  tag: repeatable(z.string()).meta({ description: 'Tag key or label (repeatable: each must hold).', example: ['PLC'] }),
  property: repeatable(property).meta({
    description: 'Property name, or name=value (repeatable: each must hold).',
    example: ['s7plus-modulever=V4.0', 's7plus-moduleref'],
  }),
  generation,
});

const FlowQuery = z.object({ limit, offset, order, start, end });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const fetchComponents = (rowids: number[]) => app.store.components.byRowids(rowids);
  const serializeComponent = (c: Component) => serialize.component(c, app.store.tags.labels());

  app.get(
    '/component',
    {
      schema: {
        ...docs(TAG, 'getComponents', 'Get all components', '6.3.1', 'Ordered by last active time.'),
        querystring: ListQuery,
        response: {
          200: answer(z.array(ComponentSchema), 'The components, ordered by last active time (guide 5.2)', EXAMPLES.components),
          ...errorResponses({ badRequest: MESSAGES.limitMissing }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (!isLive(q.generation)) return [];
      const page = app.store.components.page({
        ...q,
        ips: q.ip,
        macs: q.mac,
        vendors: q.vendor,
        tags: tagFilter(app, q.tag),
        properties: propertyFilter(q.property),
      });
      return sendJson(reply, app.wire.page('component', page, fetchComponents, serializeComponent));
    },
  );

  app.get(
    '/component/:id',
    {
      schema: {
        ...docs(TAG, 'getComponent', 'Get a component', '6.3.2'),
        params: idParams('component', IDS.stationComponent),
        response: { 200: answer(ComponentSchema, 'The component (guide 5.2)', EXAMPLES.component), ...errorResponses(idErrors('component', 'Component')) },
      },
    },
    async (request, reply) => {
      const id = checkId(request.params.id, 'component');
      const rowid = found(app.store.components.rowid(id), 'Component', id);
      return sendJson(reply, app.wire.one('component', rowid, fetchComponents, serializeComponent));
    },
  );

  app.get(
    '/component/:id/flow',
    {
      schema: {
        ...docs(TAG, 'getComponentFlows', 'Get a component flows', '6.3.11', 'Filtered and ordered on the last activity of the flow.'),
        params: idParams('component', IDS.stationComponent),
        querystring: FlowQuery,
        response: {
          200: answer(z.array(FlowSchema), 'The flows of the component (guide 5.3)', EXAMPLES.componentFlows),
          ...errorResponses(idErrors('component', 'Component')),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'component');
      const rowid = found(app.store.components.rowid(id), 'Component', id);
      const labels = app.store.tags.labels();
      return app.store.flows.ofComponent(rowid, request.query).map((f) => serialize.flow(f, labels));
    },
  );

  app.get(
    '/component/:id/variables',
    {
      schema: {
        ...docs(TAG, 'getComponentVariables', 'Get a component variables', '6.3.12'),
        params: idParams('component', IDS.variablesComponent),
        querystring: z.object({ generation }),
        response: {
          200: answer(z.array(VariableSchema), 'The variables the component holds (guide 5.6)', EXAMPLES.componentVariables),
          ...errorResponses(idErrors('component', 'Component')),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'component');
      const rowid = found(app.store.components.rowid(id), 'Component', id);
      if (!isLive(request.query.generation)) return [];
      return app.store.variables.ofComponent(rowid).map(serialize.variable);
    },
  );

  app.get(
    '/vendor',
    {
      schema: {
        ...docs(TAG, 'getVendors', 'Get vendor names', '6.3.13'),
        response: { 200: answer(z.array(z.string()), 'The vendor names, sorted without regard to case or punctuation', EXAMPLES.vendors), ...errorResponses() },
      },
    },
    async () => app.store.components.vendors(),
  );
};

export default plugin;
