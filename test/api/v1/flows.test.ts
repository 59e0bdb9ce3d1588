/**
 * GET /flows, /flow/{id}, /flow/{id}/content and /flow/{id}/stats (guide 6.4.1 to 6.4.4), over
 * the `small` world plus the guide's fixtures. Expected sets are derived from the data itself
 * (a full page of limit=2000, filtered here); only the guide's objects are hard-coded.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FlowContentSchema, FlowSchema, FlowStatsSchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UNKNOWN, UTC_TIME, expectError, expectShape, expectSorted, ids, micros, qs, testCenter, utc } from '../../helpers.js';

type Flow = z.infer<typeof FlowSchema>;
type FlowContent = z.infer<typeof FlowContentSchema>;
type FlowStats = z.infer<typeof FlowStatsSchema>;
type FlowFixture = Flow & { contents: FlowContent[]; stats: FlowStats[] };

// The guide's flows (fixtures/README.md, flows.json).
const GRE = '3d0a4dfc-49e9-54e1-ab7e-f73090a7d47d'; // 5.3: net, no ports, 7e41e314 → 2a3629ae
const ENIP = 'ff3e0990-f9f0-5e50-8069-f5f28accac17'; // 5.3.2: control, 56190 → 44818, 9d32fdae → e2a699fa
const S7PLUS = 'c2e0d272-28bf-55c6-abd6-52d3f3451289'; // 6.4.1: control, 1613 → 102, f523ce71 → f18c406e
const S7 = 'fea763b5-a292-556e-a986-af71bffb45eb'; // 6.4.2: control, 1616 → 102, f523ce71 → d8cd6083
const SMB = '821744de-07ac-5362-85fd-76a9594c318f'; // 7.2: net, 445 → 50692
const DELL_D1_C9_97 = 'f523ce71-19ea-5a7b-8b1a-0670433c35ab';
const S7_400 = 'd8cd6083-6c99-5745-9277-78506b623e4d';
const PLC_1 = 'f18c406e-e89d-5ce7-9f49-4d03cbe6786f';
const ROCKWELL_PLC = 'e2a699fa-9396-537d-8965-f2524f062843';




const ends = (f: Flow) => [f.src.component.id, f.dst.component.id];
const lastSeen = (f: Flow) => micros(f.last_seen);


const fixtures = JSON.parse(readFileSync(new URL('../../../fixtures/flows.json', import.meta.url), 'utf8')) as FlowFixture[];

let c: TestCenter;
/** Every flow, in the default (asc) order. */
let all: Flow[];

/** A 200 with application/json, parsed. */
async function ok(path: string): Promise<unknown> {
  const res = await c.get(path);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json();
}
const listFlows = async (query: string) => (await ok(`${API}/flows?${query}`)) as Flow[];

beforeAll(async () => {
  c = await testCenter();
  all = await listFlows('limit=2000');
  // A full page must really be everything, or the derived expectations would be partial.
  expect(all.length).toBeGreaterThan(fixtures.length);
  expect(all.length).toBeLessThan(2000);
});
afterAll(() => c.close());

