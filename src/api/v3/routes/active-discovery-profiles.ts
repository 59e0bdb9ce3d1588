/**
 * Active discovery profiles (Cisco's "ActiveDiscovery"): GET and POST /activeDiscovery/profile,
 * GET, PATCH and DELETE /activeDiscovery/profile/{profile_id}, its lastScan, runOnce, start and
 * stop, over src/operations/active-discovery.ts. Nothing is sent on the network: runOnce and
 * start record a scan at once on the emulator's clock, which lastScan answers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import {
  activeDiscoveryErrors,
  createProfile,
  deleteProfile,
  editProfile,
  runProfileOnce,
  startProfile,
  stopProfile,
  type ProfileFields,
} from '../../../operations/active-discovery.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { ActiveDiscoveryProfileBodySchema, ActiveDiscoveryProfileSchema, ActiveDiscoveryScanConsolidatedReportSchema } from '../schemas/active-discovery.js';
import { OK, SimpleResponseSchema } from '../schemas/custom-properties.js';
import { adProfile, adScan } from '../serialize/active-discovery.js';

const EXAMPLE_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const Params = z.object({ profile_id: doc(z.string(), { description: 'profile id (uuid)', example: EXAMPLE_ID }) });
const BAD_ID = errors.badId('active discovery profile', 'x').message;
const NOT_FOUND = errors.notFound('Active discovery profile', EXAMPLE_ID).message;
const SUCCESS = doc(SimpleResponseSchema, { description: 'success', example: OK });
const EXAMPLE = { name: 'Cell 1 scan', policyId: '', sensors: [{ id: EXAMPLE_ID }], ipRanges: ['10.1.0.0/24'], ipTargets: ['10.1.1.5'] };
type Body = z.infer<typeof ActiveDiscoveryProfileBodySchema>;

const fields = (b: Body): ProfileFields => ({
  name: b.name,
  policyId: b.policyId,
  allSensorSelected: b.allSensorSelected,
  sensorIds: b.sensors?.map((s) => s.id),
  presetIds: b.presets?.map((p) => p.id),
  ipRanges: b.ipRanges,
  ipTargets: b.ipTargets,
  runOnce: b.runOnce,
  scanFrequency: b.scanFrequency,
  startTime: b.startTime,
  endTime: b.endTime,
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const ctx = { store, clock: app.clock, newId: () => app.newId() };
  const profileId = (id: string) => checkId(id, 'active discovery profile');
  const existing = (id: string) => found(store.activeDiscovery.profile(id), 'Active discovery profile', id);

  const list = operation('GET', '/activeDiscovery/profile', 'Every profile, oldest first.');
  app.get(list.url, { schema: { ...list.docs, response: { 200: doc(z.array(ActiveDiscoveryProfileSchema), { description: 'success' }), ...errorResponses() } } }, async () =>
    store.activeDiscovery.profiles().map((p) => adProfile(store, p)),
  );

  const create = operation(
    'POST',
    '/activeDiscovery/profile',
    'Creates a profile, NOT_SCHEDULED. 400 naming the field for an unknown policy, preset or sensor, or a sensor whose active discovery is off. divergence: `name` is mandatory and unique without case (409).',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: doc(ActiveDiscoveryProfileBodySchema, { example: EXAMPLE }),
        response: { 200: SUCCESS, ...errorResponses({ badRequest: activeDiscoveryErrors.field('sensors.0.id', `unknown sensor ${EXAMPLE_ID}`).message, conflict: activeDiscoveryErrors.profileNameTaken('Cell 1 scan').message }) },
      },
    },
    async (request) => {
      const b = request.body;
      if (b.name === undefined) throw activeDiscoveryErrors.field('name', 'is mandatory');
      createProfile(ctx, { ...fields(b), name: b.name });
      return OK;
    },
  );

  const get = operation('GET', '/activeDiscovery/profile/{profile_id}', 'The profile, as an array of one (Cisco types an array).');
  app.get(
    get.url,
    { schema: { ...get.docs, params: Params, response: { 200: doc(z.array(ActiveDiscoveryProfileSchema), { description: 'success' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request) => [adProfile(store, existing(profileId(request.params.profile_id)))],
  );

  const edit = operation('PATCH', '/activeDiscovery/profile/{profile_id}', 'The fields given replace, absent ones stay; a body `id` must be the path\'s.');
  app.patch(
    edit.url,
    {
      schema: {
        ...edit.docs,
        params: Params,
        body: doc(ActiveDiscoveryProfileBodySchema, { example: { ipTargets: ['10.1.1.5', '10.1.1.6'] } }),
        response: { 200: SUCCESS, ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND, conflict: activeDiscoveryErrors.profileNameTaken('Cell 1 scan').message }) },
      },
    },
    async (request) => {
      const id = profileId(request.params.profile_id);
      const bodyId = request.body.id;
      if (bodyId !== undefined && bodyId !== '' && bodyId.toLowerCase() !== id) throw errors.idMismatch(bodyId, id);
      editProfile(ctx, id, fields(request.body));
      return OK;
    },
  );

  const remove = operation('DELETE', '/activeDiscovery/profile/{profile_id}', 'Deletes the profile and its last scan.');
  app.delete(remove.url, { schema: { ...remove.docs, params: Params, response: { 200: SUCCESS, ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } }, async (request) => {
    deleteProfile(ctx, profileId(request.params.profile_id));
    return OK;
  });

  const lastScan = operation(
    'GET',
    '/activeDiscovery/profile/{profile_id}/lastScan',
    'The last scan (runOnce or start), as an array of one; [] before any. Emulated: no packet is sent, a scan completes at once: one request per sensor and enabled protocol of the policy, COMPLETED, or ERROR for a sensor whose active discovery is off (a profile without a policy, sensor or enabled protocol: an ERROR scan without requests).',
  );
  app.get(
    lastScan.url,
    {
      schema: {
        ...lastScan.docs,
        params: Params,
        response: { 200: doc(z.array(ActiveDiscoveryScanConsolidatedReportSchema), { description: 'success' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      const id = profileId(request.params.profile_id);
      existing(id);
      const scan = store.activeDiscovery.lastScan(id);
      return scan ? [adScan(scan)] : [];
    },
  );

  const actions = [
    ['runOnce', runProfileOnce, 'Records a scan now (emulated: no packet is sent); it replaces the last scan.'],
    ['start', startProfile, 'SCHEDULED, and records the first run now (emulated: no later run happens, no packet is sent); again changes nothing.'],
    ['stop', stopProfile, 'NOT_SCHEDULED; the last scan stays; again changes nothing.'],
  ] as const;
  for (const [action, run, description] of actions) {
    const op = operation('POST', `/activeDiscovery/profile/{profile_id}/${action}`, description);
    app.post(op.url, { schema: { ...op.docs, params: Params, response: { 200: SUCCESS, ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } }, async (request) => {
      run(ctx, profileId(request.params.profile_id));
      return OK;
    });
  }
};

export default plugin;
