/** Tags and analyzer rules (guide 6.8): read routes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as serialize from '../serialize.js';
import { PortRuleSchema, PropertyRuleSchema, TagSchema, TagSummarySchema } from '../schemas.js';
import { checkId, docs, errorResponses, found } from '../kit.js';
import { idParams } from '../params.js';

const TAG = 'Tags and analyzer rules';

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tags',
    {
      schema: {
        ...docs(TAG, 'getTags', 'Get all tags', '6.8.1.1', 'Knowledge DB tags and the ones added through the API.'),
        response: { 200: z.array(TagSummarySchema), ...errorResponses(false) },
      },
    },
    async () => app.store.tags.list().map(serialize.tagSummary),
  );

  app.get(
    '/analyzer/tag/:tag',
    {
      schema: {
        ...docs(TAG, 'getTag', 'Get a custom tag', '6.8.1.2'),
        params: z.object({ tag: z.string().meta({ example: 'WEB' }) }),
        response: { 200: TagSchema, ...errorResponses(true) },
      },
    },
    async (request) => serialize.tagDetail(found(app.store.tags.get(request.params.tag), 'Tag', request.params.tag)),
  );

  app.get(
    '/analyzer/property/rule',
    {
      schema: {
        ...docs(TAG, 'getPropertyRules', 'Get all property analyzer rules', '6.8.2.1'),
        response: { 200: z.array(PropertyRuleSchema), ...errorResponses(false) },
      },
    },
    async () => app.store.propertyRules.list(),
  );

  app.get(
    '/analyzer/property/rule/:id',
    {
      schema: {
        ...docs(TAG, 'getPropertyRule', 'Get a property analyzer rule', '6.8.2.2'),
        params: idParams,
        response: { 200: PropertyRuleSchema, ...errorResponses(true) },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'rule');
      return found(app.store.propertyRules.get(id), 'Property rule', id);
    },
  );

  app.get(
    '/analyzer/port/rule',
    {
      schema: {
        ...docs(TAG, 'getPortRules', 'Get all port analyzer rules', '6.8.3.1'),
        response: { 200: z.array(PortRuleSchema), ...errorResponses(false) },
      },
    },
    async () => app.store.portRules.list(),
  );

  app.get(
    '/analyzer/port/rule/:id',
    {
      schema: {
        ...docs(TAG, 'getPortRule', 'Get a port analyzer rule', '6.8.3.2'),
        params: idParams,
        response: { 200: PortRuleSchema, ...errorResponses(true) },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'rule');
      return found(app.store.portRules.get(id), 'Port rule', id);
    },
  );
};

export default plugin;
