/**
 * Cisco's dashboard widget cache (Cisco's "Dashboard"): POST /dashboard/ping ("increase the
 * refresh priority of the cached data used by all widgets") and POST /dashboard/{widget_id}/refresh
 * ("Refresh widget data"). Both answer an empty 200 (Cisco: "successful (empty response)").
 * The emulator caches no widget: every widget (./dashboard-widgets.ts, ./risk-score-counts.ts,
 * ./vulnerability-dashboard.ts) is computed from the world at each request, so there is nothing
 * to refresh; the widget id is still checked against Cisco's list (400 naming `widget_id`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';

/** Cisco's "authorized values" of widget_id, in its order. */
export const WIDGET_IDS = ['latestEventsBySeverities', 'latestEventByCategory', 'vulnerableDevices', 'topTalkers', 'protocolDistribution', 'riskScore'] as const;

const WIDGET_ERROR = `must be one of ${WIDGET_IDS.map((w) => `'${w}'`).join(', ')}`;
const Params = z.object({
  widget_id: doc(z.enum(WIDGET_IDS, { error: WIDGET_ERROR }), { description: `id of the widget to refresh: ${WIDGET_IDS.join(', ')}` }),
});
const Empty = doc(z.string(), { description: 'successful (empty response)', example: '' });
// divergence: widgets are not cached (computed at each request), so a ping or a refresh changes nothing.
const NOTE = 'The emulator caches no widget (each is computed from the world at each request): this changes nothing and answers an empty 200.';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ping = operation('POST', '/dashboard/ping', NOTE);
  app.post(ping.url, { schema: { ...ping.docs, response: { 200: Empty, ...errorResponses({}) } } }, async (_request, reply) => reply.send());

  const refresh = operation('POST', '/dashboard/{widget_id}/refresh', `Checks \`widget_id\` against Cisco's list (400 otherwise). ${NOTE}`);
  app.post(
    refresh.url,
    { schema: { ...refresh.docs, params: Params, response: { 200: Empty, ...errorResponses({ badRequest: `Invalid path parameter "widget_id": ${WIDGET_ERROR}` }) } } },
    async (_request, reply) => reply.send(),
  );
};

export default plugin;
