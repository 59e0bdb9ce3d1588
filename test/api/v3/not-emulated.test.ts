/** Cisco's 3.0 operations the emulator does not serve: a 501 naming the operation, after the token check. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILES } from '../../../src/cli/openapi.js';
import { CISCO_OPERATIONS, fastifyPath } from '../../../src/api/v3/operations.js';
import { unservedOperations } from '../../../src/api/v3/routes/not-emulated.js';
import { API3, expectError3, testCenter, type TestCenter } from '../../helpers.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const served = JSON.parse(readFileSync(OPENAPI_FILES['3.0'], 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const servedKeys = new Set(Object.entries(served.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/3\.0/, '')}`)));
const unserved = CISCO_OPERATIONS.filter((op) => !servedKeys.has(`${op.method} ${op.path}`));
/** A path of Cisco's with each parameter filled in: a UUID, or a word where the document names values. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');

describe("Cisco's operations that no route serves", () => {
  it('are every operation of the document that the 3.0 OpenAPI document leaves out', () => {
    // Compared in Fastify's form: `:reports_id` cannot be turned back into Cisco's `{reports-id}`.
    const servedRoutes = new Set([...servedKeys].map((key) => key.replace(/ (.*)$/, (_, path: string) => ` ${fastifyPath(path)}`)));
    const left = unservedOperations((method, url) => servedRoutes.has(`${method} ${url.replace(/^\/api\/3\.0/, '')}`));
    expect(left.map((o) => `${o.method} ${o.path}`)).toEqual(unserved.map((o) => `${o.method} ${o.path}`));
    expect(servedKeys.size + unserved.length).toBe(CISCO_OPERATIONS.length);
  });

  it.each(unserved.map((op) => [`${op.method} ${op.path}`, op] as const))('%s answers 501 naming the operation', async (_, op) => {
    const res = await c.v3(op.method as 'GET', concrete(op.path), ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined);
    if (op.method === 'HEAD') {
      expect(res.statusCode).toBe(501);
      return;
    }
    expectError3(res, 501, new RegExp(`^Not emulated: ${op.method} /api/3\\.0`));
    if (op.operationId) expect(res.json<{ error: string }>().error).toContain(`(${op.operationId})`);
  });

  it('checks the token first (401 without one)', async () => {
    const op = unserved.find((o) => o.method === 'GET');
    expect(op).toBeDefined();
    expectError3(await c.app.inject({ url: `${API3}${concrete(op?.path ?? '')}` }), 401, /no token was given/);
  });

  it("are the README's list, by Cisco's tag", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.split('### Not emulated in API 3.0')[1]?.split('\n### ')[0] ?? '';
    const items = section.split('\n').filter((line) => line.startsWith('- **')).join('\n');
    const listed = [...items.matchAll(/`((?:GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE) \/[^`]*)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(unserved.map((o) => `${o.method} ${o.path}`).sort());
  });

  it("leave the README's count of served operations right", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`**${servedKeys.size} of its ${CISCO_OPERATIONS.length} operations**`);
    expect(readme).toContain(`\`openapi/openapi-3.0.json\` (${servedKeys.size})`);
  });

  it('leaves an unknown path a 404', async () => {
    expectError3(await c.v3('GET', '/no-such-route'), 404, /not found/);
  });
});
