import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answer, documentedMisfits, exampleMisfit } from '../src/api/v1/examples.js';
import { OPENAPI_FILE, OPENAPI_FILES, openApiText, openApiTexts } from '../src/cli/openapi.js';

interface Schema {
  $ref?: string;
  format?: string;
  example?: unknown;
  allOf?: Schema[];
  items?: Schema;
}
interface Media {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Parameter {
  name: string;
  in: string;
  description?: string;
  example?: unknown;
  examples?: Record<string, unknown>;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
interface Document {
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const CONTROL_TAG = 'Emulator control plane';

/** Every operation of the document as [path, METHOD, operation]. */
function operations(doc: Document): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]): [string, string, Operation] => [path, method.toUpperCase(), op]));
}

const hasExample = (m: { example?: unknown; examples?: Record<string, unknown> }): boolean =>
  m.example !== undefined || Object.keys(m.examples ?? {}).length > 0;

/** What a documented operation lacks, as readable lines (empty when it lacks nothing). */
function gaps(op: Operation): string[] {
  const missing: string[] = [];
  if (!op.summary?.trim()) missing.push('a summary');
  if (!/\bguide \d+(\.\d+)*/i.test(op.description ?? '')) missing.push('a description citing the guide ("Guide 6.3.1")');
  for (const p of op.parameters ?? []) {
    if (!p.description?.trim()) missing.push(`a description of the ${p.in} parameter "${p.name}"`);
    if (!hasExample(p) && p.schema?.example === undefined) missing.push(`an example of the ${p.in} parameter "${p.name}"`);
  }
  for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
    if (!hasExample(media) && media.schema?.example === undefined) missing.push(`an example of the ${type} body`);
  }
  for (const [code, response] of Object.entries(op.responses)) {
    if (response.description === 'Default Response') missing.push(`a description of the ${code} response`);
    // A response without content is an empty body, and a file has no JSON to show.
    for (const [type, media] of Object.entries(response.content ?? {})) {
      if (!hasExample(media) && media.schema?.format !== 'binary') missing.push(`an example of the ${code} ${type} response`);
    }
  }
  return missing;
}

let generated: Document;
beforeAll(async () => {
  generated = JSON.parse(await openApiText()) as Document;
});

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

describe('the documentation of each operation', () => {
  it('gives every /api/1.0 operation a summary, a guide section, examples of every parameter, body and answer', () => {
    const api = operations(generated).filter(([path]) => path.startsWith('/api/1.0/'));
    expect(api.length).toBeGreaterThan(40);
    const missing = api.flatMap(([path, method, op]) => gaps(op).map((gap) => `${method} ${path} lacks ${gap}`));
    expect(missing).toEqual([]);
  });

  it('lets Authorize take the token as the query parameter or the x-token-id header on every /api/1.0 operation', () => {
    for (const [path, method, op] of operations(generated).filter(([p]) => p.startsWith('/api/1.0/'))) {
      expect(op.security, `${method} ${path}`).toEqual([{ token: [] }, { tokenHeader: [] }]);
    }
  });

  it('asks for the admin key on every control-plane operation but the health check', () => {
    const control = operations(generated).filter(([path]) => path.startsWith('/_emulator/'));
    expect(control.length).toBeGreaterThan(10);
    for (const [path, method, op] of control) {
      expect(op.security, `${method} ${path}`).toEqual(path === '/_emulator/health' ? [] : [{ emulatorKey: [] }]);
      expect(op.tags, `${method} ${path}`).toEqual([CONTROL_TAG]);
    }
  });
});

describe('answer (the documented answers of the routes)', () => {
  it('says when an example is not a body its schema would give', () => {
    const schema = z.object({ id: z.string() }).strict();
    expect(exampleMisfit(schema, 'A thing', { id: 'x', extra: 1 })).toMatch(/^the example of "A thing" does not fit its schema: /);
    expect(exampleMisfit(schema, 'A thing', { id: 'x' })).toBeUndefined();
    expect(answer(schema, 'A thing', { id: 'x' }).meta()).toMatchObject({ description: 'A thing', examples: [{ id: 'x' }] });
  });

  it('documents only examples that fit their schema, so that the documentation cannot show a body a route would never give', () => {
    const { checked, misfits } = documentedMisfits();
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(misfits).toEqual([]);
  });
});

describe('the tags', () => {
  it("come in the guide's order, each citing its section, with the control plane last", () => {
    const names = generated.tags.map((t) => t.name);
    expect(names.at(-1)).toBe(CONTROL_TAG);
    const sections = generated.tags.slice(0, -1).map((t) => {
      const m = /^Guide (\d+)\.(\d+)/.exec(t.description);
      expect(m, `tag "${t.name}" cites its guide section`).not.toBeNull();
      return Number(m?.[1]) * 100 + Number(m?.[2]);
    });
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    expect(new Set(sections).size).toBe(sections.length);
  });

  it('group every operation under one of them', () => {
    const names = new Set(generated.tags.map((t) => t.name));
    for (const [path, method, op] of operations(generated)) {
      expect(op.tags?.length, `${method} ${path}`).toBe(1);
      expect(names.has(op.tags?.[0] ?? ''), `${method} ${path}: ${op.tags?.[0]}`).toBe(true);
    }
  });
});

describe('openapi/openapi-3.0.json', () => {
  it('is what `npm run openapi` generates from the 3.0 route schemas (run it when this fails)', async () => {
    expect(readFileSync(OPENAPI_FILES['3.0'], 'utf8')).toBe((await openApiTexts())['3.0']);
  });

  it('is a valid OpenAPI 3 document', async () => {
    const result = await new Validator().validate(JSON.parse(readFileSync(OPENAPI_FILES['3.0'], 'utf8')) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('holds the 3.0 operations and nothing else, each with the x-token-id scheme; the 1.0 document holds none of them', () => {
    const v3 = JSON.parse(readFileSync(OPENAPI_FILES['3.0'], 'utf8')) as Document;
    const ops = operations(v3);
    expect(ops.length).toBeGreaterThan(0);
    for (const [path, method, op] of ops) {
      expect(path, `${method} ${path}`).toMatch(/^\/api\/3\.0\//);
      expect(op.security, `${method} ${path}`).toEqual([{ token: [] }]);
    }
    expect(operations(generated).filter(([path]) => path.startsWith('/api/3.0'))).toEqual([]);
  });
});
