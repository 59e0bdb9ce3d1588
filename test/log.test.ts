/** The request log: one line per request, pretty or JSON, never an API token or the admin key. */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loggerOptions, prettyLine, redactTokens, redactUrl } from '../src/log.js';
import { ADMIN_KEY, API, TOKEN, testCenter } from './helpers.js';

describe('redactUrl', () => {
  it.each([
    [`/api/1.0/sensor?token=${TOKEN}`, '/api/1.0/sensor?token=ics-1111…'],
    [`/api/1.0/flows?limit=5&token=${TOKEN}&tag=S7`, '/api/1.0/flows?limit=5&token=ics-1111…&tag=S7'],
    ['/api/1.0/sensor?limit=5', '/api/1.0/sensor?limit=5'],
    ['/api/1.0/sensor?mytoken=abc', '/api/1.0/sensor?mytoken=abc'],
    [`/api/1.0/sensor?%74oken=${TOKEN}`, '/api/1.0/sensor?%74oken=ics-1111…'],
    [`/api/1.0/sensor&token=${TOKEN}`, '/api/1.0/sensor&token=ics-1111…'],
    [`/api/1.0/sensortoken=${TOKEN}`, '/api/1.0/sensortoken=ics-1111…'],
    [`/api/1.0/sensor?xoken=${TOKEN.toUpperCase()}`, '/api/1.0/sensor?xoken=ICS-1111…'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

describe('redactTokens', () => {
  it.each([
    [`Route GET:/x/${TOKEN} not found`, 'Route GET:/x/ics-1111… not found'],
    [`"a":"${TOKEN.toUpperCase()}","b":"${TOKEN}"`, '"a":"ICS-1111…","b":"ics-1111…"'],
    ['ics-1234 is no token', 'ics-1234 is no token'],
  ])('%s → %s', (text, shown) => {
    expect(redactTokens(text)).toBe(shown);
  });
});

describe('prettyLine', () => {
  const at = new Date(2026, 11, 4, 17, 42, 1, 123).getTime(); // local time, as printed
  const json = (entry: object) => JSON.stringify({ level: 30, time: at, pid: 1, hostname: 'h', ...entry });

  it.each([
    [
      'a request',
      json({ reqId: 'req-1', req: { method: 'GET', url: '/api/1.0/sensor?token=ics-1111…' }, res: { statusCode: 200 }, responseTime: 1.4321, msg: 'request completed' }),
      '17:42:01.123 GET /api/1.0/sensor?token=ics-1111… 200 1.4 ms\n',
    ],
    [
      'a request that errored',
      json({ level: 50, req: { method: 'POST', url: '/x' }, res: { statusCode: 500 }, responseTime: 3, msg: 'request errored' }),
      '17:42:01.123 ERROR POST /x 500 3.0 ms (request errored)\n',
    ],
    ['a message', json({ level: 40, msg: 'slow' }), '17:42:01.123 WARN slow\n'],
    ['an error and its stack', json({ level: 50, err: { stack: 'Error: boom\n    at f (a.ts:1)' }, msg: 'unexpected error' }), '17:42:01.123 ERROR unexpected error\n    Error: boom\n        at f (a.ts:1)\n'],
    ['a line that is not JSON', 'plain text', 'plain text\n'],
  ])('writes %s on one line', (_, line, shown) => {
    expect(prettyLine(`${line}\n`)).toBe(shown);
  });
});

describe('the request log', () => {
  async function logOf(format: 'pretty' | 'json', requests: { url: string; headers?: Record<string, string> }[]): Promise<string[]> {
    const c = await testCenter();
    const lines: string[] = [];
    const app = await buildApp({ store: c.store, clock: c.clock, adminKey: ADMIN_KEY, logger: loggerOptions({ level: 'info', format, out: { write: (line: string) => lines.push(line) } }) });
    try {
      for (const r of requests) await app.inject({ method: 'GET', url: r.url, headers: r.headers });
    } finally {
      await app.close();
      await c.close();
    }
    return lines;
  }

  it('is one JSON line per request: method, the URL with the token cut, status, time', async () => {
    const lines = await logOf('json', [{ url: `${API}/sensor?token=${TOKEN}` }, { url: `${API}/nope?token=${TOKEN}` }]);
    expect(lines).toHaveLength(2);
    const [ok, missing] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ok).toMatchObject({ level: 30, req: { method: 'GET', url: '/api/1.0/sensor?token=ics-1111…' }, res: { statusCode: 200 }, responseTime: expect.any(Number) as unknown, msg: 'request completed' });
    expect(missing).toMatchObject({ req: { url: '/api/1.0/nope?token=ics-1111…' }, res: { statusCode: 404 } });
  });

  it('is one short line per request when pretty', async () => {
    const lines = await logOf('pretty', [{ url: `${API}/sensor?token=${TOKEN}` }]);
    expect(lines).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} GET \/api\/1\.0\/sensor\?token=ics-1111… 200 \d+\.\d ms\n$/)]);
  });

  it('shows neither a token (query, path or header) nor the admin key', async () => {
    const lines = await logOf('json', [
      { url: `${API}/sensor?token=${TOKEN}` },
      { url: `${API}/component/${TOKEN}?limit=1` },
      { url: '/_emulator/clock', headers: { 'x-emulator-key': ADMIN_KEY, 'x-token-id': TOKEN } },
    ]);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('/api/1.0/component/ics-1111…?limit=1');
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(ADMIN_KEY);
    }
  });

  it('says nothing when a listener binds: the start banner announces both', async () => {
    const c = await testCenter();
    const lines: string[] = [];
    const app = await buildApp({ store: c.store, clock: c.clock, adminKey: ADMIN_KEY, logger: loggerOptions({ level: 'info', format: 'json', out: { write: (line: string) => lines.push(line) } }) });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      app.log.info('still logs the rest');
    } finally {
      await app.close();
      await c.close();
    }
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['still logs the rest']);
  });
});
