import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../bench/server.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The `--` words before `entry` in a command's words. */
function flagsBefore(words: readonly string[], entry: string): string[] {
  const at = words.indexOf(entry);
  expect(at, `${entry} in ${words.join(' ')}`).toBeGreaterThan(0);
  return words.slice(0, at).filter((w) => w.startsWith('--'));
}

// A Center runs with the same V8 flags however it is started (bench/server.ts NODE_FLAGS says
// why each): the bench measures what `npm start` and the Docker image run.
describe('node flags', () => {
  it('are those of the bench in `npm start`', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    expect(flagsBefore(start.split(/\s+/), 'scripts/start.mjs')).toEqual(NODE_FLAGS);
  });

  it("are those of the bench in the Docker image's command", () => {
    // Docker runs the last CMD of the last stage (the HEALTHCHECK's is indented).
    const cmd = [...(read('Dockerfile').split('\nFROM ').at(-1) ?? '').matchAll(/^CMD (\[.*\])$/gm)].at(-1)?.[1];
    expect(cmd).toBeDefined();
    expect(flagsBefore(JSON.parse(cmd as string) as string[], 'dist/bundle/main.js')).toEqual(NODE_FLAGS);
  });

  it("are those of the bench in scripts/start-time.mjs's run without npm", () => {
    const line = read('scripts/start-time.mjs')
      .split('\n')
      .find((l) => l.includes("'scripts/start.mjs'"));
    const words = [...(line ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
    expect(flagsBefore(words, 'scripts/start.mjs')).toEqual(NODE_FLAGS);
  });

  it('are taken by this node', () => {
    const out = execFileSync(process.execPath, [...NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(out).toBe('ok');
  });
});
