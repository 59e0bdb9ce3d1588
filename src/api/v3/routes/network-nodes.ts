/**
 * GET /presets/{preset_id}/visualisations/networknode-list (Cisco's "Presets") and its preview,
 * POST /presets/preview/visualisations/networknode-list (Cisco's "Devices": a PresetPayload not
 * saved, answered as the GET answers once it is saved): the network nodes of a preset, every
 * device and every component that belongs to none (`isDevice` tells them apart), within the
 * preset's scope (src/store/network-node-list.ts: a device is in scope
 * when one of its components is).
 *
 * clients.md: CDN and UZ call it without paging (every node, streamed); wallix pages with
 * size=100 until a short page and asks `fields=id,isDevice,originalLabel`. README quirk 1: an
 * array, though the document types one NetworkNodes; quirk 15: Cisco caches it, the emulator
 * answers the world as it is.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NETWORK_NODE_FIELDS } from '../../../domain/devices.js';
import { scalar } from '../../params.js';
import { format, sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { filterParam, listRequest, millis, page, size, sortParam } from '../params.js';
import { PREVIEW_ERRORS, type ScopedPreset, presetOf, previewOf, scopeOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { OptionalPresetPreviewPayloadSchema } from '../schemas/preset-payload.js';
import { NetworkNodeSchema } from '../schemas/devices.js';
import { networkNode, pick } from '../serialize/network-nodes.js';

const NODE_FIELDS = Object.keys(NetworkNodeSchema.shape);

/** Cisco: "comma separated list of fields to fetch"; a field the node does not have is a 400 naming it. */
const fields = scalar(
  z
    .string()
    .transform((s, ctx) => {
      const list = [...new Set(s.split(',').map((f) => f.trim()).filter((f) => f !== ''))];
      const unknown = list.filter((f) => !NODE_FIELDS.includes(f));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')}: fields are ${NODE_FIELDS.join(', ')}` });
        return z.NEVER;
      }
      return list.length > 0 ? list : undefined;
    })
    .optional(),
);

const Query = z.object({
  from: millis,
  to: millis,
  page,
  size,
  format,
  fields,
  sort: sortParam(NETWORK_NODE_FIELDS),
  filter: filterParam(NETWORK_NODE_FIELDS),
});
const Answer = doc(z.array(NetworkNodeSchema), { description: 'The network nodes, by id unless sorted' });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  /** The network nodes of a scoped preset, saved or previewed. */
  const nodeList = (preset: ScopedPreset, q: z.infer<typeof Query>, reply: FastifyReply) => {
    const l = app.lookups();
    const req = listRequest(q);
    const ctx = { networks: store.customNetworks.list() };
    return sendList(reply, req, { rows: store.networkNodes.list(scopeOf(app, preset), req), serialize: (n) => pick(networkNode(n, ctx, l), q.fields) }, q.format);
  };

  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/networknode-list',
      'Every node of the preset without `page` and `size`; `page` from 1, a page past the end is []. `fields` keeps only the fields named. `from`/`to` (ms) keep the nodes active between them. A component without a device has riskScore 0.',
    );
    app.get(
      url,
      {
        schema: {
          ...docs,
          params: z.object({ preset_id: z.string() }),
          querystring: Query,
          response: {
            200: Answer,
            ...errorResponses({ badRequest: 'Invalid query parameter "fields": unknown field "x"', notFound: 'Preset not found: 00000000-0000-4000-8000-000000000000' }),
          },
        },
      },
      async (request, reply) => nodeList(presetOf(app, request.params.preset_id), request.query, reply),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/networknode-list',
      'The network nodes of a preset with this payload: what GET /presets/{preset_id}/visualisations/networknode-list answers once the payload is saved by POST /presets. Nothing is stored. Cisco does not require the body: without one, every node.',
    );
    app.post(
      url,
      { schema: { ...docs, body: OptionalPresetPreviewPayloadSchema, querystring: Query, response: { 200: Answer, ...errorResponses(PREVIEW_ERRORS) } } },
      async (request, reply) => nodeList(previewOf(app, request.body), request.query, reply),
    );
  }
};

export default plugin;
