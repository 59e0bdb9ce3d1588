/** Live traffic: GET/POST /_emulator/traffic, and the generator driven one tick at a time. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TICK_MS, nextObservation } from '../../src/emulator/traffic.js';
import { Random } from '../../src/random.js';
import { ADMIN_KEY, API, type TestCenter, expectError, testCenter } from '../helpers.js';

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  c.app.services.traffic.stop();
  await c.close();
});

const traffic = (body?: unknown) =>
  c.app.inject({
    method: body === undefined ? 'GET' : 'POST',
    url: '/_emulator/traffic',
    headers: { 'x-emulator-key': ADMIN_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

describe('GET /_emulator/traffic', () => {
  it('reports a stopped generator at first', async () => {
    const res = await traffic();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rate: 0, running: false, observations: 0, last_error: null });
  });
});

describe('POST /_emulator/traffic', () => {
  it('starts the generator; each tick ingests what the rate owes, dated by the clock; rate 0 stops it', async () => {
    const res = await traffic({ rate: 50 });
    expect(res.json()).toEqual({ rate: 50, running: true, observations: 0, last_error: null });
    const events = c.store.db.prepare('SELECT count(*) FROM event').pluck();
    const before = events.get() as number;
    c.clock.advance(3_600_000_000); // an hour later
    for (let i = 0; i < 5; i++) c.app.services.traffic.tick();
    const status = (await traffic()).json() as { observations: number };
    // 50/s for 5 ticks of 200 ms: 50 observations, a scan adding a few more.
    expect(status.observations).toBeGreaterThanOrEqual((50 * 5 * TICK_MS) / 1000);
    expect(status.observations).toBeLessThan(80);
    const latest = await c.json<{ last_seen: string }[]>(`${API}/flows?limit=1&order=desc`);
    expect(Date.parse(latest[0]?.last_seen ?? '') * 1000).toBe(c.clock.now());
    expect(events.get() as number).toBeGreaterThanOrEqual(before);

    expect((await traffic({ rate: 0 })).json()).toMatchObject({ rate: 0, running: false });
  });

  it.each([
    ['a negative rate', { rate: -1 }, /"rate": must be >= 0/],
    ['a rate above 5000', { rate: 5001 }, /"rate": must be <= 5000/],
    ['a string', { rate: 'fast' }, /"rate": must be a number/],
    ['no rate', {}, /"rate"/],
  ])('answers 400 to %s', async (_, body, message) => {
    expectError(await traffic(body), 400, message);
    expect((await traffic()).json()).toMatchObject({ running: false });
  });
});

describe('nextObservation', () => {
  const known = {
    id: 'f',
    src: { mac: '00:1b:1b:00:00:01', ip: '10.20.1.15', port: 50000, componentId: 'a' },
    dst: { mac: '00:0e:8c:00:00:02', ip: '10.20.1.10', port: 102, componentId: 'b' },
    ethertype: 'IPv4',
    protocol: 'TCP',
    sensorId: null,
    networkCategory: 'control' as const,
    tags: {},
    properties: { 's7-function': 'Read Var' },
    firstSeen: 0,
    lastSeen: 0,
  };

  it('is the same for the same seed, and mostly the known conversation again', () => {
    const run = () => {
      const rng = new Random(42);
      return Array.from({ length: 500 }, () => nextObservation(rng, known, 1000));
    };
    expect(run()).toEqual(run());
    const all = run();
    const same = all.filter((obs) => obs.length === 1 && obs[0]?.src.mac === known.src.mac && obs[0]?.dst.port === 102 && !obs[0]?.properties?.['s7-programdownload']);
    expect(same.length / all.length).toBeGreaterThan(0.85);
    expect(all.some((obs) => obs[0]?.src.mac.startsWith('02:'))).toBe(true); // a new device
    expect(all.some((obs) => obs[0]?.properties?.['s7-programdownload'])).toBe(true); // a program download
    expect(all.some((obs) => obs.length === 5)).toBe(true); // a scan
  });
});
