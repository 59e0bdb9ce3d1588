import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errors } from '../../src/errors.js';
import errorHandler from '../../src/plugins/error-handler.js';

// The envelope is the same for every layer (guide 5.7); a small app exercises each kind of failure.
let app: FastifyInstance;
const logged: unknown[] = [];

beforeAll(async () => {
  app = Fastify({ bodyLimit: 64, logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } } });
  app.setValidatorCompiler(validatorCompiler);
  await app.register(errorHandler);
  app.post('/echo', { schema: { body: z.object({ label: z.string() }) } }, async (req) => req.body);
  app.get('/conflict', async () => {
    throw errors.alreadyGrouped('c1');
  });
  app.get('/boom', async () => {
    throw new Error('secret detail: db at /var/lib/x');
  });
  await app.ready();
});
afterAll(() => app.close());

function expectEnvelope(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, message: RegExp) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as { status: string; message: string };
  expect(Object.keys(body)).toEqual(['status', 'message']);
  expect(body.status).toBe('error');
  expect(body.message).toMatch(message);
}

describe('the error envelope', () => {
  it('answers an unknown route with 404', async () => {
    expectEnvelope(await app.inject({ url: '/nope?x=1' }), 404, /^Route GET:\/nope not found$/);
  });

  it('answers unparsable JSON with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"label": ' });
    expectEnvelope(res, 400, /^The provided JSON can't be properly parsed/);
  });

  it('answers a schema failure with 400 naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo', payload: { label: 3 } });
    expectEnvelope(res, 400, /^Invalid body field "label": /);
  });

  it('answers a wrong content type with 400 (not 415)', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expectEnvelope(res, 400, /Content-Type/);
  });

  it('answers a body over the limit with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo', payload: { label: 'x'.repeat(200) } });
    expectEnvelope(res, 400, /too large/);
  });

  it('renders an error with its status, 309 included', async () => {
    expectEnvelope(await app.inject({ url: '/conflict' }), 309, /already in a group/);
  });

  it('hides the detail of an unexpected error and logs it', async () => {
    const res = await app.inject({ url: '/boom' });
    expectEnvelope(res, 500, /^Internal server error/);
    expect(res.body).not.toContain('secret');
    expect(logged.join('')).toContain('secret detail');
  });
});
