/** The request log never shows an API token or the admin key. */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { logSerializers, redactUrl } from '../src/log.js';
import { ADMIN_KEY, API, TOKEN, testCenter } from './helpers.js';

describe('redactUrl', () => {
  it.each([
    [`/api/1.0/sensor?token=${TOKEN}`, '/api/1.0/sensor?token=ics-1111…'],
    [`/api/1.0/flows?limit=5&token=${TOKEN}&tag=S7`, '/api/1.0/flows?limit=5&token=ics-1111…&tag=S7'],
    ['/api/1.0/sensor?limit=5', '/api/1.0/sensor?limit=5'],
    ['/api/1.0/sensor?mytoken=abc', '/api/1.0/sensor?mytoken=abc'],
    [`/api/1.0/sensor?%74oken=${TOKEN}`, '/api/1.0/sensor?%74oken=ics-…'],
    [`/api/1.0/sensor&token=${TOKEN}`, '/api/1.0/sensor&token=ics-1111…'],
    [`/api/1.0/sensortoken=${TOKEN}`, '/api/1.0/sensortoken=ics-…'],
    [`/api/1.0/sensor?xoken=${TOKEN.toUpperCase()}`, '/api/1.0/sensor?xoken=ics-…'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});

describe('the request log', () => {
  it('shows the route and the status, and neither the token nor the admin key', async () => {
    const c = await testCenter();
    const lines: string[] = [];
    const app = await buildApp({
      store: c.store,
      clock: c.clock,
      adminKey: ADMIN_KEY,
      logger: { level: 'info', serializers: logSerializers, stream: { write: (line: string) => lines.push(line) } },
    });
    try {
      expect((await app.inject({ method: 'GET', url: `${API}/sensor?token=${TOKEN}` })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/_emulator/clock', headers: { 'x-emulator-key': ADMIN_KEY, 'x-token-id': TOKEN } })).statusCode).toBe(200);
      const log = lines.join('');
      expect(log).toContain('/api/1.0/sensor?token=ics-1111…');
      expect(log).toContain('"statusCode":200');
      expect(log).not.toContain(TOKEN);
      expect(log).not.toContain(ADMIN_KEY);
    } finally {
      await app.close();
      await c.close();
    }
  });
});
