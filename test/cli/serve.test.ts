/** `ccv-emulator [flags]`: the start banner, then the request log, in the format the output calls for. */
import type { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVING } from '../../src/cli/code-cache.js';
import { serve } from '../../src/cli/serve.js';
import type { RunningServer } from '../../src/server.js';
import { freePort } from '../helpers.js';

// One database (and TLS material) for the file: built by the first start, reused by the others.
const dir = mkdtempSync(join(tmpdir(), 'ccv-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  server: RunningServer;
  out: () => string;
  err: () => string;
}

async function start(isTTY: boolean, argv: string[] = [], env: Record<string, string> = {}): Promise<Started> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (t: string) => (out += t), isTTY }, stderr: { write: (t: string) => (err += t), isTTY } };
  const flags = ['--db', join(dir, 'center.db'), '--scenario', 'small', '--https-port', '0', '--http-port', String(await freePort()), ...argv];
  const server = await serve(flags, env, io, '');
  if (typeof server === 'number') throw new Error(`exit ${server}: ${err}`);
  return { server, out: () => out, err: () => err };
}

/** The banner's lines, then what came after it. */
function split(stdout: string): { banner: string[]; after: string[] } {
  const lines = stdout.split('\n').slice(0, -1);
  const end = lines.indexOf('  Ctrl-C stops the server.');
  return { banner: lines.slice(0, end + 1), after: lines.slice(end + 1) };
}

describe('ccv-emulator (the server)', () => {
  it('prints the banner alone, then one JSON line per request when the output is not a terminal', async () => {
    const s = await start(false);
    try {
      const token = /API token {2}(\S+)/.exec(s.out())?.[1] as string;
      expect((await fetch(`${s.server.urls.http}/api/1.0/sensor?token=${token}`)).status).toBe(200);
      const { banner, after } = split(s.out());
      expect(banner[0]).toMatch(/^Cisco Cyber Vision Center emulator .*: scenario "small"/);
      expect(banner.filter((l) => l.startsWith('{'))).toEqual([]);
      expect(after).toHaveLength(1);
      expect(JSON.parse(after[0] as string)).toMatchObject({ req: { method: 'GET', url: `/api/1.0/sensor?token=${token.slice(0, 8)}…` }, res: { statusCode: 200 } });
    } finally {
      await s.server.close();
    }
  });

  it('announces on the process that it serves, once the banner is out (the code cache is written then: src/cli/code-cache.ts)', async () => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t), isTTY: false }, stderr: { write: () => true, isTTY: false } };
    let outAtServing: string | undefined;
    (process as EventEmitter).once(SERVING, () => (outAtServing = out));
    const flags = ['--db', join(dir, 'center.db'), '--scenario', 'small', '--https-port', '0', '--http-port', String(await freePort())];
    const server = await serve(flags, {}, io, '');
    if (typeof server === 'number') throw new Error(`exit ${server}`);
    try {
      expect(outAtServing).toMatch(/Ctrl-C stops the server\.\n$/);
    } finally {
      await server.close();
    }
  });

  it('prints one short line per request on a terminal', async () => {
    const s = await start(true);
    try {
      expect((await fetch(`${s.server.urls.http}/api/1.0/sensor`)).status).toBe(401);
      expect(split(s.out()).after).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} GET \/api\/1\.0\/sensor 401 \d+\.\d ms$/)]);
    } finally {
      await s.server.close();
    }
  });

  it.each([
    ['--log-format json', ['--log-format', 'json'], {}, /^\{"level":30/],
    ['CCV_LOG_FORMAT=pretty', [], { CCV_LOG_FORMAT: 'pretty' }, /^\d\d:\d\d:\d\d\.\d{3} GET /],
  ])('follows %s whatever the output is', async (_, argv, env, line) => {
    const s = await start(argv.length > 0, argv, env);
    try {
      await fetch(`${s.server.urls.http}/api/1.0/sensor`);
      expect(split(s.out()).after).toEqual([expect.stringMatching(line)]);
    } finally {
      await s.server.close();
    }
  });
});

describe('ccv-emulator with a port another server holds', () => {
  it('says so before it opens or builds the world: no database file is made', async () => {
    const port = await freePort();
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(port, '127.0.0.1', resolve));
    const db = join(dir, 'never.db');
    const io = { stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false } };
    try {
      await expect(serve(['--db', db, '--scenario', 'small', '--https-port', '0', '--http-port', String(port)], {}, io, '')).rejects.toThrow(
        `The HTTP port ${port} on 127.0.0.1 is already in use (another server?)`,
      );
      expect(existsSync(db)).toBe(false);
    } finally {
      busy.close();
    }
  });
});
