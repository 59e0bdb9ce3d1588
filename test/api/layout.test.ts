/**
 * The surfaces are siblings: what they share lives outside src/api/v1/ and src/api/v3/, and
 * neither surface, nor anything else, imports from the other's folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));
const imports = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => join(file, '..', m[1] as string));

describe('src/api/ layout', () => {
  it.each(['v1', 'v3'])('nothing outside src/api/%s imports from it', (surface) => {
    const folder = join(SRC, 'api', surface);
    const offenders = files
      .filter((f) => !f.startsWith(`${folder}/`))
      .flatMap((f) => imports(f).filter((i) => i.startsWith(`${folder}/`)).map((i) => `${relative(SRC, f)} → ${relative(SRC, i)}`))
      // The app registers each surface's plugin, and the command line builds the app.
      .filter((line) => !/^app\.ts → api\/v[13]\/index\.js$/.test(line));
    expect(offenders).toEqual([]);
  });
});
