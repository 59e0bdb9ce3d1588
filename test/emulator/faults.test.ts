/** Fault injection: the path syntax, POST/GET/DELETE /_emulator/faults, and what a fault does to /api/. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathMatcher } from '../../src/emulator/faults.js';
import { FaultSchema } from '../../src/emulator/routes/faults.js';
import { Random } from '../../src/random.js';
import { API, TOKEN, type TestCenter, UNKNOWN, expectError, expectShape, testCenter } from '../helpers.js';

type FaultWire = ReturnType<typeof FaultSchema.parse>;

describe('pathMatcher', () => {
  const route = `${API}/component/:id`;
  it.each([
    // spec, path, matched route, matches
    [`${API}/component/:id`, `${API}/component/${UNKNOWN}`, route, true],
    [`${API}/component/{id}`, `${API}/component/${UNKNOWN}`, route, true],
    [`${API}/component/:x`, `${API}/component/${UNKNOWN}`, route, true],
    [`${API}/component/:id`, `${API}/component/remove-tags`, `${API}/component/remove-tags`, false],
    [`${API}/component/:id`, `${API}/component/anything`, null, true],
    [`${API}/component/:id`, `${API}/component/${UNKNOWN}/flow`, `${API}/component/:id/flow`, false],
    [`${API}/component/${UNKNOWN}`, `${API}/component/${UNKNOWN}`, route, true],
    [`${API}/component/${UNKNOWN}`, `${API}/component/another`, route, false],
    [`${API}/group/:id/component/${UNKNOWN}`, `${API}/group/g1/component/${UNKNOWN}`, `${API}/group/:id/component/:cid`, true],
    [`${API}/sensor`, `${API}/sensor/`, `${API}/sensor`, true],
    [`${API}/component*`, `${API}/component/${UNKNOWN}/flow`, `${API}/component/:id/flow`, true],
    [`${API}/component*`, `${API}/components`, null, true],
    [`${API}/component/`, `${API}/component`, `${API}/component`, false],
    [`${API}/component/`, `${API}/component/${UNKNOWN}`, route, true],
    [`${API}/flows`, `${API}/flows/x`, null, false],
  ])('%s on %s (route %s): %s', (spec, path, matched, expected) => {
    expect(pathMatcher(spec)(path, matched)).toBe(expected);
  });
});

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  await c.close();
});

const create = async (body: Record<string, unknown>, center: TestCenter = c): Promise<FaultWire> => {
  const res = await center.control('POST', '/_emulator/faults', body);
  expect(res.statusCode, res.body).toBe(201);
  const fault = res.json() as FaultWire;
  expectShape(FaultSchema, fault);
  return fault;
};

const list = async (): Promise<FaultWire[]> => {
  const res = await c.control('GET', '/_emulator/faults');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FaultWire[];
};

const sensors = (center: TestCenter = c) => center.get(`${API}/sensor`);

describe('POST /_emulator/faults', () => {
  it('answers 201 with the fault: its id, its definition with the defaults, and its counts', async () => {
    const res = await c.control('POST', '/_emulator/faults', { method: 'get', path: `${API}/component/:id`, status: 503 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: 1,
      method: 'GET',
      path: `${API}/component/:id`,
      status: 503,
      body: null,
      delay_ms: null,
      probability: 1,
      times: null,
      seed: 0,
      matched: 0,
      hits: 0,
      active: true,
      created_at: '2026-11-01T12:00:00Z',
    });
    expect((await create({ path: `${API}/flows`, delay_ms: 5 })).id).toBe(2);
  });

  it('answers with the status in the 5.7 envelope naming the fault, before the route and the token check', async () => {
    const fault = await create({ path: `${API}/sensor`, status: 503 });
    expectError(await sensors(), 503, new RegExp(`^Fault ${fault.id} injected by the emulator: 503 for any method ${API}/sensor$`));
    // No token at all: the fault still answers (it runs before the 401).
    expectError(await c.app.inject({ method: 'GET', url: `${API}/sensor` }), 503);
    // Another route is not touched.
    expect((await c.get(`${API}/vendor`)).statusCode).toBe(200);
  });

  it('uses a string body as the message, and sends an object body as it is', async () => {
    await create({ path: `${API}/sensor`, status: 500, body: 'database on fire' });
    await create({ path: `${API}/vendor`, status: 429, body: { error: 'slow down', retry_after: 2 } });
    expectError(await sensors(), 500, /^database on fire$/);
    const res = await c.get(`${API}/vendor`);
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: 'slow down', retry_after: 2 });
  });

  it('hits only the given method', async () => {
    await create({ method: 'POST', path: `${API}/group`, status: 500 });
    expect((await c.get(`${API}/group`)).statusCode).toBe(200);
    expectError(await c.send('POST', `${API}/group`, { label: 'x' }), 500);
  });

  it('applies to a prefix, unknown routes included', async () => {
    await create({ path: `${API}/*`, status: 418 });
    expectError(await sensors(), 418);
    expectError(await c.get(`${API}/nothing/at/all`), 418);
    // The control plane is never hit.
    expect((await c.control('GET', '/_emulator/faults')).statusCode).toBe(200);
  });

  it('lets the first matching fault in creation order decide', async () => {
    const first = await create({ path: `${API}/sensor`, status: 502 });
    await create({ path: `${API}/*`, status: 504 });
    expectError(await sensors(), 502);
    expectError(await c.get(`${API}/vendor`), 504);
    const [a, b] = await list();
    expect([a?.id, a?.hits, b?.hits]).toEqual([first.id, 1, 1]);
  });

  it('retires after `times` hits; the request then goes on normally', async () => {
    await create({ path: `${API}/sensor`, status: 500, times: 2 });
    expectError(await sensors(), 500);
    expectError(await sensors(), 500);
    expect((await sensors()).statusCode).toBe(200);
    const [fault] = await list();
    expect(fault).toMatchObject({ times: 2, hits: 2, matched: 2, active: false });
  });

  it('with probability 0.5 and seed 7, fails the same calls on every run, some but not all', async () => {
    const run = async (): Promise<number[]> => {
      const center = await testCenter();
      try {
        await create({ path: `${API}/sensor`, status: 503, probability: 0.5, seed: 7 }, center);
        const failed: number[] = [];
        for (let i = 0; i < 20; i++) if ((await sensors(center)).statusCode === 503) failed.push(i);
        const [fault] = (await center.control('GET', '/_emulator/faults')).json() as FaultWire[];
        expect(fault).toMatchObject({ matched: 20, hits: failed.length });
        return failed;
      } finally {
        await center.close();
      }
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(20);
    // The draws are those of the seeded source, one per matching call.
    const rng = new Random(7);
    expect(first).toEqual(Array.from({ length: 20 }, (_, i) => i).filter(() => rng.next() < 0.5));
  });

  it('with delay_ms alone, delays the request, which then succeeds', async () => {
    const fault = await create({ path: `${API}/sensor`, delay_ms: 20 });
    const res = await sensors();
    expect(res.statusCode).toBe(200);
    expect((await list())[0]).toMatchObject({ id: fault.id, hits: 1, status: null, delay_ms: 20 });
    const [entry] = (await c.control('GET', '/_emulator/requests?limit=1')).json() as { status: number; fault: number | null; delayed_by_fault: number | null }[];
    expect(entry).toMatchObject({ status: 200, fault: null, delayed_by_fault: fault.id });
  });

  it('with "reset", closes the connection with no answer (inject rejects), and the journal says so', async () => {
    const fault = await create({ path: `${API}/sensor`, status: 'reset' });
    await expect(c.app.inject({ method: 'GET', url: `${API}/sensor?token=${TOKEN}` })).rejects.toMatchObject({ code: 'LIGHT_ECONNRESET' });
    expect((await list())[0]).toMatchObject({ hits: 1 });
    const [entry] = (await c.control('GET', '/_emulator/requests?limit=1')).json() as { status: number | null; fault: number | null; response_body: string | null }[];
    expect(entry).toMatchObject({ status: null, fault: fault.id, response_body: null });
    // Other routes still answer.
    expect((await c.get(`${API}/vendor`)).statusCode).toBe(200);
  });

  it.each([
    ['no path', { status: 500 }, /"path": is mandatory/],
    ['a path outside /api/', { path: '/_emulator/clock', status: 500 }, /"path": must start with \/api\//],
    ['a path with * inside', { path: `${API}/*/x`, status: 500 }, /"path": may hold '\*' only at its end/],
    ['a status above 599', { path: `${API}/sensor`, status: 600 }, /"status": must be an HTTP status from 100 to 599, or "reset"/],
    ['a status that is another word', { path: `${API}/sensor`, status: 'boom' }, /"status": must be an HTTP status/],
    ['neither status nor delay', { path: `${API}/sensor` }, /"status": give a status, a delay_ms or both/],
    ['a body without a status', { path: `${API}/sensor`, delay_ms: 1, body: 'x' }, /"body": needs a status from 100 to 599/],
    ['a body that is a number', { path: `${API}/sensor`, status: 500, body: 3 }, /"body": must be a string/],
    ['a probability above 1', { path: `${API}/sensor`, status: 500, probability: 1.5 }, /"probability": must be <= 1/],
    ['times 0', { path: `${API}/sensor`, status: 500, times: 0 }, /"times": must be >= 1/],
    ['a negative delay', { path: `${API}/sensor`, delay_ms: -1 }, /"delay_ms": must be >= 0/],
    ['a seed that is no integer', { path: `${API}/sensor`, status: 500, seed: 1.5 }, /"seed": must be an integer/],
    ['an unknown method', { method: 'FETCH', path: `${API}/sensor`, status: 500 }, /"method": must be one of/],
    ['an unknown field', { path: `${API}/sensor`, status: 500, when: 'now' }, /Unrecognized key.*"when"/],
    ['a JSON array', [{ path: `${API}/sensor` }], /a JSON object is required/],
  ])('answers 400 to %s, and creates nothing', async (_, body, message) => {
    expectError(await c.control('POST', '/_emulator/faults', body), 400, message);
    expect(await list()).toEqual([]);
  });

  it('answers 401 without the admin key, and creates nothing', async () => {
    expectError(await c.control('POST', '/_emulator/faults', { path: `${API}/sensor`, status: 500 }, null), 401, /x-emulator-key/);
    expect(await list()).toEqual([]);
    expect((await sensors()).statusCode).toBe(200);
  });
});

describe('GET /_emulator/faults', () => {
  it('lists the faults in creation order with their counts', async () => {
    const a = await create({ path: `${API}/sensor`, status: 500 });
    const b = await create({ path: `${API}/vendor`, status: 'reset', probability: 0 });
    await sensors();
    await sensors();
    expect((await c.get(`${API}/vendor`)).statusCode).toBe(200); // matched, drew, missed
    const faults = await list();
    for (const f of faults) expectShape(FaultSchema, f);
    expect(faults.map((f) => [f.id, f.path, f.matched, f.hits, f.active])).toEqual([
      [a.id, `${API}/sensor`, 2, 2, true],
      [b.id, `${API}/vendor`, 1, 0, true],
    ]);
  });

  it('answers 401 without the admin key', async () => {
    expectError(await c.control('GET', '/_emulator/faults', undefined, null), 401);
  });
});

describe('DELETE /_emulator/faults/{id}', () => {
  it('removes one fault with a 204 and no body; its route answers again', async () => {
    const a = await create({ path: `${API}/sensor`, status: 500 });
    const b = await create({ path: `${API}/vendor`, status: 500 });
    const res = await c.control('DELETE', `/_emulator/faults/${a.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await list()).map((f) => f.id)).toEqual([b.id]);
    expect((await sensors()).statusCode).toBe(200);
    expectError(await c.get(`${API}/vendor`), 500);
  });

  it('answers 404 to an unknown id and 400 to one that is no integer', async () => {
    expectError(await c.control('DELETE', '/_emulator/faults/42'), 404, /^Fault not found: 42$/);
    expectError(await c.control('DELETE', '/_emulator/faults/abc'), 400, /"id": must be a fault id/);
  });

  it('answers 401 without the admin key, and keeps the fault', async () => {
    const a = await create({ path: `${API}/sensor`, status: 500 });
    expectError(await c.control('DELETE', `/_emulator/faults/${a.id}`, undefined, null), 401);
    expect(await list()).toHaveLength(1);
  });
});

describe('DELETE /_emulator/faults', () => {
  it('removes every fault with a 204 and no body', async () => {
    await create({ path: `${API}/sensor`, status: 500 });
    await create({ path: `${API}/*`, status: 'reset' });
    const res = await c.control('DELETE', '/_emulator/faults');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await list()).toEqual([]);
    expect((await sensors()).statusCode).toBe(200);
  });

  it('answers 401 without the admin key, and keeps the faults', async () => {
    await create({ path: `${API}/sensor`, status: 500 });
    expectError(await c.control('DELETE', '/_emulator/faults', undefined, null), 401);
    expect(await list()).toHaveLength(1);
  });
});
