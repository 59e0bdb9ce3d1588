/**
 * The integer query parameters (src/api/v1/params.ts) at their edges, on every route that reads
 * them (issue 14: `offset` ≥ 2^63 was a 500, SQLite's "datatype mismatch"). Past 2^53 - 1 a
 * number cannot be read exactly: a 400 naming the parameter; up to it, an empty page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type TestCenter, expectError, testCenter } from '../../helpers.js';

const MAX = '9007199254740991'; // 2^53 - 1
const HUGE = [
  ['2^53', '9007199254740992'],
  ['2^63 - 1', '9223372036854775807'],
  ['2^63', '9223372036854775808'],
  ['2^64', '18446744073709551616'],
  ['10^30', `1${'0'.repeat(30)}`],
  ['400 digits', '9'.repeat(400)],
] as const;

let c: TestCenter;
let component: string;
let flow: string;
beforeAll(async () => {
  c = await testCenter();
  const [first] = await c.json<{ id: string; src: { component: { id: string } } }[]>(`${API}/flows?limit=1`);
  flow = first?.id as string;
  component = first?.src.component.id as string;
});
afterAll(() => c.close());

/** Each route with an `offset` (guide 3: pagination), with the query it needs besides. */
const PAGED = [
  ['GET /api/1.0/component', () => `${API}/component?limit=10`],
  ['GET /api/1.0/component/{id}/flow', () => `${API}/component/${component}/flow?limit=10`],
  ['GET /api/1.0/flows', () => `${API}/flows?limit=10`],
  ['GET /api/1.0/flow/{id}/content', () => `${API}/flow/${flow}/content?size=10`],
  ['GET /api/1.0/event', () => `${API}/event?limit=10`],
  ['GET /api/1.0/variables', () => `${API}/variables?limit=10`],
] as const;

describe.each(PAGED)('%s', (_, url) => {
  it.each(HUGE)('answers 400 naming offset for an offset of %s', async (_name, value) => {
    expectError(await c.get(`${url()}&offset=${value}`), 400, /^Invalid query parameter "offset": must be <= 9007199254740991$/);
  });

  it('answers an empty page at offset 2^53 - 1, past the last item', async () => {
    const res = await c.get(`${url()}&offset=${MAX}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(url().includes('/variables') ? {} : []);
  });

  it('answers 400 naming limit for a huge limit, and for a negative huge one', async () => {
    const name = url().includes('size=') ? 'size' : 'limit';
    const base = url().replace(/(limit|size)=10/, '');
    expectError(await c.get(`${base}${name}=${'9'.repeat(400)}`), 400, new RegExp(`^Invalid query parameter "${name}": must be <= 2000$`));
    expectError(await c.get(`${base}${name}=-${'9'.repeat(400)}`), 400, new RegExp(`^Invalid query parameter "${name}": must be >= 0$`));
  });
});

/** Each route with a `generation` (guide 2.3). */
const GENERATIONS = [
  ['GET /api/1.0/component', () => `${API}/component?limit=10`],
  ['GET /api/1.0/component/{id}/variables', () => `${API}/component/${component}/variables?`],
  ['GET /api/1.0/flows', () => `${API}/flows?limit=10`],
] as const;

describe.each(GENERATIONS)('%s', (_, url) => {
  it.each(HUGE)('answers 400 naming generation for a generation of %s', async (_name, value) => {
    expectError(await c.get(`${url()}&generation=${value}`), 400, /^Invalid query parameter "generation": must be <= 9007199254740991$/);
  });

  it('answers an empty list for generation 2^53 - 1, a reference the emulator does not hold', async () => {
    const res = await c.get(`${url()}&generation=${MAX}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([]);
  });
});

describe('GET /api/1.0/flows', () => {
  it.each(HUGE)('answers 400 naming port for a port of %s, repeated or not', async (_name, value) => {
    expectError(await c.get(`${API}/flows?limit=10&port=${value}`), 400, /^Invalid query parameter "port": must be <= 65535$/);
    expectError(await c.get(`${API}/flows?limit=10&port=102&port=${value}`), 400, /^Invalid query parameter "port": must be <= 65535$/);
  });

  it('answers an empty page for a last_seen (ms) past every flow, however many digits it has', async () => {
    for (const value of [MAX, ...HUGE.map(([, v]) => v)]) {
      const res = await c.get(`${API}/flows?limit=10&last_seen=${value}`);
      expect(res.statusCode, `${value}: ${res.body}`).toBe(200);
      expect(res.json()).toEqual([]);
    }
  });
});
