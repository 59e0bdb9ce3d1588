import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCenter, type TestCenter } from '../helpers.js';

// What the page does in a browser is tested in test/browser/pages.test.ts.
let center: TestCenter;
beforeAll(async () => {
  center = await testCenter();
});
afterAll(() => center.close());

describe('GET /', () => {
  it('serves the API Token page without a token or a key, its scripts from this origin only', async () => {
    const res = await center.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.body).toContain('<h2 id="tokens-title">API Token</h2>');
    expect(res.body).toContain('<script type="module" src="/ui/tokens.js"></script>');
    expect(res.body).toContain('href="/api/1.0/documentation"');
  });

  it('is not one of the documented operations', async () => {
    await center.app.ready();
    const paths = Object.keys((center.app.swagger() as { paths: Record<string, unknown> }).paths);
    expect(paths.filter((p) => p === '/' || p.startsWith('/ui/'))).toEqual([]);
  });
});

describe('GET /ui/{file}', () => {
  it.each([
    ['tokens.js', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (file, type) => {
    const res = await center.app.inject({ method: 'GET', url: `/ui/${file}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body.length).toBeGreaterThan(1000);
  });

  it('answers 404 in the envelope for a file it does not have', async () => {
    const res = await center.app.inject({ method: 'GET', url: '/ui/..%2Fplugins%2Fui.ts' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ status: 'error', message: 'Route GET:/ui/..%2Fplugins%2Fui.ts not found' });
  });
});
