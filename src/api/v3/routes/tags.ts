/**
 * The tag catalogue (Cisco's "Tags", GET /tags): the Knowledge DB's tags and the ones created
 * through /api/1.0/analyzer/tag, by key. Cisco: no parameters, no paging (the sample lists all 442).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { DetailedTagsSchema } from '../schemas/tags.js';
import { detailedTag } from '../serialize/tags.js';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { url, docs } = operation('GET', '/tags', 'Every tag of the catalogue, by key: the Knowledge DB and the tags created through API 1.0.');
  app.get(
    url,
    { schema: { ...docs, response: { 200: doc(DetailedTagsSchema, { description: 'The tags' }), ...errorResponses() } } },
    async () => app.store.tags.list().map(detailedTag),
  );
};

export default plugin;
