/** The emulated clock: GET/PUT /_emulator/clock, POST /_emulator/clock/advance. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../src/domain/time.js';
import { generateToken } from '../../src/store/tokens.js';
import { API, NOW, type TestCenter, expectError, testCenter } from '../helpers.js';

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  await c.close();
});

const control: TestCenter['control'] = (...args) => c.control(...args);

describe('GET /_emulator/clock', () => {
  it('tells the emulated now, frozen at the test instant', async () => {
    const res = await control('GET', '/_emulator/clock');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ now: formatTimestamp(NOW), frozen_at: formatTimestamp(NOW), offset_ms: 0 });
  });

  it('needs the admin key', async () => {
    expectError(await control('GET', '/_emulator/clock', undefined, null), 401, /x-emulator-key/);
    expectError(await control('GET', '/_emulator/clock', undefined, 'wrong'), 401, /admin key/);
  });
});

describe('PUT /_emulator/clock', () => {
  it('freezes time at an instant, and what the emulator writes follows it', async () => {
    const res = await control('PUT', '/_emulator/clock', { frozen_at: '2027-03-01T08:00:00.5Z' });
    expect(res.json()).toMatchObject({ now: '2027-03-01T08:00:00.5Z', frozen_at: '2027-03-01T08:00:00.5Z' });
    expect(c.clock.now()).toBe(Date.UTC(2027, 2, 1, 8, 0, 0, 500) * 1000);
    const ingested = await control('POST', '/_emulator/ingest/flows', { flows: [{ src: { mac: '02:00:00:00:00:01' }, dst: { mac: '02:00:00:00:00:02' } }] });
    const [flow] = (ingested.json() as { flows: { id: string }[] }).flows;
    const read = await c.json<{ first_seen: string; last_seen: string }>(`${API}/flow/${flow?.id}`);
    expect(read).toMatchObject({ first_seen: '2027-03-01T08:00:00.5Z', last_seen: '2027-03-01T08:00:00.5Z' });
  });

  it('lets time run again from the frozen instant, or shifts real time by an offset', async () => {
    await control('PUT', '/_emulator/clock', { frozen_at: '2030-01-01T00:00:00Z' });
    const running = (await control('PUT', '/_emulator/clock', { frozen_at: null })).json() as { now: string; frozen_at: null; offset_ms: number };
    expect(running.frozen_at).toBeNull();
    // It runs from 2030 on: the real time plus the offset that reaches 2030.
    expect(Date.parse(running.now)).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1));
    expect(Date.parse(running.now)).toBeLessThan(Date.UTC(2030, 0, 1) + 60_000);
    const shifted = (await control('PUT', '/_emulator/clock', { offset_ms: -86_400_000 })).json() as { now: string; offset_ms: number };
    expect(shifted.offset_ms).toBe(-86_400_000);
    expect(Math.abs(Date.parse(shifted.now) - (Date.now() - 86_400_000))).toBeLessThan(60_000);
  });

  it('makes a token expire exactly at its instant', async () => {
    const expiry = NOW + 3_600_000_000;
    const { token } = c.store.tokens.create({ id: 'expiring', name: 'expiring', token: generateToken(), now: NOW, expiresAt: expiry });
    const call = () => c.app.inject({ method: 'GET', url: `${API}/sensor?token=${token}` });
    await control('PUT', '/_emulator/clock', { frozen_at: formatTimestamp(expiry - 1) });
    expect((await call()).statusCode).toBe(200);
    await control('PUT', '/_emulator/clock', { frozen_at: formatTimestamp(expiry) });
    expectError(await call(), 401, /expired/);
  });

  it.each([
    [{}, /frozen_at, offset_ms or both/],
    [{ frozen_at: 'yesterday' }, /frozen_at.*RFC 3339/],
    [{ offset_ms: 1.5 }, /offset_ms.*integer/],
    [{ offset_ms: 1e15 }, /offset_ms.*100 years/],
    [{ speed: 2 }, /speed|Unrecognized|unrecognized/],
  ])('answers 400 to %j', async (body, message) => {
    expectError(await control('PUT', '/_emulator/clock', body), 400, message);
    expect(c.clock.now()).toBe(NOW);
  });
});

describe('POST /_emulator/clock/advance', () => {
  it('moves a frozen clock forward by ms', async () => {
    const res = await control('POST', '/_emulator/clock/advance', { ms: 90_000 });
    expect(res.json()).toMatchObject({ now: formatTimestamp(NOW + 90_000_000), frozen_at: formatTimestamp(NOW + 90_000_000) });
  });

  it('moves a running clock forward through its offset', async () => {
    await control('PUT', '/_emulator/clock', { frozen_at: null, offset_ms: 0 });
    const res = (await control('POST', '/_emulator/clock/advance', { ms: 3_600_000 })).json() as { offset_ms: number };
    expect(res.offset_ms).toBe(3_600_000);
  });

  it.each([[{ ms: -1 }, /ms.*>= 0/], [{ ms: 'soon' }, /ms.*number/], [{}, /ms/]])('answers 400 to %j', async (body, message) => {
    expectError(await control('POST', '/_emulator/clock/advance', body), 400, message);
  });
});
