/**
 * The licence (guide 4: "402 … the current license doesn't allow to use the API"): whether the
 * emulated Center's licence covers the REST API, and its mode (Cisco 3.0: baselines are
 * "accessible only in advantage mode"). API off, every /api route answers 402 (the auth plugin
 * reads the setting on each request); in essentials mode, the baseline operations that document
 * it answer 402. Both survive a rebuild (--reset).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../api/schemas.js';
import { LICENSE_MODES } from '../../store/settings.js';
import { CONTROL_TAG } from './common.js';

const fields = {
  api: z.boolean({ error: 'must be true or false' }).meta({ description: 'Whether the licence allows the REST API; false makes every /api route answer 402.' }),
  mode: z
    .enum(LICENSE_MODES, { error: "must be 'essentials' or 'advantage'" })
    .meta({ description: 'The licence mode: in essentials, the 3.0 baseline operations answer 402 ("accessible only in advantage mode"). advantage by default.' }),
};
// No body, or no JSON object, says so rather than zod's "expected object".
const notAnObject = { error: (iss: { code: string }) => (iss.code === 'invalid_type' ? 'a JSON object is required' : undefined) };
const LicenseSchema = z.object(fields, notAnObject);
const LicenseChangeSchema = z
  .object({ api: fields.api.optional(), mode: fields.mode.optional() }, notAnObject)
  .strict()
  .refine((b) => b.api !== undefined || b.mode !== undefined, { message: 'give "api", "mode" or both' });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { settings } = app.store;
  const license = () => ({ api: settings.apiLicensed(), mode: settings.licenseMode() });

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
        summary: 'Allow or forbid the API by licence, or change its mode',
        description:
          'With `api: false`, every /api route answers 402 until it is set back to true. With `mode: "essentials"`, the 3.0 baseline operations answer 402 until it is set back to "advantage". A field left out stays.',
        body: LicenseChangeSchema.meta({ example: { api: false } }),
        response: { 200: LicenseSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const { api, mode } = request.body;
      app.store.transaction(() => {
        if (api !== undefined) settings.set('license.api', String(api));
        if (mode !== undefined) settings.set('license.mode', mode);
      });
      return license();
    },
  );
};

export default plugin;
