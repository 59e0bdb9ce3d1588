/**
 * Builds a Center for tests: an in-memory store with the `small` scenario and the guide's
 * fixtures, a clock pinned at NOW, a known token, and the app called through `inject`.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { expect } from 'vitest';
import { buildApp } from '../src/app.js';
import { FixedClock } from '../src/clock.js';
import { openCenter } from '../src/startup.js';
import type { Store } from '../src/store/store.js';

export const NOW = Date.UTC(2026, 10, 1, 12, 0, 0) * 1000;
export const TOKEN = `ics-${'1'.repeat(40)}-${'2'.repeat(40)}`;

export interface TestCenter {
  app: FastifyInstance;
  store: Store;
  clock: FixedClock;
  /** GET with the test token in the query string. */
  get(path: string): Promise<LightMyRequestResponse>;
  /** GET and parse a 200 answer. */
  json<T = unknown>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function testCenter(scenario = 'small'): Promise<TestCenter> {
  const clock = new FixedClock(NOW);
  const center = openCenter({ db: ':memory:', scenario, reset: false, clock, token: TOKEN });
  const app = await buildApp({ store: center.store, clock });
  const withToken = (path: string) => `${path}${path.includes('?') ? '&' : '?'}token=${TOKEN}`;
  return {
    app,
    store: center.store,
    clock,
    get: (path) => app.inject({ method: 'GET', url: withToken(path) }),
    async json<T>(path: string) {
      const res = await app.inject({ method: 'GET', url: withToken(path) });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      return res.json() as T;
    },
    async close() {
      await app.close();
      center.store.close();
    },
  };
}

/** Asserts the guide's error envelope (5.7) with a status and a message pattern. */
export function expectError(res: LightMyRequestResponse, status: number, message?: RegExp): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { status: string; message: string };
  expect(body.status).toBe('error');
  expect(typeof body.message).toBe('string');
  if (message) expect(body.message).toMatch(message);
}

/** Asserts that a value has the documented shape (the route's zod response schema). */
export function expectShape(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success ? [] : result.error.issues).toEqual([]);
}
