/**
 * Custom networks (Cisco's "CustomNetwork"), read. Cisco declares the path with a trailing slash
 * only (README quirk 6); clients also call `/networks` (clients.md row 25), which the router
 * answers the same (it ignores a trailing slash).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { CustomNetworkSchema } from '../schemas/networks.js';
import { customNetwork } from '../serialize/networks.js';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { url, docs } = operation('GET', '/networks/', 'Every custom network, oldest first (no parameters, no paging). `/networks` answers the same.');
  app.get(
    url,
    { schema: { ...docs, response: { 200: doc(z.array(CustomNetworkSchema), { description: 'Custom networks settings list' }), ...errorResponses() } } },
    async () => app.store.customNetworks.list().map(customNetwork),
  );
};

export default plugin;
