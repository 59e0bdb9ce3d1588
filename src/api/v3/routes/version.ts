/** GET /version (Cisco's "Misc"): the product version the Center reports. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CENTER_VERSION } from '../../../domain/center.js';
import { errorResponses, operation } from '../kit.js';
import { doc, named } from '../registry.js';

const int = z.number().int();
const VersionSchema = named('Version', z.object({ major: int, minor: int, incr: int, build: int }), 'The Cyber Vision version of the Center.');

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { url, docs } = operation('GET', '/version', 'Clients branch on `major` and `minor` (5.5: the release of Cisco\'s document).');
  app.get(url, { schema: { ...docs, response: { 200: doc(VersionSchema, { description: 'The version', examples: [CENTER_VERSION] }), ...errorResponses() } } }, async () => CENTER_VERSION);
};

export default plugin;