describe('GET /api/1.0/flows', () => {
  it('answers 200 with an array of flows in the Flow shape', async () => {
    const body = await ok(`${API}/flows?limit=2000`);
    expectShape(z.array(FlowSchema), body);
    for (const id of [GRE, ENIP, S7PLUS, S7, SMB]) expect(ids(body as Flow[])).toContain(id);
  });

  it('answers the guide example of 6.4.1 with the S7Plus flow it prints', async () => {
    const body = (await ok(
      `${API}/flows/?start=2016-11-03+00%3A00&tag=Stop+CPU&tag=Write+Var&limit=2&offset=0&generation=0&end=2017-11-14+12%3A05` +
        '&property=s7plus-io-ver%3DV2.0.2&property=s7plus-modulever%3DV1.6&property=s7plus-moduleref&order=asc&netcat=field&netcat=control',
    )) as Flow[];
    const expected = all.filter(
      (f) =>
        micros(f.last_seen) >= utc('2016-11-03 00:00') &&
        micros(f.last_seen) <= utc('2017-11-14 12:05') &&
        f.tags['Stop CPU'] !== undefined &&
        f.tags['Write Var'] !== undefined &&
        f.properties['s7plus-io-ver'] === 'V2.0.2' &&
        f.properties['s7plus-modulever'] === 'V1.6' &&
        f.properties['s7plus-moduleref'] !== undefined &&
        ['field', 'control'].includes(f.network_category),
    );
    expect(ids(body)).toEqual(ids(expected).slice(0, 2));
    const flow = body.find((f) => f.id === S7PLUS);
    expect(flow?.tags).toEqual({
      'Start CPU': 'important',
      S7Plus: 'info',
      'Stop CPU': 'important',
      'Read Var': 'info',
      'Program Upload': 'important',
      'Write Var': 'info',
    });
    expect(flow?.src).toEqual({ ip: '192.168.105.241', mac: '34:17:eb:d1:c9:97', component: { id: DELL_D1_C9_97 }, port: 1613 });
    expect(flow?.dst).toEqual({ ip: '192.168.105.112', mac: '28:63:36:85:b3:32', component: { id: PLC_1 }, port: 102 });
    expect(micros(flow?.first_seen ?? '')).toBe(micros('2017-11-14T11:39:32.920547+01:00'));
    expect(micros(flow?.last_seen ?? '')).toBe(micros('2017-11-14T11:39:33.007821+01:00'));
  });

  it('answers 400 when limit is absent', async () => {
    expectError(await c.get(`${API}/flows`), 400, /"limit"/);
  });

  it('answers 400 when limit is over 2000', async () => {
    expectError(await c.get(`${API}/flows?limit=2001`), 400, /"limit"/);
  });

  it('answers 400 for a negative offset', async () => {
    expectError(await c.get(`${API}/flows?limit=5&offset=-1`), 400, /"offset"/);
  });

  it("answers 400 for an order other than 'asc' or 'desc'", async () => {
    expectError(await c.get(`${API}/flows?limit=5&order=random`), 400, /"order"/);
  });

  it('answers 400 for a start or an end that is not a UTC date', async () => {
    expectError(await c.get(`${API}/flows?limit=5&start=2015-15-10`), 400, /"start"/);
    expectError(await c.get(`${API}/flows?limit=5&end=${encodeURIComponent('2017-11-14 12h05')}`), 400, /"end"/);
  });

  it('answers 400 for a port that is not a port number', async () => {
    expectError(await c.get(`${API}/flows?limit=5&port=http`), 400, /"port/);
    expectError(await c.get(`${API}/flows?limit=5&port=102&port=70000`), 400, /"port/);
  });

  it('answers 400 for a last_seen that is not a timestamp in ms', async () => {
    expectError(await c.get(`${API}/flows?limit=5&last_seen=2017-11-14`), 400, /"last_seen"/);
  });

  it('answers 400 for from, to or component ids that are not UUIDs', async () => {
    expectError(await c.get(`${API}/flows?limit=5&from=PLC_1`), 400, /"from"/);
    expectError(await c.get(`${API}/flows?limit=5&to=PLC_1`), 400, /"to"/);
    expectError(await c.get(`${API}/flows?limit=5&component=${S7_400}&component=PLC_1`), 400, /"component/);
  });

  it('answers 400 for a netcat that is not a network category', async () => {
    // The guide's prose says "industrial", its example sends field and control (5.3 lists four).
    expectError(await c.get(`${API}/flows?limit=5&netcat=industrial`), 400, /"netcat/);
  });

  it('answers 400 for a negative generation', async () => {
    expectError(await c.get(`${API}/flows?limit=5&generation=-1`), 400, /"generation"/);
  });

  it('answers 401 without a token', async () => {
    expectError(await c.app.inject({ method: 'GET', url: `${API}/flows?limit=5` }), 401, /Token/);
  });

  interface FilterCase {
    name: string;
    params: [string, string][];
    keep: (f: Flow) => boolean;
    included: string;
    excluded: string;
  }
  const filters: FilterCase[] = [
    {
      name: 'ip, source or destination (repeated: alternatives)',
      params: [['ip', '192.168.105.115'], ['ip', '10.160.11.100']],
      keep: (f) => ['192.168.105.115', '10.160.11.100'].some((ip) => f.src.ip === ip || f.dst.ip === ip),
      included: ENIP,
      excluded: S7PLUS, // same source as S7, other destination
    },
    {
      name: 'mac, source or destination',
      params: [['mac', '34:17:eb:d1:c9:97']],
      keep: (f) => f.src.mac === '34:17:eb:d1:c9:97' || f.dst.mac === '34:17:eb:d1:c9:97',
      included: S7,
      excluded: GRE,
    },
    {
      name: 'port (repeated: alternatives)',
      params: [['port', '102'], ['port', '44818']],
      keep: (f) => [102, 44818].some((p) => f.src.port === p || f.dst.port === p),
      included: ENIP,
      excluded: SMB,
    },
    {
      name: 'port on the source side',
      params: [['port', '1616']],
      keep: (f) => f.src.port === 1616 || f.dst.port === 1616,
      included: S7,
      excluded: S7PLUS, // source port 1613
    },
    {
      name: 'tag by key',
      params: [['tag', 'STOP_CPU']],
      keep: (f) => f.tags['Stop CPU'] !== undefined,
      included: S7PLUS,
      excluded: S7,
    },
    {
      name: 'tag by label',
      params: [['tag', 'Stop CPU']],
      keep: (f) => f.tags['Stop CPU'] !== undefined,
      included: S7PLUS,
      excluded: S7,
    },
    {
      name: 'tag by label in another case',
      params: [['tag', 'stop cpu']],
      keep: (f) => f.tags['Stop CPU'] !== undefined,
      included: S7PLUS,
      excluded: S7,
    },
    {
      name: 'several tags (each must hold)',
      params: [['tag', 'Start CPU'], ['tag', 'EthernetIP']],
      keep: (f) => f.tags['Start CPU'] !== undefined && f.tags['EthernetIP'] !== undefined,
      included: ENIP,
      excluded: S7PLUS, // Start CPU without EthernetIP
    },
    {
      name: 'property=name (has the property)',
      params: [['property', 's7-function']],
      keep: (f) => f.properties['s7-function'] !== undefined,
      included: S7,
      excluded: S7PLUS,
    },
    {
      name: 'property=name=value (has it with that value)',
      params: [['property', 'cotp-dst-tsap=100']],
      keep: (f) => f.properties['cotp-dst-tsap'] === '100',
      included: S7,
      excluded: S7PLUS, // cotp-dst-tsap=0
    },
    {
      name: 'several property values (each must hold)',
      params: [['property', 'cotp-dst-tsap'], ['property', 's7-function']],
      keep: (f) => f.properties['cotp-dst-tsap'] !== undefined && f.properties['s7-function'] !== undefined,
      included: S7,
      excluded: S7PLUS, // has the first, not the second
    },
    {
      name: 'properties (an alias of property)',
      params: [['properties', 'cotp-dst-tsap=100']],
      keep: (f) => f.properties['cotp-dst-tsap'] === '100',
      included: S7,
      excluded: S7PLUS,
    },
    {
      name: 'property and properties together (each must hold)',
      params: [['property', 'cotp-dst-tsap'], ['properties', 's7-function=NONE']],
      keep: (f) => f.properties['cotp-dst-tsap'] !== undefined && f.properties['s7-function'] === 'NONE',
      included: S7,
      excluded: S7PLUS,
    },
    {
      name: 'start and end on the last activity',
      params: [['start', '2015-09-23 12:24'], ['end', '2015-09-23 12:25']],
      keep: (f) => lastSeen(f) >= utc('2015-09-23 12:24') && lastSeen(f) <= utc('2015-09-23 12:25'),
      included: S7, // last seen 12:24:50.102395Z
      excluded: S7PLUS,
    },
    {
      name: 'start as a date alone (00:00 UTC)',
      params: [['start', '2017-11-14']],
      keep: (f) => lastSeen(f) >= utc('2017-11-14'),
      included: S7PLUS, // 2017-11-14T10:39:33Z
      excluded: S7, // 2015
    },
    {
      name: 'end with seconds',
      params: [['end', '2017-11-14 10:39:33']],
      keep: (f) => lastSeen(f) <= utc('2017-11-14 10:39:33'),
      included: S7,
      excluded: S7PLUS, // 10:39:33.007821Z
    },
    {
      name: 'netcat (repeated: alternatives)',
      params: [['netcat', 'field'], ['netcat', 'control']],
      keep: (f) => f.network_category === 'field' || f.network_category === 'control',
      included: S7,
      excluded: GRE,
    },
    {
      name: 'netcat=net',
      params: [['netcat', 'net']],
      keep: (f) => f.network_category === 'net',
      included: GRE,
      excluded: S7,
    },
    {
      name: 'from (the source component)',
      params: [['from', DELL_D1_C9_97]],
      keep: (f) => f.src.component.id === DELL_D1_C9_97,
      included: S7,
      excluded: ENIP,
    },
    {
      name: 'to (the destination component)',
      params: [['to', S7_400]],
      keep: (f) => f.dst.component.id === S7_400,
      included: S7,
      excluded: S7PLUS,
    },
    {
      name: 'from and to together',
      params: [['from', DELL_D1_C9_97], ['to', PLC_1]],
      keep: (f) => f.src.component.id === DELL_D1_C9_97 && f.dst.component.id === PLC_1,
      included: S7PLUS,
      excluded: S7,
    },
    {
      name: 'different filters together (each must hold)',
      params: [['mac', '34:17:eb:d1:c9:97'], ['to', PLC_1]],
      keep: (f) => (f.src.mac === '34:17:eb:d1:c9:97' || f.dst.mac === '34:17:eb:d1:c9:97') && f.dst.component.id === PLC_1,
      included: S7PLUS,
      excluded: S7, // the mac, not the destination
    },
    {
      name: 'component, source or destination (repeated: alternatives)',
      params: [['component', S7_400], ['component', ROCKWELL_PLC]],
      keep: (f) => ends(f).includes(S7_400) || ends(f).includes(ROCKWELL_PLC),
      included: ENIP,
      excluded: S7PLUS,
    },
    {
      name: 'last_seen (ms since epoch: flows last seen after it)',
      // fea763b5 was last seen at 1443011090102.395 ms.
      params: [['last_seen', '1443011090103']],
      keep: (f) => lastSeen(f) > 1443011090103 * 1000,
      included: S7PLUS,
      excluded: S7,
    },
  ];

  it.each(filters)('filters by $name', async ({ params, keep, included, excluded }) => {
    const body = await listFlows(qs([['limit', '2000'], ...params]));
    const expected = ids(all.filter(keep));
    // The same flows in the same (last activity) order as the unfiltered list.
    expect(ids(body)).toEqual(expected);
    expect(expected).toContain(included);
    expect(expected).not.toContain(excluded);
  });

  it('does not match from against the destination', async () => {
    // d8cd6083 is the destination of fea763b5.
    const body = await listFlows(`limit=2000&from=${S7_400}`);
    expect(ids(body)).toEqual(ids(all.filter((f) => f.src.component.id === S7_400)));
    expect(ids(body)).not.toContain(S7);
  });

  it('keeps a flow last seen less than a millisecond after last_seen', async () => {
    expect(ids(await listFlows('limit=2000&last_seen=1443011090102'))).toContain(S7);
  });

  it('bounds the last activity with start/end, not the first (README divergence)', async () => {
    // fea763b5 was first seen 2015-07-09T12:24:49Z and last seen 2015-09-23.
    expect(ids(await listFlows(qs([['limit', '2000'], ['start', '2015-07-09'], ['end', '2015-07-10']])))).not.toContain(S7);
  });

  it('matches nothing for a tag that is neither a key nor a label', async () => {
    expect(await listFlows('limit=2000&tag=NO_SUCH_TAG')).toEqual([]);
  });

  it('lists a flow once when a label names two of its tags', async () => {
    const other = await testCenter();
    try {
      // A second tag labelled "Stop CPU" (labels are not unique), on every flow STOP_CPU is on.
      const tag = other.store.tags.get('STOP_CPU');
      if (!tag) throw new Error('the small world has no STOP_CPU tag');
      other.store.tags.insert({ ...tag, key: 'STOP_CPU_TOO', origin: 'api' });
      other.store.db.exec("INSERT INTO flow_tag (flow_rowid, tag, class, last_seen) SELECT flow_rowid, 'STOP_CPU_TOO', class, last_seen FROM flow_tag WHERE tag = 'STOP_CPU'");
      const listed = ids(await other.json<Flow[]>(`${API}/flows?limit=2000&tag=Stop+CPU`));
      expect(listed.length).toBeGreaterThan(1);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toEqual(ids(all.filter((f) => f.tags['Stop CPU'] !== undefined)));
    } finally {
      await other.close();
    }
  });

  it('answers the live data for generation=0', async () => {
    expect(ids(await listFlows('limit=2000&generation=0'))).toEqual(ids(all));
  });

  it('answers an empty list for generation=1 (no references are held)', async () => {
    expect(await listFlows('limit=2000&generation=1')).toEqual([]);
  });

  it('answers two pages of 5 that make the first 10', async () => {
    const first10 = await listFlows('limit=10');
    const page1 = await listFlows('limit=5&offset=0');
    const page2 = await listFlows('limit=5&offset=5');
    expect(first10).toHaveLength(10);
    expect(ids([...page1, ...page2])).toEqual(ids(first10));
  });

  it('answers two pages of 5 that make the first 10 with a tag filter too', async () => {
    // A tag filter reads its page off another index (src/store/flows.ts): the most common tag.
    const counts = new Map<string, number>();
    for (const f of all) for (const label of Object.keys(f.tags)) counts.set(label, (counts.get(label) ?? 0) + 1);
    const [tag = ''] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    const first10 = await listFlows(qs([['limit', '10'], ['tag', tag]]));
    const page1 = await listFlows(qs([['limit', '5'], ['offset', '0'], ['tag', tag]]));
    const page2 = await listFlows(qs([['limit', '5'], ['offset', '5'], ['tag', tag]]));
    expect(first10).toHaveLength(10);
    expect(ids([...page1, ...page2])).toEqual(ids(first10));
  });

  it('orders by last activity, ascending by default', async () => {
    expect(ids(await listFlows('limit=2000&order=asc'))).toEqual(ids(all));
    expectSorted(all.map(lastSeen), 'asc');
  });

  it('answers order=desc as the reverse of order=asc on the last activity', async () => {
    const desc = await listFlows('limit=2000&order=desc');
    expectSorted(desc.map(lastSeen), 'desc');
    expect(desc.map((f) => f.last_seen)).toEqual(all.map((f) => f.last_seen).reverse());
    expect(new Set(ids(desc))).toEqual(new Set(ids(all)));
  });

  it('answers /flows/ (with the trailing slash of the guide) as /flows', async () => {
    expect(ids((await ok(`${API}/flows/?limit=7`)) as Flow[])).toEqual(ids(all).slice(0, 7));
  });

  it('accepts a query string that starts with ?&', async () => {
    expect(ids(await listFlows('&limit=3'))).toEqual(ids(all).slice(0, 3));
  });

  it('takes the first value of a repeated limit', async () => {
    expect(ids(await listFlows('limit=5&limit=7'))).toEqual(ids(all).slice(0, 5));
  });

  it('prints times in UTC with microseconds (README divergence)', async () => {
    for (const f of all) {
      expect(f.first_seen).toMatch(UTC_TIME);
      expect(f.last_seen).toMatch(UTC_TIME);
    }
  });
});

describe('GET /api/1.0/flow/{id}', () => {
  it('answers the S7 flow of guide 6.4.2', async () => {
    const body = await ok(`${API}/flow/${S7}`);
    expectShape(FlowSchema, body);
    const flow = body as Flow;
    expect(flow.id).toBe(S7);
    // divergence (fixtures/README.md): the endpoints are in 192.168.105.0/24, as everywhere else.
    expect(flow.src).toEqual({ mac: '34:17:eb:d1:c9:97', ip: '192.168.105.241', port: 1616, component: { id: DELL_D1_C9_97 } });
    expect(flow.dst).toEqual({ mac: '00:1b:1b:b6:f6:99', ip: '192.168.105.115', port: 102, component: { id: S7_400 } });
    expect(flow.network_category).toBe('control');
    expect(flow.tags).toEqual({ S7: 'info' });
    expect(flow.properties).toEqual({
      'cotp-dst-tsap': '100',
      's7-bootloaderref': 'Boot Loader',
      's7-bootloaderver': 'V 6.0.4',
      's7-function': 'NONE',
      's7-fwver': 'V 6.0.3',
      's7-hwref': '6ES7 412-2EK06-0AB0',
      's7-hwver': '3',
      's7-mode': 'userdata',
      's7-modulename': 'PLC_4',
      's7-moduleref': '6ES7 412-2EK06-0AB0',
      's7-modulever': '68',
      's7-plcname': 'S7-400 station_1',
      's7-serialnumber': 'SVPEN250894',
    });
    expect(micros(flow.first_seen)).toBe(micros('2015-07-09T14:24:49.90637+02:00'));
    expect(micros(flow.last_seen)).toBe(micros('2015-09-23T14:24:50.102395+02:00'));
    expect(flow.first_seen).toBe('2015-07-09T12:24:49.90637Z');
    expect(flow.sensor_id).toBe('08866e88-918f-48fc-a90e-a37cc9ddd318');
  });

  it('answers the GRE flow of guide 5.3 without ports', async () => {
    const flow = (await ok(`${API}/flow/${GRE}`)) as Flow;
    expectShape(FlowSchema, flow);
    expect(flow.src).toEqual({ mac: '52:54:dd:4c:28:74', ip: '169.254.1.2', component: { id: '7e41e314-c0dc-5153-8ce7-10dc04d48517' } });
    expect(flow.dst).toEqual({ mac: 'd0:ec:35:59:b4:4b', ip: '127.0.0.1', component: { id: '2a3629ae-c6c1-58cc-abf3-9e81f02ad65b' } });
    expect(flow).toMatchObject({ ethertype: 'IPv4', protocol: 'GRE', network_category: 'net', tags: { Tunneling: 'info' } });
    expect(flow.last_seen).toBe('2020-07-23T12:20:12.122487Z');
  });

  it('answers every fixture flow as fixtures/flows.json holds it', async () => {
    expect(fixtures).toHaveLength(5);
    for (const { contents: _contents, stats: _stats, first_seen, last_seen, ...expected } of fixtures) {
      const body = (await ok(`${API}/flow/${expected.id}`)) as Flow;
      expectShape(FlowSchema, body);
      const { first_seen: gotFirst, last_seen: gotLast, ...rest } = body;
      expect(rest, expected.id).toEqual(expected);
      expect(micros(gotFirst), expected.id).toBe(micros(first_seen));
      expect(micros(gotLast), expected.id).toBe(micros(last_seen));
    }
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/flow/fea763b5-a292-556e-a986`), 400, /flow id.*not a UUID/);
  });

  it('answers 404 for an unknown id', async () => {
    expectError(await c.get(`${API}/flow/${UNKNOWN}`), 404, new RegExp(UNKNOWN));
  });
});

describe('GET /api/1.0/flow/{id}/content', () => {
  const contents = async (id: string, query: string) => (await ok(`${API}/flow/${id}/content?${query}`)) as FlowContent[];

  /** The flow with the most contents, and their count. */
  async function richest(): Promise<{ id: string; count: number }> {
    let best = { id: '', count: 0 };
    for (const f of all) {
      const n = (await contents(f.id, 'limit=2000')).length;
      if (n > best.count) best = { id: f.id, count: n };
    }
    return best;
  }

  it('answers the guide example of 6.4.3 (limit=1, order=desc)', async () => {
    const body = await ok(`${API}/flow/${S7}/content?limit=1&order=desc`);
    expectShape(z.array(FlowContentSchema), body);
    const [content, ...rest] = body as FlowContent[];
    expect(rest).toEqual([]);
    expect(content?.id).toBe('0cbd385f-d1fb-4203-b6bc-0635f67e0dec');
    expect(micros(content?.time ?? '')).toBe(micros('2015-07-09T14:24:50.087495+02:00'));
    expect(content?.time).toBe('2015-07-09T12:24:50.087495Z');
    expect(content?.direction).toBe('Server→Client');
    expect(content?.content).toEqual({
      's7-function': 'NONE',
      's7-mode': 'userdata',
      's7-modulename': 'PLC_4',
      's7-plcname': 'S7-400 station_1',
      's7-serialnumber': 'SVPEN250894',
    });
  });

  it('takes the page size as size (the name 6.4.3 documents)', async () => {
    expect(ids(await contents(S7PLUS, 'size=1'))).toEqual(ids(await contents(S7PLUS, 'limit=1')));
    expect(await contents(S7PLUS, 'size=1')).toHaveLength(1);
  });

  it('answers 400 when neither limit nor size is given', async () => {
    expectError(await c.get(`${API}/flow/${S7}/content`), 400, /"limit"/);
    expectError(await c.get(`${API}/flow/${S7}/content?order=desc`), 400, /"limit"/);
  });

  it('answers 400 when limit or size is over 2000', async () => {
    expectError(await c.get(`${API}/flow/${S7}/content?limit=2001`), 400, /"limit"/);
    expectError(await c.get(`${API}/flow/${S7}/content?size=2001`), 400, /"size"/);
  });

  it('answers every fixture flow its contents, in time order', async () => {
    for (const f of fixtures) {
      const body = await contents(f.id, 'limit=2000');
      expectShape(z.array(FlowContentSchema), body);
      const expected = [...f.contents].sort((a, b) => micros(a.time) - micros(b.time));
      expect(body.map(({ time: _time, ...rest }) => rest), f.id).toEqual(expected.map(({ time: _time, ...rest }) => rest));
      expect(body.map((x) => micros(x.time)), f.id).toEqual(expected.map((x) => micros(x.time)));
    }
  });

  it('answers an empty list for a flow without contents', async () => {
    expect(await contents(GRE, 'limit=10')).toEqual([]);
  });

  it('filters with start and end on the time of the content', async () => {
    // 0cbd385f transited at 2015-07-09T12:24:50.087495Z.
    expect(ids(await contents(S7, qs([['limit', '10'], ['start', '2015-07-09 12:24'], ['end', '2015-07-09 12:25']])))).toEqual([
      '0cbd385f-d1fb-4203-b6bc-0635f67e0dec',
    ]);
    expect(await contents(S7, qs([['limit', '10'], ['start', '2015-07-09 12:25']]))).toEqual([]);
    expect(await contents(S7, qs([['limit', '10'], ['end', '2015-07-09 12:24:50']]))).toEqual([]);
    expect(await contents(S7, qs([['limit', '10'], ['end', '2015-07-10']]))).toHaveLength(1);
  });

  it('answers two consecutive pages that make the first page of twice the size', async () => {
    const { id, count } = await richest();
    expect(count).toBeGreaterThanOrEqual(4);
    const size = Math.floor(count / 2);
    const both = await contents(id, `limit=${2 * size}`);
    const page1 = await contents(id, `limit=${size}&offset=0`);
    const page2 = await contents(id, `limit=${size}&offset=${size}`);
    expect(both).toHaveLength(2 * size);
    expect(ids([...page1, ...page2])).toEqual(ids(both));
    // `size` pages as `limit` does (routes.md: `limit`/`size`).
    const bySize = [...(await contents(id, `size=${size}&offset=0`)), ...(await contents(id, `size=${size}&offset=${size}`))];
    expect(ids(bySize)).toEqual(ids(both));
  });

  it('answers order=desc as the reverse of order=asc on the time', async () => {
    const { id } = await richest();
    const asc = await contents(id, 'limit=2000&order=asc');
    const desc = await contents(id, 'limit=2000&order=desc');
    expectSorted(asc.map((x) => micros(x.time)), 'asc');
    expectSorted(desc.map((x) => micros(x.time)), 'desc');
    expect(desc.map((x) => x.time)).toEqual(asc.map((x) => x.time).reverse());
    expect(ids(await contents(id, 'limit=2000'))).toEqual(ids(asc));
  });

  it('answers 400 for a bad offset, order, start or end', async () => {
    expectError(await c.get(`${API}/flow/${S7}/content?limit=1&offset=-1`), 400, /"offset"/);
    expectError(await c.get(`${API}/flow/${S7}/content?limit=1&order=latest`), 400, /"order"/);
    expectError(await c.get(`${API}/flow/${S7}/content?limit=1&start=2015-07-32`), 400, /"start"/);
    expectError(await c.get(`${API}/flow/${S7}/content?limit=1&end=noon`), 400, /"end"/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/flow/S7/content?limit=1`), 400, /flow id.*not a UUID/);
  });

  it('answers 404 for an unknown flow', async () => {
    expectError(await c.get(`${API}/flow/${UNKNOWN}/content?limit=1`), 404, new RegExp(UNKNOWN));
  });
});

describe('GET /api/1.0/flow/{id}/stats', () => {
  it('answers the stats of guide 6.4.4, one entry per direction (fixtures divergence)', async () => {
    const body = await ok(`${API}/flow/${S7}/stats`);
    expectShape(z.array(FlowStatsSchema), body);
    expect(body).toEqual([
      { flow_id: S7, direction: 'Client→Server', direction_method: 'detected', nb_packets: 6, l2_bytes: 606, l7_bytes: 282 },
      { flow_id: S7, direction: 'Server→Client', direction_method: 'detected', nb_packets: 8, l2_bytes: 835, l7_bytes: 403 },
    ]);
  });

  it('answers every fixture flow the stats fixtures/flows.json holds, in order', async () => {
    for (const f of fixtures) {
      const body = await ok(`${API}/flow/${f.id}/stats`);
      expectShape(z.array(FlowStatsSchema), body);
      expect(body, f.id).toEqual(f.stats);
    }
  });

  it("answers only entries whose flow_id is the flow's", async () => {
    for (const f of all.slice(-20)) {
      const body = (await ok(`${API}/flow/${f.id}/stats`)) as FlowStats[];
      expectShape(z.array(FlowStatsSchema), body);
      for (const s of body) expect(s.flow_id).toBe(f.id);
    }
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/flow/not-a-flow/stats`), 400, /flow id.*not a UUID/);
  });

  it('answers 404 for an unknown flow', async () => {
    expectError(await c.get(`${API}/flow/${UNKNOWN}/stats`), 404, new RegExp(UNKNOWN));
  });
});
