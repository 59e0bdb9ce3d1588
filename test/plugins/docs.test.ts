import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTryItOut } from '../../src/plugins/docs.js';
import { testCenter, type TestCenter } from '../helpers.js';

// The page itself is driven in a real browser by test/browser/pages.test.ts.
let center: TestCenter;
beforeAll(async () => {
  center = await testCenter();
});
afterAll(() => center.close());

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  example?: unknown;
  schema?: { example?: unknown };
}
type Paths = Record<string, Record<string, { parameters?: Parameter[] }>>;

describe('GET /api/1.0/documentation', () => {
  it('serves the Swagger UI page without a token, with or without the trailing slash', async () => {
    for (const url of ['/api/1.0/documentation', '/api/1.0/documentation/']) {
      const res = await center.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<div id="swagger-ui"></div>');
      expect(res.body).toContain('<title>API Documentation · Cisco Cyber Vision Center (emulated)</title>');
    }
  });

  it('serves the Swagger UI assets itself (the page works offline) and the header that links back to the token page', async () => {
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'swagger-initializer.js', 'theme/docs-header.js', 'theme/docs.css']) {
      const res = await center.app.inject({ method: 'GET', url: `/api/1.0/documentation/static/${asset}` });
      expect(res.statusCode, asset).toBe(200);
      expect(res.body.length, asset).toBeGreaterThan(100);
    }
    const header = await center.app.inject({ method: 'GET', url: '/api/1.0/documentation/static/theme/docs-header.js' });
    expect(header.body).toContain("['/', 'API Token']");
  });

  it('is not one of the documented operations', async () => {
    await center.app.ready();
    const paths = Object.keys((center.app.swagger() as { paths: Paths }).paths);
    expect(paths.filter((p) => p.startsWith('/api/1.0/documentation'))).toEqual([]);
  });
});

describe('GET /api/1.0/documentation/json', () => {
  it('is the OpenAPI document of the routes, with the examples of optional query parameters moved into their descriptions', async () => {
    const res = await center.app.inject({ method: 'GET', url: '/api/1.0/documentation/json' });
    expect(res.statusCode).toBe(200);
    const served = res.json() as { paths: Paths };
    const expected = forTryItOut(structuredClone(center.app.swagger()) as Record<string, unknown>);
    expect(served).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe('forTryItOut', () => {
  const doc = () => ({
    paths: {
      '/x/{id}': {
        get: {
          parameters: [
            { name: 'id', in: 'path', required: true, description: 'The id.', schema: { example: 'a1' } },
            { name: 'limit', in: 'query', required: true, description: 'Mandatory.', schema: { example: 100 } },
            { name: 'ip', in: 'query', required: false, description: 'An IP.', schema: { example: ['10.0.0.1', '10.0.0.2'] } },
            { name: 'text', in: 'query', required: false, example: 'New comp' },
          ],
        },
      },
    },
  });

  it('keeps the examples of path and required parameters, which "Try it out" fills in', () => {
    const [id, limit] = (forTryItOut(doc()) as { paths: Paths }).paths['/x/{id}']?.['get']?.parameters ?? [];
    expect(id?.schema?.example).toBe('a1');
    expect(limit?.schema?.example).toBe(100);
    expect(limit?.description).toBe('Mandatory.');
  });

  it('moves the example of an optional query parameter into its description, so that Execute does not send it', () => {
    const [, , ip, text] = (forTryItOut(doc()) as { paths: Paths }).paths['/x/{id}']?.['get']?.parameters ?? [];
    expect(ip?.schema?.example).toBeUndefined();
    expect(ip?.description).toBe('An IP. Example: `10.0.0.1` and `10.0.0.2`.');
    expect(text?.example).toBeUndefined();
    expect(text?.description).toBe('Example: `New comp`.');
  });
});
