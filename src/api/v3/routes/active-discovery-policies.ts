/**
 * Active discovery policies (Cisco's "ActiveDiscovery"): GET and POST
 * /presets/activeDiscovery/policy, GET, PUT and DELETE /presets/activeDiscovery/policy/{policy_id},
 * over src/operations/active-discovery.ts. A policy lists the protocols a profile's scans probe
 * with; `relatedProfiles` are the profiles using it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { activeDiscoveryErrors, createPolicy, deletePolicy, updatePolicy } from '../../../operations/active-discovery.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { ActiveDiscoveryPolicyBodySchema, ActiveDiscoveryPolicySchema } from '../schemas/active-discovery.js';
import { OK, SimpleResponseSchema } from '../schemas/custom-properties.js';
import { adPolicy } from '../serialize/active-discovery.js';

const EXAMPLE_ID = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const Params = z.object({ policy_id: doc(z.string(), { description: 'policy id (uuid)', example: EXAMPLE_ID }) });
const BAD_ID = errors.badId('active discovery policy', 'x').message;
const NOT_FOUND = errors.notFound('Active discovery policy', EXAMPLE_ID).message;
const TAKEN = activeDiscoveryErrors.policyNameTaken('OT probes').message;
const SUCCESS = doc(SimpleResponseSchema, { description: 'success', example: OK });
const EXAMPLE = { name: 'OT probes', broadcast: [{ protocol: 'Profinet', enabled: true }], unicast: [{ protocol: 'S7', enabled: true, parameters: '' }] };

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const ctx = { store, clock: app.clock, newId: () => app.newId() };
  const policyId = (id: string) => checkId(id, 'active discovery policy');

  const list = operation('GET', '/presets/activeDiscovery/policy', 'Every policy, oldest first.');
  app.get(list.url, { schema: { ...list.docs, response: { 200: doc(z.array(ActiveDiscoveryPolicySchema), { description: 'success' }), ...errorResponses() } } }, async () =>
    store.activeDiscovery.policies().map((p) => adPolicy(store, p)),
  );

  const create = operation(
    'POST',
    '/presets/activeDiscovery/policy',
    'Creates a policy. divergence: `name` is mandatory and unique without case (409); a bad payload is a 400 naming the field (Cisco lists neither).',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: doc(ActiveDiscoveryPolicyBodySchema, { example: EXAMPLE }),
        response: { 200: SUCCESS, ...errorResponses({ badRequest: 'Invalid body field "unicast.0.protocol": is mandatory', conflict: TAKEN }) },
      },
    },
    async (request) => {
      const { name, broadcast, unicast } = request.body;
      if (name === undefined) throw activeDiscoveryErrors.field('name', 'is mandatory');
      createPolicy(ctx, { name, broadcast, unicast });
      return OK;
    },
  );

  const get = operation('GET', '/presets/activeDiscovery/policy/{policy_id}', 'The policy. divergence: 400 for an id that is not a UUID (Cisco lists none).');
  app.get(
    get.url,
    { schema: { ...get.docs, params: Params, response: { 200: doc(ActiveDiscoveryPolicySchema, { description: 'success' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request) => {
      const id = policyId(request.params.policy_id);
      return adPolicy(store, found(store.activeDiscovery.policy(id), 'Active discovery policy', id));
    },
  );

  const update = operation('PUT', '/presets/activeDiscovery/policy/{policy_id}', 'divergence: the fields given replace, absent ones stay; a body `id` must be the path\'s.');
  app.put(
    update.url,
    {
      schema: {
        ...update.docs,
        params: Params,
        body: doc(ActiveDiscoveryPolicyBodySchema, { example: EXAMPLE }),
        response: { 200: SUCCESS, ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND, conflict: TAKEN }) },
      },
    },
    async (request) => {
      const id = policyId(request.params.policy_id);
      const { id: bodyId, name, broadcast, unicast } = request.body;
      if (bodyId !== undefined && bodyId !== '' && bodyId.toLowerCase() !== id) throw errors.idMismatch(bodyId, id);
      updatePolicy(ctx, id, { name, broadcast, unicast });
      return OK;
    },
  );

  const remove = operation('DELETE', '/presets/activeDiscovery/policy/{policy_id}', 'Deletes the policy. divergence: the profiles using it are left without a policy (`policyId` "").');
  app.delete(remove.url, { schema: { ...remove.docs, params: Params, response: { 200: SUCCESS, ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } }, async (request) => {
    deletePolicy(ctx, policyId(request.params.policy_id));
    return OK;
  });
};

export default plugin;
