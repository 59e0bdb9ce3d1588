/**
 * GET /event (guide 5.5, 6.6.1) and GET /event-data/{id}/download (6.6.2), over the `small`
 * world plus the three fixture events. Expected sets are derived from the data itself (every
 * event, component, flow and group, filtered here); only the guide's objects are hard-coded.
 * An event is about its own component and, when it has a flow, the flow's two ends.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventSchema, type ComponentSchema, type FlowSchema, type GroupSchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UNKNOWN, UTC_TIME, expectError, expectShape, expectSorted, ids, micros, testCenter, utc } from '../../helpers.js';

type Event = z.infer<typeof EventSchema>;
type Component = z.infer<typeof ComponentSchema>;
type Flow = z.infer<typeof FlowSchema>;
type Group = z.infer<typeof GroupSchema>;

const NEW_COMPONENT = 'a400af14-ff97-47a4-ac33-c33cc50eff99'; // 6.6.1
const NEW_PROPERTIES = 'eceea473-6532-47a1-ac13-516828564b45'; // 5.5
const DECODE_FAILURE = '4f8c2d19-b6e3-47a0-9d15-c83e7a2f6b58'; // fixtures: about flow fea763b5, with a PCAP
const DELL_AA_DC_93 = '5a14574b-f191-5e8f-ac1b-2b6a08631c78'; // 10.4.0.46, d4:ae:52:aa:dc:93
const DELL_D1_C9_97 = 'f523ce71-19ea-5a7b-8b1a-0670433c35ab'; // src of flow fea763b5
const S7_400 = 'd8cd6083-6c99-5745-9277-78506b623e4d'; // dst of flow fea763b5

interface EventFixture {
  id: string;
  data?: { filename: string; content_type: string; base64: string };
}
const fixtures = JSON.parse(readFileSync(new URL('../../../fixtures/events.json', import.meta.url), 'utf8')) as EventFixture[];

let c: TestCenter;
/** Every event, in the default (asc) order. */
let all: Event[];
let componentById: Map<string, Component>;
let flowById: Map<string, Flow>;
let groups: Group[];

beforeAll(async () => {
  c = await testCenter();
  all = await c.json<Event[]>(`${API}/event?limit=2000`);
  componentById = new Map((await c.json<Component[]>(`${API}/component?limit=2000`)).map((x) => [x.id, x]));
  flowById = new Map((await c.json<Flow[]>(`${API}/flows?limit=2000`)).map((f) => [f.id, f]));
  groups = await c.json<Group[]>(`${API}/group`);
  // A full page must really be everything, or the derived expectations would be partial.
  expect(all.length).toBeGreaterThan(fixtures.length);
  expect(all.length).toBeLessThan(2000);
  expect(componentById.size).toBeLessThan(2000);
  expect(flowById.size).toBeLessThan(2000);
});
afterAll(() => c.close());

/** The components an event is about: its own, and its flow's two ends. */
function about(e: Event): Component[] {
  const flow = e.flow ? flowById.get(e.flow.id) : undefined;
  const idsAbout = [e.component?.id, flow?.src.component.id, flow?.dst.component.id];
  return idsAbout.flatMap((id) => {
    const comp = id === undefined ? undefined : componentById.get(id);
    return comp ? [comp] : [];
  });
}

const ipNum = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
function inNetwork(ip: string | undefined, base: string, len: number): boolean {
  if (ip === undefined) return false;
  const size = 2 ** (32 - len);
  return Math.floor(ipNum(ip) / size) === Math.floor(ipNum(base) / size);
}

const created = (e: Event) => micros(e.creation_time);
const list = (query: string) => c.json<Event[]>(`${API}/event?limit=2000&${query}`);

/** Asserts that a filter keeps exactly the events that match, and that it does filter. */
async function expectFilter(query: string, matches: (e: Event) => boolean): Promise<void> {
  const expected = ids(all.filter(matches));
  expect(expected.length, `${query}: nothing would match`).toBeGreaterThan(0);
  expect(expected.length, `${query}: everything would match`).toBeLessThan(all.length);
  expect(ids(await list(query)), query).toEqual(expected);
}

