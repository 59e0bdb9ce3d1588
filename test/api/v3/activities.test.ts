/** GET /activities and GET /activities/{id} (API 3.0). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { expectOrder, expectPaging } from './lists.js';

interface End {
  id: string;
  ip?: string;
  mac: string;
  tags: unknown[];
  group: unknown;
}
interface Activity {
  id: string;
  left: End;
  right: End;
  firstActivity: number;
  lastActivity: number;
  flowCount: number;
  packetsCount: number;
  bytesCount: number;
  eventsCount: number;
  variablesCount: number;
  variables: null;
  direction: string;
  tags: { id: string }[];
}

let c: TestCenter;
let all: Activity[];
beforeAll(async () => {
  c = await testCenter();
  all = await c.json3<Activity[]>('/activities');
});
afterAll(() => c.close());

describe('GET /activities', () => {
  it('answers every activity without paging parameters, its id the ids of its ends', () => {
    expect(all.length).toBe(c.store.activities.count());
    for (const a of all) {
      expect(a.id).toBe(`${a.left.id}_${a.right.id}`);
      expect(a.left.id < a.right.id).toBe(true);
      expect(a.variables).toBeNull();
      expect(a.direction).toBe('undetermined');
    }
  });

  it('gives each end `mac` as a string and leaves `ip` out when it has none (CDN group_automation)', () => {
    const ends = all.flatMap((a) => [a.left, a.right]);
    expect(ends.every((e) => typeof e.mac === 'string')).toBe(true);
    const noIp = ends.filter((e) => !('ip' in e));
    expect(noIp.length).toBeGreaterThan(0);
    expect(ends.filter((e) => 'ip' in e).every((e) => typeof e.ip === 'string' && e.ip !== '')).toBe(true);
  });

  it('sums its flows: as many flows as the world holds, and the variables one end reads on the other', () => {
    expect(all.reduce((n, a) => n + a.flowCount, 0)).toBe(c.store.db.prepare('SELECT count(*) FROM flow').pluck().get());
    expect(all.some((a) => a.variablesCount > 0)).toBe(true);
    expect(all.some((a) => a.eventsCount > 0)).toBe(true);
  });

  it('pages from 1, and a page past the end is []', async () => {
    await expectPaging(c, '/activities', all.length, 10);
  });

  it('sorts, filters on a tag, and keeps a window', async () => {
    expectOrder((await c.json3<Activity[]>('/activities?sort=bytesCount:desc')).map((a) => a.bytesCount), true);
    const arp = await c.json3<Activity[]>('/activities?filter=tags:ARP');
    expect(arp.length).toBeGreaterThan(0);
    expect(arp.map((a) => a.id)).toEqual(all.filter((a) => a.tags.some((t) => t.id === 'ARP')).map((a) => a.id));
    // An exact field compares without case (src/domain/list-request.ts).
    expect((await c.json3<Activity[]>('/activities?filter=tags:arp')).map((a) => a.id)).toEqual(arp.map((a) => a.id));
    const from = [...all].sort((a, b) => a.lastActivity - b.lastActivity)[Math.floor(all.length / 2)]?.lastActivity as number;
    expect((await c.json3<Activity[]>(`/activities?from=${from}`)).map((a) => a.id)).toEqual(all.filter((a) => a.lastActivity >= from).map((a) => a.id));
  });

  it('answers 400 naming a bad parameter, 401 to ?token= alone', async () => {
    expectError3(await c.v3('GET', '/activities?sort=left'), 400, /Invalid query parameter "sort": cannot sort on "left"/);
    expectError3(await c.app.inject({ url: `${API3}/activities?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('GET /activities/{id}', () => {
  it('answers an array of one Activity, as the list gives it', async () => {
    const a = all[3] as Activity;
    expect(await c.json3(`/activities/${a.id}`)).toEqual([a]);
  });

  it('answers 404 for an unknown activity, 400 for an id that is not two component ids', async () => {
    expectError3(await c.v3('GET', `/activities/${UNKNOWN}_${UNKNOWN}`), 404, /Activity not found/);
    expectError3(await c.v3('GET', '/activities/nope'), 400, /Invalid activity id/);
    expectError3(await c.v3('GET', `/activities/${UNKNOWN}_x`), 400, /Invalid component id: "x"/);
  });
});
