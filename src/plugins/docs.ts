/**
 * The API Documentation pages of the admin guide ("Documentation"): Swagger UI over the OpenAPI
 * document a surface's routes generate (its context's app.swagger(), the same as openapi/), at
 * /api/1.0/documentation and /api/3.0/documentation. The assets come from @fastify/swagger-ui,
 * which bundles them, so the pages work offline. Each page is registered beside its surface's
 * routes, not inside them: their token hook does not reach it, and the page loads without a
 * token; Authorize then takes one (1.0: the query parameter or the header; 3.0: the header).
 */
import { readFileSync } from 'node:fs';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { V1 } from '../api/surfaces.js';
import { UI_DIR } from './ui.js';

interface Parameter {
  in?: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: { example?: unknown };
}

const shown = (v: unknown): string => (Array.isArray(v) ? v.map(shown).join(' and ') : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``);

/**
 * The document as the page shows it. Swagger UI fills every parameter that has an example into
 * "Try it out" and sends it: with an example on each optional filter, a first Execute would send
 * all of them and find nothing. So an optional query parameter's example moves into its
 * description here (it stays in openapi/ and in the schemas); required ones and path ids keep
 * theirs, so that Execute asks for one of the guide's objects.
 */
export function forTryItOut(doc: Record<string, unknown>): Record<string, unknown> {
  const paths = (doc['paths'] ?? {}) as Record<string, Record<string, { parameters?: Parameter[] }>>;
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query' || p.required) continue;
        const example = p.example ?? p.schema?.example;
        if (example === undefined) continue;
        delete p.example;
        if (p.schema) delete p.schema.example;
        p.description = `${p.description ?? ''} Example: ${shown(example)}.`.trim();
      }
    }
  }
  return doc;
}

const asset = (name: string): string => readFileSync(new URL(name, UI_DIR), 'utf8');

/**
 * Registers the documentation page of the document that `app`'s swagger plugin makes, at
 * `routePrefix` (a surface's `docs`, relative to the context's own prefix).
 */
/**
 * A Swagger UI page at `routePrefix` of the context it is registered in. `indexPrefix`: that
 * context's own prefix (the page at /api/3.0/documentation, without a trailing slash, names its
 * assets by absolute paths that need it).
 */
export async function documentationPage(app: FastifyInstance, opts: { routePrefix: string; title: string; indexPrefix?: string }): Promise<void> {
  await app.register(swaggerUi, {
    routePrefix: opts.routePrefix,
    ...(opts.indexPrefix === undefined ? {} : { indexPrefix: opts.indexPrefix }),
    uiConfig: {
      // The page's own header (docs-header.js) links back to the token page and the other
      // surface's page; Swagger's top bar would only offer to load another document.
      layout: 'BaseLayout',
      docExpansion: 'list',
      deepLinking: true,
      displayRequestDuration: true,
      // guide "Documentation", step 10: Logout forgets the token; nothing outlives the page.
      persistAuthorization: false,
    },
    theme: {
      title: opts.title,
      css: [{ filename: 'docs.css', content: asset('docs.css') }],
      js: [{ filename: 'docs-header.js', content: asset('docs-header.js') }],
      // The token page's icon, in place of Swagger's.
      favicon: [{ filename: 'favicon.svg', rel: 'icon', type: 'image/svg+xml', sizes: 'any', content: asset('favicon.svg') }],
    },
    transformSpecification: (doc) => forTryItOut(doc as Record<string, unknown>),
  });
}

/** The 1.0 page, at the root: its document is the root's (the 1.0 routes and the control plane). */
export default fp(async (app: FastifyInstance) => documentationPage(app, { routePrefix: V1.docs, title: 'API Documentation · Cisco Cyber Vision Center (emulated)' }), {
  name: 'docs',
  dependencies: ['swagger'],
});
