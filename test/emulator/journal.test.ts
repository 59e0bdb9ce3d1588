/** The request journal: the ring and its masking, GET and DELETE /_emulator/requests, CCV_JOURNAL_SIZE. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { FixedClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config.js';
import { formatTimestamp } from '../../src/domain/time.js';
import { BODY_LIMIT, DEFAULT_JOURNAL_SIZE, type SeenBody, createJournal, maskSecret, recordedBody, recordedQuery, seenBody } from '../../src/emulator/journal.js';
import { JournalEntrySchema } from '../../src/emulator/routes/requests.js';
import { openCenter } from '../../src/startup.js';
import { ADMIN_KEY, API, NOW, TOKEN, type TestCenter, UNKNOWN, expectError, expectShape, journalEntry, testCenter } from '../helpers.js';

type Entry = ReturnType<typeof JournalEntrySchema.parse>;

const MASKED = `ics-…${TOKEN.slice(-4)}`;

const entry = journalEntry;

describe('createJournal', () => {
  it('keeps the last `size` entries, newest first, dropping the oldest', () => {
    const j = createJournal(3);
    for (let i = 1; i <= 5; i++) j.record(entry({ path: `/api/${i}` }));
    expect(j.size).toBe(3);
    expect(j.list({ limit: 10 }).map((e) => [e.id, e.path])).toEqual([
      [5, '/api/5'],
      [4, '/api/4'],
      [3, '/api/3'],
    ]);
    expect(j.all().map((e) => e.id)).toEqual([3, 4, 5]);
  });

  it('goes on numbering after a clear', () => {
    const j = createJournal(2);
    j.record(entry());
    j.record(entry());
    j.clear();
    expect(j.all()).toEqual([]);
    expect(j.record(entry())).toBe(3);
  });

  it('records nothing at size 0', () => {
    const j = createJournal(0);
    expect(j.enabled).toBe(false);
    expect(j.record(entry())).toBeUndefined();
    expect(j.list({ limit: 1 })).toEqual([]);
  });

  it('filters by method, status and path, then limits', () => {
    const j = createJournal(10);
    j.record(entry({ method: 'GET', status: 200 }));
    j.record(entry({ method: 'POST', status: 400 }));
    j.record(entry({ method: 'GET', status: 404, path: '/api/x', route: null }));
    j.record(entry({ method: 'GET', status: 200 }));
    expect(j.list({ methods: ['POST'], limit: 10 }).map((e) => e.id)).toEqual([2]);
    expect(j.list({ statuses: [400, 404], limit: 10 }).map((e) => e.id)).toEqual([3, 2]);
    expect(j.list({ matches: (_path, route) => route === null, limit: 10 }).map((e) => e.id)).toEqual([3]);
    expect(j.list({ methods: ['GET'], limit: 2 }).map((e) => e.id)).toEqual([4, 3]);
  });
});

describe('masking and truncation', () => {
  it('masks a token to ics-… and its last 4 characters', () => {
    expect(maskSecret(TOKEN)).toBe(MASKED);
    expect(maskSecret('short')).toBe('…');
    expect(recordedQuery({ token: TOKEN, port: ['1', '2'], limit: '5' })).toEqual({ token: MASKED, port: ['1', '2'], limit: '5' });
  });

  it('masks any API token in a body', () => {
    expect(recordedBody(`{"t":"${TOKEN}"}`)).toEqual({ text: `{"t":"${MASKED}"}`, truncated: false });
  });

  it(`cuts a body at ${BODY_LIMIT} bytes with the flag, even inside a multi-byte character`, () => {
    expect(recordedBody('a'.repeat(BODY_LIMIT))).toEqual({ text: 'a'.repeat(BODY_LIMIT), truncated: false });
    const long = recordedBody('é'.repeat(BODY_LIMIT));
    expect(long.truncated).toBe(true);
    expect(long.text).toBe('é'.repeat(BODY_LIMIT / 2));
    const odd = recordedBody(`a${'é'.repeat(BODY_LIMIT)}`);
    expect(Buffer.byteLength(odd.text ?? '')).toBe(BODY_LIMIT - 1);
    expect(odd.text?.endsWith('é')).toBe(true);
  });

  it('masks a token that the cut leaves incomplete', () => {
    const text = `${'a'.repeat(BODY_LIMIT - 50)}${TOKEN}`;
    const cut = recordedBody(text);
    expect(cut.truncated).toBe(true);
    expect(cut.text).toBe(`${'a'.repeat(BODY_LIMIT - 50)}ics-…`);
    expect(cut.text).not.toContain(TOKEN.slice(4, 40));
  });
});

describe('seenBody', () => {
  const read = (response: SeenBody) => {
    const j = createJournal(1);
    j.record(entry({ response }));
    return j.all()[0];
  };

  it('keeps a copy of the first bytes, not a view of the whole answer', () => {
    const answer = Buffer.from('x'.repeat(3 * BODY_LIMIT));
    const seen = seenBody(answer);
    expect(seen).toMatchObject({ cut: true });
    expect(seen.bytes.length).toBe(BODY_LIMIT + 1);
    expect(seen.bytes.buffer).not.toBe(answer.buffer);
    expect(read(seen)).toMatchObject({ responseBody: 'x'.repeat(BODY_LIMIT), responseBodyTruncated: true });
  });

  it('reads bytes and text alike, cut inside a multi-byte character', () => {
    const text = `a${'é'.repeat(BODY_LIMIT)}`;
    for (const body of [text, Buffer.from(text)]) {
      const e = read(seenBody(body));
      expect(e?.responseBodyTruncated).toBe(true);
      expect(e?.responseBody).toBe(`a${'é'.repeat(BODY_LIMIT / 2 - 1)}`);
    }
    expect(read(seenBody('{"ok":true}'))).toMatchObject({ responseBody: '{"ok":true}', responseBodyTruncated: false });
  });

  it('masks a token in a body as it is recorded, not when it is read', () => {
    const j = createJournal(2);
    const request = seenBody(`{"t":"${TOKEN}"}`);
    const plain = seenBody('{"ok":true}');
    j.record(entry({ request, response: seenBody(Buffer.from(`["${TOKEN}"]`)) }));
    j.record(entry({ response: plain }));
    // Bytes overwritten after the fact show what the ring still holds: none of a body with a token.
    request.bytes.fill(0x78);
    plain.bytes.fill(0x78);
    const [withToken, without] = j.all();
    expect(withToken).toMatchObject({ requestBody: `{"t":"${MASKED}"}`, responseBody: `["${MASKED}"]` });
    expect(without?.responseBody).toBe('x'.repeat(11)); // kept as bytes, read late
    expect(JSON.stringify(j.list({ limit: 1 }))).not.toContain(TOKEN);
  });
});

describe('CCV_JOURNAL_SIZE', () => {
  it('is 1000 by default, and read from the variable or the flag', () => {
    expect(parseConfig([], {}).journalSize).toBe(DEFAULT_JOURNAL_SIZE);
    expect(DEFAULT_JOURNAL_SIZE).toBe(1000);
    expect(parseConfig([], { CCV_JOURNAL_SIZE: '0' }).journalSize).toBe(0);
    expect(parseConfig(['--journal-size', '50'], { CCV_JOURNAL_SIZE: '10' }).journalSize).toBe(50);
  });

  it.each([['-1'], ['1.5'], ['lots'], ['100001']])('rejects %s', (value) => {
    expect(() => parseConfig([], { CCV_JOURNAL_SIZE: value })).toThrow(/CCV_JOURNAL_SIZE.*integer from 0 to 100000/);
  });
});

// ---- the routes ----

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  await c.close();
});

const requests = async (query = '', app: FastifyInstance = c.app): Promise<Entry[]> => {
  const res = await app.inject({ method: 'GET', url: `/_emulator/requests${query}`, headers: { 'x-emulator-key': ADMIN_KEY } });
  expect(res.statusCode, res.body).toBe(200);
  const list = res.json() as Entry[];
  for (const e of list) expectShape(JournalEntrySchema, e);
  return list;
};

const last = async (): Promise<Entry> => {
  const [e] = await requests('?limit=1');
  if (!e) throw new Error('the journal is empty');
  return e;
};

/** A Center whose journal keeps `journalSize` requests. */
async function centerWithJournal(journalSize: number, control = true): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const clock = new FixedClock(NOW);
  const center = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock, token: TOKEN, adminKey: ADMIN_KEY });
  const app = await buildApp({ store: center.store, clock, adminKey: ADMIN_KEY, journalSize, control });
  return {
    app,
    async close() {
      await app.close();
      center.store.close();
    },
  };
}

