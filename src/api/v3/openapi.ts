/**
 * The 3.0 OpenAPI document, generated from the 3.0 route schemas (zod, src/api/v3/registry.ts)
 * in the 3.0 context only: it holds the 3.0 routes and nothing else, under Cisco's tags, with
 * Cisco's security scheme (`token`: the x-token-id header).
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { V3 } from '../surfaces.js';
import { CISCO_OPERATIONS } from './operations.js';
import { V3_REGISTRY } from './registry.js';

/** Cisco's tags, in alphabetical order as its document lists them. */
const TAGS = [...new Set(CISCO_OPERATIONS.map((o) => o.tag).filter((t): t is string => t !== null))].sort().map((name) => ({ name }));

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
    transform: createJsonSchemaTransform({ schemaRegistry: V3_REGISTRY }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: V3_REGISTRY }),
  });
}

export const V3_DOCS_ROUTE_PREFIX = V3.docs.slice(V3.prefix.length);
