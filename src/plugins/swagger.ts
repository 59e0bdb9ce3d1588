/**
 * The 1.0 OpenAPI document, generated from the route schemas (zod) so it never drifts: the 1.0
 * routes, the CA and the control plane. The 3.0 routes have their own document, made in their
 * own context (src/api/v3/openapi.ts); this one leaves them out.
 */
import swagger, { type SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { type Surface, V1, V3, surfaceOf } from '../api/surfaces.js';

/**
 * The guide's resources in the guide's order (6.1 … 6.8), which is the order the documentation
 * page shows them in; the control plane, which is not Cisco's, comes last.
 */
const TAGS = [
  { name: 'Certificate', description: 'Guide 6.1: the Center CA, to verify its HTTPS certificate (no token needed).' },
  { name: 'Sensors', description: 'Guide 6.2: the devices that collect network activity.' },
  { name: 'Components', description: 'Guide 6.3: the nodes of the network.' },
  { name: 'Flows', description: 'Guide 6.4: communications between two components.' },
  { name: 'Groups', description: 'Guide 6.5: sets of components.' },
  { name: 'Events', description: 'Guide 6.6: what the Center noticed.' },
  { name: 'Variables', description: 'Guide 6.7: controller variables and their accesses.' },
  { name: 'Tags and analyzer rules', description: 'Guide 6.8: the tag catalogue and the analyzer rules.' },
  {
    name: 'Emulator control plane',
    description: "Not Cisco's API: the emulator's own routes under /_emulator, with the admin key in the x-emulator-key header (all but /_emulator/health).",
  },
];

const CONTROL_PREFIX = '/_emulator';
const ADMIN_KEY_SECURITY = [{ emulatorKey: [] }];

/**
 * The control plane's security, from the rule its hook applies (src/emulator/index.ts): the
 * admin key on every route but the `public` ones. Derived here so that no route can forget it.
 */
const transform: SwaggerTransform = (doc) => {
  const { route, url } = doc;
  if (surfaceOf(url) === V3) return { schema: { hide: true }, url };
  const result = jsonSchemaTransform(doc as Parameters<typeof jsonSchemaTransform>[0]);
  if (!url.startsWith(CONTROL_PREFIX) || !result.schema || 'security' in result.schema) return result;
  return { ...result, schema: { ...result.schema, security: route.config?.public ? [] : ADMIN_KEY_SECURITY } };
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Each surface's OpenAPI document, by version: the coverage scorecard reads them all. */
    openapiDocuments: Map<Surface['version'], () => unknown>;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { version: string }) => {
    app.decorate('openapiDocuments', new Map<Surface['version'], () => unknown>());
    app.openapiDocuments.set(V1.version, () => app.swagger());
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Cisco Cyber Vision Center REST API 1.0 (emulated)',
          version: opts.version,
          description:
            'The REST API 1.0 of a Cisco Cyber Vision Center, as the emulator serves it. Every /api/1.0 route needs a token, ' +
            'as the `token` query parameter (guide 6.1) or the `x-token-id` header: create one on the API Token page (`/`), ' +
            'then give it to **Authorize** in either form. Errors are {"status": "error", "message"} (guide 5.7).',
        },
        tags: TAGS,
        components: {
          securitySchemes: {
            token: { type: 'apiKey', in: 'query', name: 'token', description: 'ics-<40 hex>-<40 hex> (guide 6.1)' },
            tokenHeader: { type: 'apiKey', in: 'header', name: 'x-token-id', description: 'The same token, as a header' },
            emulatorKey: { type: 'apiKey', in: 'header', name: 'x-emulator-key', description: "The emulator's admin key (control plane only)" },
          },
        },
      },
      transform,
      transformObject: jsonSchemaTransformObject,
    });
  },
  { name: 'swagger' },
);
