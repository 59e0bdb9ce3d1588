/**
 * The emulator's own pages: the API Token page of the admin guide ("Token") at `/`, with a
 * landing section for newcomers. Plain HTML, CSS and JavaScript from src/ui/ (copied to dist/ui/
 * by scripts/build.mjs), read once at start and served from memory under /ui/. The page
 * drives the control-plane token routes (/_emulator/tokens) with the admin key the user gives.
 * Both pages link the icon /ui/favicon.svg; /favicon.ico answers it too, for what a browser shows
 * without a page that names one (a JSON answer, /ca.pem).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** src/ui/ beside src/plugins/ (dist/ui/ beside dist/plugins/ once built). */
export const UI_DIR = new URL('../ui/', import.meta.url);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Scripts and styles come from this origin only, as the Center's own pages (guide
 * "Documentation": `default-src 'self'; frame-ancestors 'none'`).
 */
const CSP = "default-src 'self'; frame-ancestors 'none'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

export default async function ui(app: FastifyInstance): Promise<void> {
  const files = new Map(
    readdirSync(UI_DIR)
      .filter((name) => TYPES[extname(name)] !== undefined)
      .map((name) => [name, readFileSync(new URL(name, UI_DIR))] as const),
  );
  const index = files.get('index.html');
  if (index === undefined) throw new Error(`no index.html in ${UI_DIR.pathname}`);
  const hidden = { schema: { hide: true } };

  app.get('/', hidden, async (_request, reply) =>
    reply.type(TYPES['.html'] as string).header('content-security-policy', CSP).header('cache-control', 'no-cache').send(index),
  );
  app.get('/favicon.ico', hidden, async (_request, reply) =>
    reply.type(TYPES['.svg'] as string).header('cache-control', 'no-cache').send(files.get('favicon.svg')),
  );
  app.get<{ Params: { file: string } }>('/ui/:file', hidden, async (request, reply) => {
    const body = files.get(request.params.file);
    if (body === undefined) return reply.callNotFound();
    return reply
      .type(TYPES[extname(request.params.file)] as string)
      .header('content-security-policy', CSP)
      .header('cache-control', 'no-cache')
      .send(body);
  });
}