describe('GET /_emulator/requests', () => {
  it('leaves out the documentation page: it is not the API, and a fault never hits it', async () => {
    await c.control('POST', '/_emulator/faults', { path: '/api/*', status: 503 });
    expect((await c.app.inject({ method: 'GET', url: `${API}/documentation/json` })).statusCode).toBe(200);
    expect((await c.get(`${API}/sensor`)).statusCode).toBe(503);
    expect((await requests()).map((e) => e.path)).toEqual([`${API}/sensor`]);
  });

  it('masks a token sent under another name or in the path, as it masks ?token=', async () => {
    await c.app.inject({ method: 'GET', url: `${API}/sensor?xoken=${TOKEN}` });
    await c.app.inject({ method: 'GET', url: `${API}/sensor&token=${TOKEN}` });
    const [inPath, byName] = await requests('?limit=2');
    expect(byName?.query).toEqual({ xoken: MASKED });
    expect(inPath?.path).toBe(`${API}/sensor&token=${MASKED}`);
    expect((await c.control('GET', '/_emulator/requests')).body).not.toContain(TOKEN);
  });

  it('records an answered request: route, query with the token masked, token name, bodies, clock time', async () => {
    const [component] = await c.json<{ id: string }[]>(`${API}/component?limit=1`);
    const res = await c.get(`${API}/component/${component?.id}?x=1&x=2`);
    expect(res.statusCode).toBe(200);
    const e = await last();
    expect(e).toMatchObject({
      time: formatTimestamp(NOW),
      method: 'GET',
      path: `${API}/component/${component?.id}`,
      route: `${API}/component/:id`,
      query: { x: ['1', '2'], token: MASKED },
      status: 200,
      token_name: 'CCV_TOKEN',
      request_body: null,
      response_body: res.body,
      response_body_truncated: false,
      fault: null,
      delayed_by_fault: null,
    });
    expect(e.duration_ms).toBeGreaterThanOrEqual(0);
    const all = await c.control('GET', '/_emulator/requests');
    expect(all.body).not.toContain(TOKEN);
  });

  it('records a 401 without a token name, and never stores the x-token-id header', async () => {
    expectError(await c.app.inject({ method: 'GET', url: `${API}/sensor` }), 401);
    expect(await last()).toMatchObject({ status: 401, route: `${API}/sensor`, token_name: null, query: {} });

    const wrong = `ics-${'9'.repeat(40)}-${'8'.repeat(40)}`;
    expectError(await c.app.inject({ method: 'GET', url: `${API}/sensor`, headers: { 'x-token-id': wrong } }), 401);
    const viaHeader = await c.app.inject({ method: 'GET', url: `${API}/sensor`, headers: { 'x-token-id': TOKEN } });
    expect(viaHeader.statusCode).toBe(200);
    expect(await last()).toMatchObject({ status: 200, token_name: 'CCV_TOKEN', query: {} });
    const body = (await c.control('GET', '/_emulator/requests')).body;
    expect(body).not.toContain(TOKEN);
    expect(body).not.toContain(wrong);
  });

  it('records a 402 with the name of the (valid) token', async () => {
    c.store.settings.set('license.api', 'false');
    expectError(await c.get(`${API}/sensor`), 402);
    expect(await last()).toMatchObject({ status: 402, token_name: 'CCV_TOKEN', response_body: expect.stringContaining('License error') });
  });

  it('records a 404 for an unknown route with a null route', async () => {
    expectError(await c.get(`${API}/nothing/here`), 404);
    expect(await last()).toMatchObject({ method: 'GET', path: `${API}/nothing/here`, route: null, status: 404 });
  });

  it('records a 400 with the request body as sent, even when it is no JSON', async () => {
    const res = await c.app.inject({ method: 'POST', url: `${API}/group?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: '{"label": oops' });
    expectError(res, 400);
    expect(await last()).toMatchObject({ method: 'POST', route: `${API}/group`, status: 400, request_body: '{"label": oops', request_body_truncated: false });
  });

  it(`cuts a request body beyond ${BODY_LIMIT} bytes and flags it`, async () => {
    await c.send('POST', `${API}/group`, { label: 'x'.repeat(2 * BODY_LIMIT) });
    const e = await last();
    expect(e.request_body_truncated).toBe(true);
    expect(Buffer.byteLength(e.request_body ?? '')).toBe(BODY_LIMIT);
    expect(e.request_body?.startsWith('{"label":"xxx')).toBe(true);
  });

  it(`records the start of a list answer beyond ${BODY_LIMIT} bytes, cut and flagged`, async () => {
    const res = await c.get(`${API}/component?limit=50`);
    expect(res.rawPayload.length).toBeGreaterThan(BODY_LIMIT);
    const e = await last();
    expect(e.response_body_truncated).toBe(true);
    const kept = Buffer.from(e.response_body ?? '');
    expect(kept.length).toBeGreaterThan(BODY_LIMIT - 4); // a multi-byte character cut at the end is dropped
    expect(kept.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(res.rawPayload.subarray(0, kept.length).equals(kept)).toBe(true);
  });

  it('leaves the control plane out', async () => {
    await c.control('GET', '/_emulator/clock');
    await c.control('GET', '/_emulator/requests');
    expect(await requests()).toEqual([]);
  });

  it('filters by method, status (repeatable), path pattern, exact path or prefix, and limits', async () => {
    await c.get(`${API}/sensor`); // 1: 200
    await c.get(`${API}/component/${UNKNOWN}`); // 2: 404
    await c.get(`${API}/component/not-a-uuid`); // 3: 400
    await c.send('POST', `${API}/group`, {}); // 4: 400
    await c.get(`${API}/nothing`); // 5: 404, no route
    const ids = async (query: string) => (await requests(query)).map((e) => e.id);
    expect(await ids('')).toEqual([5, 4, 3, 2, 1]);
    expect(await ids('?method=post')).toEqual([4]);
    expect(await ids('?status=404')).toEqual([5, 2]);
    expect(await ids('?status=404&status=200')).toEqual([5, 2, 1]);
    expect(await ids(`?path=${API}/component/:id`)).toEqual([3, 2]);
    expect(await ids(`?path=${API}/component/{id}&status=400`)).toEqual([3]);
    expect(await ids(`?path=${API}/sensor`)).toEqual([1]);
    expect(await ids(`?path=${API}/component*`)).toEqual([3, 2]);
    expect(await ids(`?path=${API}/n*`)).toEqual([5]);
    expect(await ids('?limit=2')).toEqual([5, 4]);
    expect(await ids('?method=GET&status=404&limit=1')).toEqual([5]);
  });

  it.each([
    ['a limit above the journal size', `?limit=${DEFAULT_JOURNAL_SIZE + 1}`, /"limit": must be <= 1000/],
    ['a limit of 0', '?limit=0', /"limit": must be >= 1/],
    ['a status that is no number', '?status=ok', /"status": must be an integer/],
    ['an unknown method', '?method=FETCH', /"method": must be one of/],
    ['a path with * inside', '?path=/api/*/x', /"path": may hold '\*' only at its end/],
  ])('answers 400 to %s', async (_, query, message) => {
    expectError(await c.control('GET', `/_emulator/requests${query}`), 400, message);
  });

  it('answers 401 without the admin key', async () => {
    expectError(await c.control('GET', '/_emulator/requests', undefined, null), 401, /x-emulator-key/);
  });

  it('drops the oldest requests past CCV_JOURNAL_SIZE', async () => {
    const small = await centerWithJournal(3);
    try {
      for (const path of ['sensor', 'vendor', 'icon', 'tags', 'group']) await small.app.inject({ method: 'GET', url: `${API}/${path}?token=${TOKEN}` });
      const list = await requests('', small.app);
      expect(list.map((e) => [e.id, e.path])).toEqual([
        [5, `${API}/group`],
        [4, `${API}/tags`],
        [3, `${API}/icon`],
      ]);
      expectError(await small.app.inject({ method: 'GET', url: '/_emulator/requests?limit=4', headers: { 'x-emulator-key': ADMIN_KEY } }), 400, /must be <= 3/);
    } finally {
      await small.close();
    }
  });

  it('records nothing when CCV_JOURNAL_SIZE is 0', async () => {
    const off = await centerWithJournal(0);
    try {
      expect((await off.app.inject({ method: 'GET', url: `${API}/sensor?token=${TOKEN}` })).statusCode).toBe(200);
      expect(await requests('', off.app)).toEqual([]);
    } finally {
      await off.close();
    }
  });

  it('records nothing when the control plane is off (CCV_CONTROL=off): nobody could read it', async () => {
    const off = await centerWithJournal(DEFAULT_JOURNAL_SIZE, false);
    try {
      expect((await off.app.inject({ method: 'GET', url: `${API}/sensor?token=${TOKEN}` })).statusCode).toBe(200);
      expect(off.app.services.journal.size).toBe(0);
    } finally {
      await off.close();
    }
  });
});

describe('DELETE /_emulator/requests', () => {
  it('empties the journal with a 204 and no body; ids go on', async () => {
    await c.get(`${API}/sensor`);
    await c.get(`${API}/sensor`);
    const res: LightMyRequestResponse = await c.control('DELETE', '/_emulator/requests');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await requests()).toEqual([]);
    await c.get(`${API}/sensor`);
    expect((await requests()).map((e) => e.id)).toEqual([3]);
  });

  it('answers 401 without the admin key, and keeps the journal', async () => {
    await c.get(`${API}/sensor`);
    expectError(await c.control('DELETE', '/_emulator/requests', undefined, null), 401);
    expect(await requests()).toHaveLength(1);
  });
});
