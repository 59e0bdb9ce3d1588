/**
 * Builds a Center for tests: an in-memory store with the `small` scenario and the guide's
 * fixtures, a clock pinned at NOW, a known token, and the app called through `inject`.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { buildApp } from '../src/app.js';
import { FixedClock } from '../src/clock.js';
import type { NewEntry } from '../src/emulator/journal.js';
import { openCenter } from '../src/startup.js';
import type { Store } from '../src/store/store.js';

export const NOW = Date.UTC(2026, 10, 1, 12, 0, 0) * 1000;
export const TOKEN = `ics-${'1'.repeat(40)}-${'2'.repeat(40)}`;
export const ADMIN_KEY = 'test-admin-key';

export interface TestCenter {
  app: FastifyInstance;
  store: Store;
  clock: FixedClock;
  /** GET with the test token in the query string. */
  get(path: string): Promise<LightMyRequestResponse>;
  /** GET and parse a 200 answer. */
  json<T = unknown>(path: string): Promise<T>;
  /** Any method with the test token, and a JSON body when one is given. */
  send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** A 3.0 call with the test token in the x-token-id header, and a JSON body when one is given. */
  v3(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** A 3.0 GET (the token in the header) and its 200 answer, parsed. */
  json3<T = unknown>(path: string): Promise<T>;
  /** A control-plane call with the admin key (another key, or none with null), and a JSON body when one is given. */
  control(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, key?: string | null): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function testCenter(scenario = 'small', db = ':memory:'): Promise<TestCenter> {
  const clock = new FixedClock(NOW);
  const center = openCenter({ db, scenario, reset: false, clock, token: TOKEN, adminKey: ADMIN_KEY });
  const app = await buildApp({ store: center.store, clock, adminKey: ADMIN_KEY });
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
    send: (method, path, body) =>
      app.inject({ method, url: withToken(path), ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) }),
    v3: (method, path, body) =>
      app.inject({
        method,
        url: `${API3}${path}`,
        headers: { 'x-token-id': TOKEN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
    async json3<T>(path: string) {
      const res = await app.inject({ method: 'GET', url: `${API3}${path}`, headers: { 'x-token-id': TOKEN } });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      return res.json() as T;
    },
    control: (method, url, body, key = ADMIN_KEY) =>
      app.inject({
        method,
        url,
        headers: { ...(key === null ? {} : { 'x-emulator-key': key }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
    async close() {
      await app.close();
      center.store.close();
    },
  };
}

/** Asserts the 3.0 error envelope: the guide's (5.7), with the message also under "error". */
export function expectError3(res: LightMyRequestResponse, status: number, message?: RegExp): void {
  expectError(res, status, message);
  const body = res.json() as { message: string; error?: string };
  expect(body.error).toBe(body.message);
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'status']);
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

export const API = '/api/1.0';
export const API3 = '/api/3.0';
/** A well-formed id that nothing holds. */
export const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** How the emulator prints times: UTC, microseconds with trailing zeros trimmed. */
export const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,5}[1-9])?Z$/;

/** An RFC 3339 time (any offset, up to microseconds) as microseconds since the epoch. */
export function micros(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) throw new Error(`not an RFC 3339 time: ${text}`);
  const [, base, frac = '', zone] = m;
  return Date.parse(`${base}${zone}`) * 1000 + Number(frac.padEnd(6, '0'));
}

/** A `start`/`end` value as the API reads it: UTC, a date alone meaning 00:00. */
export function utc(text: string): number {
  const [date, time = '00:00'] = text.split(' ');
  return micros(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
}

export const ids = (list: { id: string }[]) => list.map((x) => x.id);
export const qs = (params: [string, string][]) => new URLSearchParams(params).toString();

export function expectSorted(keys: number[], order: 'asc' | 'desc'): void {
  for (let i = 1; i < keys.length; i++) {
    const [a, b] = [keys[i - 1] ?? 0, keys[i] ?? 0];
    expect(order === 'asc' ? a <= b : a >= b, `position ${i} out of ${order} order`).toBe(true);
  }
}

/** A request journal entry: a GET of /api/1.0/sensor answered 200 at NOW, changed by `over`. */
export const journalEntry = (over: Partial<NewEntry> = {}): NewEntry => ({
  time: NOW,
  method: 'GET',
  path: '/api/1.0/sensor',
  route: '/api/1.0/sensor',
  query: {},
  status: 200,
  durationMs: 1,
  tokenName: null,
  request: null,
  response: null,
  fault: null,
  delayedByFault: null,
  ...over,
});

/** A TCP port free on 127.0.0.1 right now, for tests that really listen. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
