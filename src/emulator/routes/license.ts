/**
 * The licence (guide 4: "402 … the current license doesn't allow to use the API"): whether the
 * emulated Center's licence covers the REST API. Off, every /api route answers 402 (the auth
 * plugin reads the setting on each request); the setting survives a rebuild (--reset).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../api/schemas.js';
import { CONTROL_TAG } from './common.js';

const LicenseSchema = z.object(
  { api: z.boolean({ error: 'must be true or false' }).meta({ description: 'Whether the licence allows the REST API; false makes every /api route answer 402.' }) },
  // No body, or no JSON object, says so rather than zod's "expected object".
  { error: (iss) => (iss.code === 'invalid_type' ? 'a JSON object is required' : undefined) },
);

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { settings } = app.store;
  const license = () => ({ api: settings.apiLicensed() });

  app.get(
    '/license',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'getLicense',
        summary: 'Whether the licence allows the API',
        response: { 200: LicenseSchema, 401: ErrorSchema },
      },
    },
    async () => license(),
  );

  app.put(
    '/license',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'setLicense',
        summary: 'Allow or forbid the API by licence',
        description: 'With `api: false`, every /api route answers 402 until it is set back to true.',
        body: LicenseSchema.strict().meta({ example: { api: false } }),
        response: { 200: LicenseSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      settings.set('license.api', String(request.body.api));
      return license();
    },
  );
};

export default plugin;
