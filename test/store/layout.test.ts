/** SQL lives in src/store/: no other module prepares a statement, runs SQL or sets a pragma. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const STORE = join(SRC, 'store');

describe('src/store/ layout', () => {
  it('holds every SQL statement of the program', () => {
    const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));
    const offenders = files
      .filter((f) => !f.startsWith(`${STORE}/`))
      .filter((f) => /\.(prepare|pragma)\(|\bdb\.exec\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
