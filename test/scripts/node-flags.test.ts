import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, flagsBefore } from '../../bench/server.js';

// The node flags of package.json's start script (README, "How a read gets its speed"), which the
// bench reads as NODE_FLAGS: the Docker image must run the Center with them too.
describe('node flags', () => {
  it('are given by `npm start`, and this node takes them', () => {
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    const out = execFileSync(process.execPath, [...NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(out).toBe('ok');
  });

  it("are those of the Docker image's command", () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    // Docker runs the last CMD of the last stage (the HEALTHCHECK's is indented).
    const cmd = [...(dockerfile.split('\nFROM ').at(-1) ?? '').matchAll(/^CMD (\[.*\])$/gm)].at(-1)?.[1];
    expect(cmd).toBeDefined();
    expect(flagsBefore(JSON.parse(cmd as string) as string[], 'dist/bundle/main.js')).toEqual(NODE_FLAGS);
  });
});
