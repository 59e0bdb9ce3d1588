import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, openApiText } from '../src/cli/openapi.js';

describe('openapi/openapi.json', () => {
  it('is what `npm run openapi` generates from the route schemas (run it when this fails)', async () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(await openApiText());
  });

  it('is a valid OpenAPI 3 document', async () => {
    const result = await new Validator().validate(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every 1.0 read route of the inventory with both token schemes', async () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const paths = [
      '/sensor', '/component', '/component/{id}', '/component/{id}/flow', '/component/{id}/variables', '/vendor',
      '/icon', '/icon/{key}', '/flows', '/flow/{id}', '/flow/{id}/content', '/flow/{id}/stats', '/group', '/group/{id}',
      '/event', '/event-data/{id}/download', '/variables', '/tags', '/analyzer/tag/{tag}', '/analyzer/property/rule',
      '/analyzer/property/rule/{id}', '/analyzer/port/rule', '/analyzer/port/rule/{id}',
    ];
    for (const p of paths) {
      const get = doc.paths[`/api/1.0${p}`]?.['get'];
      expect(get, p).toBeDefined();
      expect(get?.security).toEqual([{ token: [] }, { tokenHeader: [] }]);
    }
  });
});