describe('GET /api/1.0/event', () => {
  it('answers an array of events in the Event shape, times in UTC', () => {
    expectShape(z.array(EventSchema), all);
    for (const e of all) expect(e.creation_time).toMatch(UTC_TIME);
    expect(new Set(ids(all)).size).toBe(all.length);
  });

  it('holds the guide samples of 5.5 and 6.6.1', () => {
    const sample = all.find((e) => e.id === NEW_PROPERTIES);
    expect(sample).toMatchObject({
      severity: 'Low',
      type: 'Classification',
      family: 'Property',
      category: 'Identification',
      short_message: 'New properties detected',
      message:
        'Found new normalized properties: model-ref=6ES7 212-1BE40-0XB0, hw-version=1, fw-version=V4.0, serial-number=S C-E7SJ1284',
      component: { id: '02074cd3-dbe6-52b6-963c-7247ef33a2b1' },
    });
    expect(micros(sample?.creation_time ?? '')).toBe(micros('2015-10-20T12:05:33.740607+02:00'));
    expect(all.map((e) => e.id)).toContain(NEW_COMPONENT);
  });

  it.each<[string, string, (e: Event) => boolean]>([
    ['severity=veryhigh', 'severity=veryhigh', (e) => e.severity === 'Very High'],
    ['severity=high', 'severity=high', (e) => e.severity === 'High'],
    ['severity=medium', 'severity=medium', (e) => e.severity === 'Medium'],
    ['severity=low', 'severity=low', (e) => e.severity === 'Low'],
    ['several severities (alternatives)', 'severity=veryhigh&severity=medium', (e) => e.severity === 'Very High' || e.severity === 'Medium'],
    ['severities (the alias)', 'severities=high', (e) => e.severity === 'High'],
    ['severity and severities together (alternatives)', 'severity=veryhigh&severities=high', (e) => ['Very High', 'High'].includes(e.severity)],
    ['severity in the guide spelling, any case', 'severity=VERY+HIGH', (e) => e.severity === 'Very High'],
    ['category', 'category=Decode+Failure', (e) => e.category === 'Decode Failure'],
    ['several categories', 'category=Identification&category=Security', (e) => ['Identification', 'Security'].includes(e.category)],
    ['family', 'family=Component', (e) => e.family === 'Component'],
    ['several families', 'family=PLC+Control&family=Property', (e) => ['PLC Control', 'Property'].includes(e.family)],
    ['type', 'type=Changes', (e) => e.type === 'Changes'],
    ['several types', 'type=Software&type=Classification', (e) => ['Software', 'Classification'].includes(e.type)],
    ['text, a case-insensitive substring', 'text=new+COMP', (e) => `${e.short_message}\n${e.message}`.toLowerCase().includes('new comp')],
    ['text found in the message only', 'text=truncated+tpkt', (e) => `${e.short_message}\n${e.message}`.toLowerCase().includes('truncated tpkt')],
    ['start', 'start=2020-01-01', (e) => created(e) >= utc('2020-01-01')],
    ['end', 'end=2017-11-13+17:23', (e) => created(e) <= utc('2017-11-13 17:23')],
    [
      'start and end',
      'start=2015-07-09+12:24:50&end=2017-11-13+16:35:54',
      (e) => created(e) >= utc('2015-07-09 12:24:50') && created(e) <= utc('2017-11-13 16:35:54'),
    ],
  ])('filters by %s', async (_name, query, matches) => {
    await expectFilter(query, matches);
  });

  it('filters by ip: the events about a component with that address, several as alternatives', async () => {
    await expectFilter('ip=10.4.0.46', (e) => about(e).some((x) => x.ip === '10.4.0.46'));
    expect(ids(await list('ip=10.4.0.46'))).toContain(NEW_COMPONENT);
    await expectFilter('ip=10.4.0.46&ip=192.168.105.115', (e) => about(e).some((x) => x.ip === '10.4.0.46' || x.ip === '192.168.105.115'));
  });

  it('filters by mac, several as alternatives', async () => {
    await expectFilter('mac=d4:ae:52:aa:dc:93', (e) => about(e).some((x) => x.mac === 'd4:ae:52:aa:dc:93'));
    const macs = ['d4:ae:52:aa:dc:93', '00:1b:1b:b6:f6:99'];
    await expectFilter(`mac=${macs[0]}&mac=${macs[1]}`, (e) => about(e).some((x) => macs.includes(x.mac)));
  });

  it('filters by network given as a CIDR', async () => {
    await expectFilter('network=10.10.2.0/24', (e) => about(e).some((x) => inNetwork(x.ip, '10.10.2.0', 24)));
    await expectFilter('network=10.4.0.0/16', (e) => about(e).some((x) => inNetwork(x.ip, '10.4.0.0', 16)));
    expect(ids(await list('network=10.4.0.0/16'))).toContain(NEW_COMPONENT);
  });

  it('filters by network given as a dotted prefix (the guide\'s "192.168.1")', async () => {
    await expectFilter('network=10.10.1', (e) => about(e).some((x) => inNetwork(x.ip, '10.10.1.0', 24)));
    await expectFilter('network=192.168.105', (e) => about(e).some((x) => inNetwork(x.ip, '192.168.105.0', 24)));
    expect(ids(await list('network=192.168.105'))).toContain(DECODE_FAILURE);
  });

  it('filters by group id: the events about a member of the group, several groups as alternatives', async () => {
    const members = (g: Group) => new Set(ids(g.components));
    const withEvents = groups
      .map((g) => ({ g, n: all.filter((e) => about(e).some((x) => members(g).has(x.id))).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => a.n - b.n);
    expect(withEvents.length).toBeGreaterThanOrEqual(2);
    const [a, b] = [withEvents[0]?.g, withEvents[1]?.g] as [Group, Group];
    await expectFilter(`group=${a.id}`, (e) => about(e).some((x) => members(a).has(x.id)));
    await expectFilter(`group=${a.id}&group=${b.id}`, (e) => about(e).some((x) => members(a).has(x.id) || members(b).has(x.id)));
  });

  it('filters by from: the events whose flow starts at the component', async () => {
    await expectFilter(`from=${DELL_D1_C9_97}`, (e) => e.flow !== undefined && flowById.get(e.flow.id)?.src.component.id === DELL_D1_C9_97);
    expect(ids(await list(`from=${DELL_D1_C9_97}`))).toContain(DECODE_FAILURE);
    expect(ids(await list(`from=${S7_400}`))).not.toContain(DECODE_FAILURE);
  });

  it('filters by to: the events whose flow ends at the component', async () => {
    await expectFilter(`to=${S7_400}`, (e) => e.flow !== undefined && flowById.get(e.flow.id)?.dst.component.id === S7_400);
    expect(ids(await list(`to=${S7_400}`))).toContain(DECODE_FAILURE);
    expect(ids(await list(`to=${DELL_D1_C9_97}`))).not.toContain(DECODE_FAILURE);
  });

  it('combines different filters: all must hold', async () => {
    await expectFilter('severity=high&category=Identification', (e) => e.severity === 'High' && e.category === 'Identification');
  });

  it('answers an empty array when nothing matches', async () => {
    expect(await list('ip=203.0.113.77')).toEqual([]);
  });

  it('orders by creation time, oldest first by default and with order=asc', async () => {
    expectSorted(all.map(created), 'asc');
    expect(ids(await list('order=asc'))).toEqual(ids(all));
  });

  it('orders most recent first with order=desc', async () => {
    const desc = await list('order=desc');
    expectSorted(desc.map(created), 'desc');
    expect(ids(desc)).toEqual(ids(all).reverse());
  });

  it('pages: two pages of 5 are the first 10, both orders', async () => {
    for (const order of ['asc', 'desc']) {
      const page = (offset: number, limit: number) => c.json<Event[]>(`${API}/event?limit=${limit}&offset=${offset}&order=${order}`);
      const [a, b, ten] = [await page(0, 5), await page(5, 5), await page(0, 10)];
      expect(a).toHaveLength(5);
      expect(b).toHaveLength(5);
      expect([...ids(a), ...ids(b)]).toEqual(ids(ten));
      expect(ids(ten)).toEqual((order === 'asc' ? ids(all) : ids(all).reverse()).slice(0, 10));
    }
  });

  it('answers the 6.6.1 example request with the guide event', async () => {
    const body = await c.json<Event[]>(
      `${API}/event?category=Identification&start=2016-11-03+00%3A00&mac=d4%3Aae%3A52%3Aaa%3Adc%3A93&limit=5&severity=veryhigh&severity=high&offset=0&end=2017-11-13+17%3A23&ip=10.4.0.46&order=desc`,
    );
    expect(body.length).toBeLessThanOrEqual(5);
    const e = body.find((x) => x.id === NEW_COMPONENT);
    expect(e).toBeDefined();
    expect(e?.category).toBe('Identification');
    expect(e?.severity).toBe('High');
    expect(e?.family).toBe('Component');
    expect(e?.component).toEqual({ id: DELL_AA_DC_93 });
    expect(micros(e?.creation_time ?? '')).toBe(micros('2017-11-13T17:35:54.290739+01:00'));
    expect(e?.message).toBe('New component detected on the network: IP 10.4.0.46, MAC d4:ae:52:aa:dc:93, vendor Dell');
    expect(e?.type).toBe('Classification');
    expect(e?.short_message).toBe('New component detected');
  });

  it.each([
    ['an unknown severity', 'severity=catastrophic', /"severity"/],
    ['an unknown severities', 'severities=urgent', /"severities"/],
    ['an unknown category', 'category=Gossip', /"category"/],
    ['an unknown family', 'family=Friends', /"family"/],
    ['an unknown type', 'type=Whimsical', /"type"/],
    ['a group that is not a UUID', 'group=Conveyors', /"group"/],
    ['a from that is not a UUID', 'from=plc-1', /"from"/],
    ['a to that is not a UUID', 'to=plc-2', /"to"/],
    ['a network that is not one', 'network=10.0.0.0/40', /"network"/],
    ['a start that is not a UTC date', 'start=yesterday', /"start"/],
    ['an end that is not a UTC date', 'end=tomorrow', /"end"/],
    ['an order that is neither asc nor desc', 'order=newest', /"order"/],
    ['a negative offset', 'offset=-5', /"offset"/],
  ])('answers 400 for %s', async (_name, query, message) => {
    expectError(await c.get(`${API}/event?limit=5&${query}`), 400, message);
  });

  it('answers 400 without a limit', async () => {
    expectError(await c.get(`${API}/event`), 400, /"limit"/);
  });

  it('answers 400 for a limit over 2000', async () => {
    expectError(await c.get(`${API}/event?limit=2001`), 400, /"limit"/);
  });
});

describe('GET /api/1.0/event-data/{id}/download', () => {
  it("answers the Decode Failure event's PCAP as application/octet-stream (guide 6.6.2)", async () => {
    const res = await c.get(`${API}/event-data/${DECODE_FAILURE}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    const bytes = res.rawPayload;
    expect(bytes.length).toBeGreaterThanOrEqual(24);
    // libpcap magic, either byte order (a1b2c3d4: µs; a1b23c4d: ns).
    expect(['a1b2c3d4', 'd4c3b2a1', 'a1b23c4d', '4d3cb2a1']).toContain(bytes.subarray(0, 4).toString('hex'));
    const data = fixtures.find((e) => e.id === DECODE_FAILURE)?.data;
    expect(bytes.equals(Buffer.from(data?.base64 ?? '', 'base64'))).toBe(true);
  });

  it('answers 404 for an event that has no file', async () => {
    expectError(await c.get(`${API}/event-data/${NEW_COMPONENT}/download`), 404, /not found/);
  });

  it('answers 404 for an unknown event', async () => {
    expectError(await c.get(`${API}/event-data/${UNKNOWN}/download`), 404, /not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/event-data/42/download`), 400, /not a UUID/);
  });
});
