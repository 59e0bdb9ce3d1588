import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleness } from '../../scripts/build.mjs';

// `npm start` and `npm ci` build dist/ only when this says so (the build itself is what
// `npm run check` and `npm start` run).
describe('staleness', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  const write = (path: string, seconds: number) => {
    writeFileSync(join(root, path), '');
    at(path, seconds);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ccv-build-'));
    for (const dir of ['src/store', 'scripts', 'dist']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['src/app.ts', 'src/store/db.ts', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/bundle.mjs']) write(file, 1000);
    for (const dir of ['src/store', 'src']) at(dir, 1000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for a build when dist/ was never built', () => {
    expect(staleness(root)).toBe('dist/ was never built');
  });

  it('is satisfied by a build that started after every input changed', () => {
    write('dist/.built', 2000);
    expect(staleness(root)).toBeUndefined();
  });

  it('asks for a build when a source in a subfolder changed since the build started', () => {
    write('dist/.built', 2000);
    at('src/store/db.ts', 2001);
    expect(staleness(root)).toBe('src changed');
  });

  it('asks for a build when a source was removed (its folder changed)', () => {
    write('dist/.built', 2000);
    rmSync(join(root, 'src/store/db.ts'));
    expect(staleness(root)).toBe('src changed');
  });

  it('asks for a build when the TypeScript configuration or the build itself changed', () => {
    write('dist/.built', 2000);
    at('tsconfig.build.json', 2001);
    expect(staleness(root)).toBe('tsconfig.build.json changed');
    at('tsconfig.build.json', 1000);
    at('scripts/build.mjs', 2001);
    expect(staleness(root)).toBe('scripts/build.mjs changed');
    at('scripts/build.mjs', 1000);
    at('scripts/bundle.mjs', 2001);
    expect(staleness(root)).toBe('scripts/bundle.mjs changed');
  });
});
