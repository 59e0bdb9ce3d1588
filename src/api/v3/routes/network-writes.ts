/**
 * Custom networks (Cisco's "CustomNetwork"), written: POST, PUT and DELETE /networks/ and POST
 * /networks/check, on src/operations/networks.ts. Bodies are arrays (clients.md 1.2 #38, #39:
 * CDN posts an array and deletes with a JSON array of ids in the body, on `/networks`, which the
 * router answers as `/networks/`). GET /networks/ reads the result at once. Cisco answers the
 * writes with an empty string.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { checkNetworks, createNetworks, deleteNetworks, updateNetworks } from '../../../operations/networks.js';
import { errorResponses, operation } from '../kit.js';
import { scalar } from '../../params.js';
import { doc } from '../registry.js';
import {
  CheckCustomNetworkResultSchema,
  CheckNetworksBody,
  CreateNetworksBody,
  DeleteNetworksBody,
  UpdateNetworksBody,
} from '../schemas/network-payload.js';

const EXAMPLE_ID = '86bc937a-19cf-5f0a-9b28-1f9a8347590e';
const EXAMPLE = { name: 'OT Network-1', type: 'OT Internal', ipRange: '10.0.0.0/8', vlanId: 1, duplicated: false, splitDevicesPerSensor: false };
const EMPTY = doc(z.literal(''), { description: 'success response (empty response)', example: '' });
const BAD_RANGE = 'Invalid body field "0.ipRange": must be a network in CIDR form, e.g. 10.0.0.0/8';
const NOT_FOUND = errors.notFound('Custom network', EXAMPLE_ID).message;
const OVERLAP_RULE =
  'Ranges must not overlap (the body\'s and the stored ones) unless their `vlanId` differs or both are `duplicated` (divergence: Cisco states no rule). One wrong item is a 400 naming it by index, and nothing is written.';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, newId: () => app.newId() };

  const create = operation('POST', '/networks/', `Creates the networks given, in order. ${OVERLAP_RULE}`);
  app.post(
    create.url,
    { schema: { ...create.docs, body: doc(CreateNetworksBody, { example: [EXAMPLE] }), response: { 200: EMPTY, ...errorResponses({ badRequest: BAD_RANGE }) } } },
    async (request) => {
      createNetworks(ctx, request.body);
      return '' as const;
    },
  );

  const update = operation('PUT', '/networks/', `Updates networks by \`id\`: the fields given replace theirs, absent ones stay. ${OVERLAP_RULE}`);
  app.put(
    update.url,
    {
      schema: {
        ...update.docs,
        body: doc(UpdateNetworksBody, { example: [{ id: EXAMPLE_ID, ...EXAMPLE }] }),
        response: { 200: EMPTY, ...errorResponses({ badRequest: BAD_RANGE, notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      updateNetworks(ctx, request.body.map((n) => ({ ...n, id: n.id.toLowerCase() })));
      return '' as const;
    },
  );

  const remove = operation('DELETE', '/networks/', 'Deletes the networks whose ids the body lists (a JSON array). An unknown id is a 404, and none is deleted. `/networks` answers the same.');
  app.delete(
    remove.url,
    {
      schema: {
        ...remove.docs,
        body: doc(DeleteNetworksBody, { example: [EXAMPLE_ID] }),
        response: { 200: EMPTY, ...errorResponses({ badRequest: 'Invalid body: must be a JSON array of custom network ids', notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      deleteNetworks(ctx, request.body.map((id) => id.toLowerCase()));
      return '' as const;
    },
  );

  const check = operation(
    'POST',
    '/networks/check',
    'Checks networks as POST (isCreate=true) or PUT /networks/ (isCreate=false) would, and writes nothing. divergence: without isCreate, a creation is checked. ' +
      'It answers what they would take away: the components in an External range, and the external communications whose external end falls in an internal range.',
  );
  app.post(
    check.url,
    {
      schema: {
        ...check.docs,
        querystring: z.object({ isCreate: scalar(z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).optional()) }),
        body: doc(CheckNetworksBody, { example: [EXAMPLE] }),
        response: { 200: doc(CheckCustomNetworkResultSchema, { description: 'success', example: { nbCmpToRemove: 0, nbExternalCommToRemove: 2 } }), ...errorResponses({ badRequest: BAD_RANGE, notFound: NOT_FOUND }) },
      },
    },
    async (request) => checkNetworks(ctx, request.body.map((n) => ({ ...n, id: n.id?.toLowerCase() })), request.query.isCreate !== 'false'),
  );
};

export default plugin;
