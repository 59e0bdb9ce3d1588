/**
 * `npx tsx bench/digest.ts [scenario]`: one SHA-256 per list of every page a client can read of a
 * world (`default` unless given), built on a fixed clock, so that a change to how answers are
 * made (issue 17: fetching, serializing, caching) can show that they stayed byte for byte the
 * same: run it before and after, compare the lines. Every page of the 1.0 components, flows and
 * events (limit 100, then 2 000), every component by id, and the 3.0 components, devices and
 * flows (size 100). Not a test: it prints digests, asserts nothing.
 */
import { createHash } from 'node:crypto';
import { buildApp } from '../src/app.js';
import { FixedClock } from '../src/clock.js';
import { openCenter } from '../src/startup.js';

const TOKEN = `ics-${'0123456789'.repeat(4)}-${'abcdef0123'.repeat(4)}`;
const scenario = process.argv[2] ?? 'default';
const clock = new FixedClock(Date.UTC(2024, 4, 1) * 1000);
const center = openCenter({ db: ':memory:', scenario, reset: false, clock, token: TOKEN, adminKey: 'digest-admin-key' });
const app = await buildApp({ store: center.store, clock, adminKey: 'digest-admin-key' });

async function body(url: string, v3 = false): Promise<string> {
  const res = await app.inject({ method: 'GET', url: v3 ? url : `${url}${url.includes('?') ? '&' : '?'}token=${TOKEN}`, headers: v3 ? { 'x-token-id': TOKEN } : {} });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res.body;
}

/** Pages `url(0)`, `url(1)`… until one holds fewer than `size` items; the digest of all of them, and how many items. */
async function pages(url: (n: number) => string, size: number, v3: boolean): Promise<[string, number]> {
  const hash = createHash('sha256');
  let items = 0;
  for (let n = 0; ; n++) {
    const text = await body(url(n), v3);
    hash.update(text);
    const count = (JSON.parse(text) as unknown[]).length;
    items += count;
    if (count < size) return [hash.digest('hex'), items];
  }
}

const say = (name: string, [digest, items]: [string, number]) => process.stdout.write(`${digest}  ${name} (${items} items)\n`);
try {
  for (const path of ['/api/1.0/component', '/api/1.0/flows', '/api/1.0/event']) {
    for (const limit of [100, 2000]) say(`${path} limit ${limit}`, await pages((n) => `${path}?limit=${limit}&offset=${n * limit}`, limit, false));
  }
  const ids = (JSON.parse(await body('/api/1.0/component?limit=2000')) as { id: string }[]).map((c) => c.id);
  const each = createHash('sha256');
  for (const id of ids) each.update(await body(`/api/1.0/component/${id}`));
  say('/api/1.0/component/{id}, the first 2 000', [each.digest('hex'), ids.length]);
  for (const path of ['/components', '/devices', '/flows']) say(`/api/3.0${path} size 100`, await pages((n) => `/api/3.0${path}?size=100&page=${n + 1}`, 100, true));
} finally {
  await app.close();
  center.store.close();
}
