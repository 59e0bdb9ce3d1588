/**
 * The 3.0 OpenAPI document, generated from the 3.0 route schemas (zod, src/api/v3/registry.ts)
 * in the 3.0 context only: it holds the 3.0 routes and nothing else, under Cisco's tags, with
 * Cisco's security scheme (`token`: the x-token-id header).
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { V3 } from '../surfaces.js';
import { CISCO_OPERATIONS, fastifyPath } from './operations.js';
import { V3_REGISTRY } from './registry.js';

/** Cisco's tags, in alphabetical order as its document lists them. */
const TAGS = [...new Set(CISCO_OPERATIONS.map((o) => o.tag).filter((t): t is string => t !== null))].sort().map((name) => ({ name }));

/**
 * Cisco's path parameters that Fastify's router cannot name as they are (`{reports-id}`, see
 * fastifyPath): the route's URL and parameter, as Fastify has them, mapped back to Cisco's.
 */
const RENAMED = new Map(
  CISCO_OPERATIONS.filter((op) => op.pathParams.some((p) => p.includes('-'))).map((op) => [
    V3.prefix + fastifyPath(op.path),
    { path: V3.prefix + op.path, params: op.pathParams.filter((p) => p.includes('-')) },
  ]),
);

type Transform = ReturnType<typeof createJsonSchemaTransform>;

/** The document names such a route and its parameters as Cisco does. */
function ciscoNames(transform: Transform): Transform {
  return (input) => {
    const out = transform(input);
    const renamed = RENAMED.get(input.url);
    if (!renamed) return out;
    const schema = { ...(out.schema as Record<string, unknown>) };
    const params = schema.params as { properties?: Record<string, unknown>; required?: string[] } | undefined;
    if (params?.properties) {
      const properties = { ...params.properties };
      for (const name of renamed.params) {
        const fastifyName = name.replace(/-/g, '_');
        if (properties[fastifyName] === undefined) continue;
        properties[name] = properties[fastifyName];
        delete properties[fastifyName];
      }
      schema.params = { ...params, properties, required: params.required?.map((r) => renamed.params.find((n) => n.replace(/-/g, '_') === r) ?? r) };
    }
    return { ...out, schema, url: renamed.path } as ReturnType<Transform>;
  };
}

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Cisco Cyber Vision Center REST API 3.0 (emulated)',
        version,
        description:
          `The REST API 3.0 of a Cisco Cyber Vision Center ("Classic API", Cisco's document 3.0.0-5.5.0), as the emulator serves it over the same world as /api/1.0. ` +
          'Every route needs a token in the `x-token-id` header: create one on the API Token page (`/`), then give it to **Authorize**. ' +
          'Lists without `page` and `size` answer every row; `page` counts from 1. ' +
          'Errors are {"status": "error", "message", "error"}: the 1.0 envelope, the message also under "error".',
      },
      tags: TAGS,
      components: {
        securitySchemes: {
          token: { type: 'apiKey', in: 'header', name: 'x-token-id', description: 'API token created in the Cyber Vision administration UI (ics-<40 hex>-<40 hex>)' },
        },
      },
    },
    transform: ciscoNames(createJsonSchemaTransform({ schemaRegistry: V3_REGISTRY })),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: V3_REGISTRY }),
  });
}

export const V3_DOCS_ROUTE_PREFIX = V3.docs.slice(V3.prefix.length);
