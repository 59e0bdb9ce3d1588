/**
 * Deployments (Cisco's "Deployments"): GET and POST /deployments, PUT and DELETE
 * /deployments/{key_id}, POST /deployments/jwt and /deployments/jwt/detailed, on
 * src/operations/deployments.ts. Ansible creates a deployment and has a JWT signed for each
 * sensor serial (clients.md 1.2 #43). The JWTs are HS256, signed with a key the Center keeps.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import {
  createDeployment,
  deleteDeployment,
  deploymentErrors,
  generateDetailedJwt,
  generateJwts,
  updateDeployment,
} from '../../../operations/deployments.js';
import { checkId } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import {
  DeploymentJWTParamsSchema,
  DeploymentJWTsSchema,
  DeploymentKeyParamsSchema,
  DeploymentKeyResponseSchema,
  DeploymentKeysResponseSchema,
  DeploymentKeyUpdateSchema,
  DetailedDeploymentJWTParamsSchema,
  DetailedDeploymentJWTResponseSchema,
} from '../schemas/deployments.js';
import { deploymentKey } from '../serialize/deployments.js';

const EXAMPLE_ID = '5b0c1b9e-0d55-4b43-9f0f-4a8d9e1c2f11';
const EXAMPLE = { name: 'Plant rollout', enable: true, expirationDate: '2026-12-31T23:59:59Z', maxUsageCount: 10 };
const KeyParams = z.object({ key_id: doc(z.string(), { description: 'id of the deployment to edit', example: EXAMPLE_ID }) });
const EMPTY = doc(z.literal(''), { description: 'success (empty response)', example: '' });
const NOT_FOUND = errors.notFound('Deployment', EXAMPLE_ID).message;
const CONFLICT = deploymentErrors.nameTaken('Plant rollout').message;
const UNKNOWN_NAME = deploymentErrors.unknownName('Plant rollout').message;
const UNUSABLE =
  'A disabled, expired or used-up deployment (usageCount + the JWTs asked > maxUsageCount, when maxUsageCount > 0) is a 400 saying why. Each JWT counts one use and sets lastDeploymentStatus. ' +
  'divergence: a JWT is valid one day, never past the deployment\'s expiry; its claims are iss (the Center id), sub (the serial), deployment, deploymentId, iat, exp, jti.';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };

  const list = operation('GET', '/deployments', 'Every deployment, oldest first.');
  app.get(list.url, { schema: { ...list.docs, response: { 200: doc(DeploymentKeysResponseSchema, { description: 'DeploymentKeysResponse successful' }), ...errorResponses() } } }, async () =>
    app.store.deployments.list().map(deploymentKey),
  );

  const create = operation(
    'POST',
    '/deployments',
    'Creates a deployment. divergence: enabled, with no expiry and no usage limit unless said; an expiry not later than now is a 400; names are unique without regard to case (409).',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: doc(DeploymentKeyParamsSchema, { example: EXAMPLE }),
        response: {
          200: doc(DeploymentKeyResponseSchema, { description: 'Create deployment successful' }),
          ...errorResponses({ badRequest: 'Invalid body field "name": is mandatory', conflict: CONFLICT }),
        },
      },
    },
    async (request) => {
      const { expirationDate, ...rest } = request.body;
      return deploymentKey(createDeployment(ctx, { ...rest, expirationTime: expirationDate }));
    },
  );

  const update = operation('PUT', '/deployments/{key_id}', 'Updates a deployment: the fields given replace, absent ones stay (its usage count too).');
  app.put(
    update.url,
    {
      schema: {
        ...update.docs,
        params: KeyParams,
        body: doc(DeploymentKeyUpdateSchema, { example: EXAMPLE }),
        response: { 200: EMPTY, ...errorResponses({ badRequest: 'Invalid body field "maxUsageCount": must be 0 or more (0: no limit)', notFound: NOT_FOUND, conflict: CONFLICT }) },
      },
    },
    async (request) => {
      const { expirationDate, ...rest } = request.body;
      updateDeployment(ctx, checkId(request.params.key_id, 'deployment'), { ...rest, expirationTime: expirationDate });
      return '' as const;
    },
  );

  const remove = operation('DELETE', '/deployments/{key_id}', 'Deletes a deployment; the JWTs it signed are not taken back.');
  app.delete(
    remove.url,
    { schema: { ...remove.docs, params: KeyParams, response: { 200: EMPTY, ...errorResponses({ badRequest: errors.badId('deployment', 'rollout').message, notFound: NOT_FOUND }) } } },
    async (request) => {
      deleteDeployment(ctx, checkId(request.params.key_id, 'deployment'));
      return '' as const;
    },
  );

  const jwt = operation('POST', '/deployments/jwt', `Signs a JWT for each serial number given (a serial given twice, once), under the deployment named (without regard to case). ${UNUSABLE}`);
  app.post(
    jwt.url,
    {
      schema: {
        ...jwt.docs,
        body: doc(DeploymentJWTParamsSchema, { example: { deploymentName: 'Plant rollout', sensorSerials: ['FOC1234ABC', 'FOC1234DEF'] } }),
        response: {
          200: doc(DeploymentJWTsSchema, { description: 'Create deployment JWTs successful.', example: { FOC1234ABC: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' } }),
          ...errorResponses({ badRequest: deploymentErrors.unusable('The deployment "Plant rollout" has expired').message, notFound: UNKNOWN_NAME }),
        },
      },
    },
    async (request) => generateJwts(ctx, request.body.deploymentName, request.body.sensorSerials),
  );

  const detailed = operation(
    'POST',
    '/deployments/jwt/detailed',
    `Signs one JWT for the serial given, carrying the settings given as claims (captureMode, customCaptureMode, activeDiscoveryInterfaces, seaEnabled, seaProxyConfig without its password). divergence: formatForIOX is accepted and changes nothing. ${UNUSABLE}`,
  );
  app.post(
    detailed.url,
    {
      schema: {
        ...detailed.docs,
        body: doc(DetailedDeploymentJWTParamsSchema, { example: { deploymentName: 'Plant rollout', sensorSerial: 'FOC1234ABC', captureMode: 'optimal' } }),
        response: {
          200: doc(DetailedDeploymentJWTResponseSchema, { description: 'Create deployment JWT successful' }),
          ...errorResponses({ badRequest: 'Invalid body field "sensorSerial": is mandatory', notFound: UNKNOWN_NAME }),
        },
      },
    },
    async (request) => {
      const { deploymentName, formatForIOX: _, seaProxyConfig, ...rest } = request.body;
      const seaProxy = seaProxyConfig && { server: seaProxyConfig.server, port: seaProxyConfig.port, scheme: seaProxyConfig.scheme, username: seaProxyConfig.username };
      return generateDetailedJwt(ctx, deploymentName, { ...rest, ...(seaProxy ? { seaProxy } : {}) });
    },
  );
};

export default plugin;
