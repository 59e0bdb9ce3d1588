/**
 * dist/bundle/ (scripts/bundle.mjs), what `npm start` and the Docker image run: a start from it
 * finds what each module finds beside itself in dist/ (migrations, pages, fixtures, seeds,
 * package.json) or in node_modules (Swagger UI's files), and the packages left out of it
 * (better-sqlite3, selfsigned); once serving, it writes its code cache beside itself. The build
 * runs first when a source is newer than dist/ (as `npm start` does).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build.mjs';
import { freePort } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = 'dist/bundle/main.js';
const ENV = { ...process.env, CCV_LOG_LEVEL: 'silent' };

let server: ChildProcess;
let base: string;
let token: string;

/** Resolves to the server's banner once it says how to stop it (everything is bound then). */
function banner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ctrl-C stops the server.')) resolve(out);
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`the bundle exited with ${code} before serving: ${out}${err}`)));
  });
}

const caches = (): string[] => readdirSync(join(ROOT, 'dist', 'bundle')).filter((name) => name.endsWith('.v8cache'));

beforeAll(async () => {
  await buildIfStale();
  for (const name of caches()) rmSync(join(ROOT, 'dist', 'bundle', name));
  const port = await freePort();
  server = spawn(process.execPath, [BUNDLE, '--db', ':memory:', '--scenario', 'small', '--https-port', '0', '--http-port', String(port)], { cwd: ROOT, env: ENV });
  const text = await banner(server);
  base = `http://127.0.0.1:${port}`;
  token = /API token {2}(ics-\S+)/.exec(text)?.[1] ?? '';
}, 120_000);

afterAll(() => {
  server.kill();
});

describe('the bundle', () => {
  it('builds and serves the scenario (seeds/, fixtures/, the migrations)', async () => {
    const res = await fetch(`${base}/api/1.0/sensor?token=${token}`);
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object).length).toBeGreaterThan(0);
    const devices = await fetch(`${base}/api/3.0/devices?page=1&size=1`, { headers: { 'x-token-id': token } });
    expect(devices.status).toBe(200);
  });

  it('serves the pages and both documentations (their files found from the bundle)', async () => {
    for (const [path, type] of [
      ['/', /^text\/html/],
      ['/api/1.0/documentation/', /^text\/html/],
      ['/api/1.0/documentation/static/swagger-ui.css', /^text\/css/],
      ['/api/3.0/documentation/json', /^application\/json/],
    ] as const) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
    }
    const doc = (await (await fetch(`${base}/api/1.0/documentation/json`)).json()) as { info: { version: string } };
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('writes its code cache once it serves (src/cli/code-cache.ts)', async () => {
    for (let waited = 0; caches().length === 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(caches()).toEqual([expect.stringMatching(/^center\.cjs\.[0-9a-f]{16}\.v8cache$/)]);
  });

  it('runs the commands: health against the server, --help', () => {
    const port = new URL(base).port;
    const health = spawnSync(process.execPath, [BUNDLE, 'health'], { cwd: ROOT, env: { ...ENV, CCV_HTTPS_PORT: '0', CCV_HTTP_PORT: port }, encoding: 'utf8' });
    expect(health.status, health.stderr).toBe(0);
    const help = spawnSync(process.execPath, [BUNDLE, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ccv-emulator/);
  });
});
