/**
 * GET routes of sensors (6.2), groups (6.5), events (6.6), variables (6.7) and the analyzer
 * catalogue (6.8), over the small scenario and the guide's fixtures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EventSchema,
  GroupSchema,
  PortRuleSchema,
  PropertyRuleSchema,
  SensorSchema,
  TagSchema,
  TagSummarySchema,
  VariableSchema,
} from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UNKNOWN, expectError, expectShape, expectSorted, ids, micros, testCenter, utc } from '../../helpers.js';

type Event = z.infer<typeof EventSchema>;
type Group = z.infer<typeof GroupSchema>;

const GROUP_SIEMENS = '25b745dc-1d93-46ec-8bd8-c647a1d6a46e';
const DECODE_FAILURE = '4f8c2d19-b6e3-47a0-9d15-c83e7a2f6b58';
const NEW_COMPONENT = 'a400af14-ff97-47a4-ac33-c33cc50eff99'; // 6.6.1
const NEW_PROPERTIES = 'eceea473-6532-47a1-ac13-516828564b45'; // 5.5
const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1';
const DELL = '5a14574b-f191-5e8f-ac1b-2b6a08631c78';

let c: TestCenter;
let allEvents: Event[];
beforeAll(async () => {
  c = await testCenter();
  allEvents = await c.json<Event[]>(`${API}/event?limit=2000`);
});
afterAll(() => c.close());

describe('GET /api/1.0/sensor', () => {
  it('answers an object keyed by sensor id (guide 6.2.1)', async () => {
    const body = await c.json<Record<string, unknown>>(`${API}/sensor`);
    expectShape(z.record(z.string(), SensorSchema), body);
    for (const [key, s] of Object.entries(body)) expect((s as { id: string }).id).toBe(key);
    expect(Object.keys(body).length).toBeGreaterThan(3);
  });

  it('filters by status, values as alternatives, case-insensitive: the 6.2.1 example', async () => {
    const body = await c.json<Record<string, { name: string; status: string }>>(`${API}/sensor?status=active&status=INACTIVE`);
    expect(Object.values(body).map((s) => s.name).sort()).toEqual(['My sensor 1', 'My sensor 2']);
    const active = await c.json<Record<string, { status: string }>>(`${API}/sensor?status=Active`);
    expect(Object.values(active).map((s) => s.status)).toEqual(['Active']);
  });

  it('answers {} for a status nobody has', async () => {
    expect(await c.json(`${API}/sensor?status=exploded`)).toEqual({});
  });
});

describe('GET /api/1.0/group', () => {
  it('holds GROUP SIEMENS with its two components and properties (guide 5.4)', async () => {
    const body = await c.json<Group[]>(`${API}/group`);
    expectShape(z.array(GroupSchema), body);
    const g = body.find((x) => x.id === GROUP_SIEMENS);
    expect(g).toMatchObject({ label: 'GROUP SIEMENS', color: 'GRAY', industrial_impact: 'VERY_LOW', description: '', comments: '' });
    expect(g?.properties).toEqual([{ last_update: '2016-02-17T10:59:09.284025Z', position: 0, label: 'Location', value: 'Room 214' }]);
    expect(ids(g?.components ?? []).sort()).toEqual(['93b5cfca-77bb-5551-ad5f-e9443279c640', 'f36d4e1d-ef90-56b4-bd01-357bc5f4d299']);
    expect(micros(g?.creation_time ?? '')).toBe(micros('2016-02-17T11:47:39.198189+01:00'));
  });

  it("gives each member the group's label", async () => {
    for (const g of await c.json<Group[]>(`${API}/group`)) {
      for (const m of g.components) expect(m.group).toBe(g.label);
    }
  });
});

describe('GET /api/1.0/group/{id}', () => {
  it('answers the group as the list does (guide 6.5.2)', async () => {
    const list = await c.json<Group[]>(`${API}/group`);
    expect(await c.json(`${API}/group/${GROUP_SIEMENS}`)).toEqual(list.find((g) => g.id === GROUP_SIEMENS));
  });

  it('answers 400 for an id that is not a UUID and 404 for an unknown one', async () => {
    expectError(await c.get(`${API}/group/room-214`), 400, /not a UUID/);
    expectError(await c.get(`${API}/group/${UNKNOWN}`), 404, /Group not found/);
  });
});

describe('GET /api/1.0/event', () => {
  it('answers events in the documented shape, ordered by creation time', async () => {
    expectShape(z.array(EventSchema), allEvents);
    expectSorted(allEvents.map((e) => micros(e.creation_time)), 'asc');
    const desc = await c.json<Event[]>(`${API}/event?limit=2000&order=desc`);
    expect(ids(desc)).toEqual(ids(allEvents).reverse());
  });

  it('holds the guide samples (5.5, 6.6.1)', () => {
    expect(allEvents.find((e) => e.id === NEW_COMPONENT)).toEqual({
      id: NEW_COMPONENT,
      creation_time: '2017-11-13T16:35:54.290739Z',
      severity: 'High',
      type: 'Classification',
      family: 'Component',
      category: 'Identification',
      short_message: 'New component detected',
      message: 'New component detected on the network: IP 10.4.0.46, MAC d4:ae:52:aa:dc:93, vendor Dell',
      component: { id: DELL },
    });
    expect(allEvents.find((e) => e.id === NEW_PROPERTIES)).toMatchObject({ severity: 'Low', short_message: 'New properties detected', component: { id: PLC_3 } });
  });

  it('answers the 6.6.1 example request with the guide event', async () => {
    const body = await c.json<Event[]>(
      `${API}/event?category=Identification&start=2016-11-03+00%3A00&mac=d4%3Aae%3A52%3Aaa%3Adc%3A93&limit=5&severity=veryhigh&severity=high&offset=0&end=2017-11-13+17%3A23&ip=10.4.0.46&order=desc`,
    );
    expect(ids(body)).toEqual([NEW_COMPONENT]);
  });

  it('pages consistently: two pages of 5 are the first 10', async () => {
    const [a, b, ten] = await Promise.all([0, 5].map((o) => c.json<Event[]>(`${API}/event?limit=5&offset=${o}`)).concat(c.json<Event[]>(`${API}/event?limit=10`)));
    expect([...ids(a ?? []), ...ids(b ?? [])]).toEqual(ids(ten ?? []));
  });

  const filters: [string, string, (e: Event) => boolean][] = [
    ['severity', 'severity=veryhigh&severity=low', (e) => e.severity === 'Very High' || e.severity === 'Low'],
    ['severities', 'severities=medium', (e) => e.severity === 'Medium'],
    ['category', 'category=Decode+Failure', (e) => e.category === 'Decode Failure'],
    ['family', 'family=Component&family=Property', (e) => e.family === 'Component' || e.family === 'Property'],
    ['type', 'type=Classification', (e) => e.type === 'Classification'],
    ['text', 'text=new+COMP', (e) => /new comp/i.test(e.message) || /new comp/i.test(e.short_message)],
    ['start/end', 'start=2017-01-01&end=2017-12-31+23:59:59', (e) => micros(e.creation_time) >= utc('2017-01-01') && micros(e.creation_time) <= utc('2017-12-31 23:59:59')],
  ];
  it.each(filters)('filters by %s (includes what matches, excludes the rest)', async (_name, query, matches) => {
    const body = await c.json<Event[]>(`${API}/event?limit=2000&${query}`);
    expect(body.length).toBeGreaterThan(0);
    expect(body.length).toBeLessThan(allEvents.length);
    expect(ids(body)).toEqual(ids(allEvents.filter(matches)));
  });

  it('filters by the ip, mac, network, group, from and to of related components', async () => {
    expect(ids(await c.json<Event[]>(`${API}/event?limit=2000&ip=10.4.0.46`))).toContain(NEW_COMPONENT);
    expect(ids(await c.json<Event[]>(`${API}/event?limit=2000&ip=10.4.0.47`))).not.toContain(NEW_COMPONENT);
    expect(ids(await c.json<Event[]>(`${API}/event?limit=2000&mac=D4:AE:52:AA:DC:93`))).toContain(NEW_COMPONENT);
    expect(ids(await c.json<Event[]>(`${API}/event?limit=2000&network=10.4.0.0/24`))).toContain(NEW_COMPONENT);
    expect(ids(await c.json<Event[]>(`${API}/event?limit=2000&network=10.4.0`))).toContain(NEW_COMPONENT);
    expect(ids(await c.json<Event[]>(`${API}/event?limit=2000&network=10.5.0.0/16`))).not.toContain(NEW_COMPONENT);
    const grouped = await c.json<Event[]>(`${API}/event?limit=2000&group=${GROUP_SIEMENS}`);
    expect(grouped.every((e) => ['93b5cfca-77bb-5551-ad5f-e9443279c640', 'f36d4e1d-ef90-56b4-bd01-357bc5f4d299'].includes(e.component?.id ?? ''))).toBe(true);
    const from = await c.json<Event[]>(`${API}/event?limit=2000&from=f523ce71-19ea-5a7b-8b1a-0670433c35ab`);
    const to = await c.json<Event[]>(`${API}/event?limit=2000&to=d8cd6083-6c99-5745-9277-78506b623e4d`);
    expect(ids(from)).toContain(DECODE_FAILURE);
    expect(ids(to)).toContain(DECODE_FAILURE);
    expect(ids(await c.json<Event[]>(`${API}/event?limit=2000&from=d8cd6083-6c99-5745-9277-78506b623e4d`))).not.toContain(DECODE_FAILURE);
  });

  it.each([
    ['limit', 'limit=2001', /"limit"/],
    ['limit missing', 'offset=0', /"limit": is mandatory/],
    ['severity', 'limit=5&severity=catastrophic', /"severity"/],
    ['category', 'limit=5&category=Gossip', /"category"/],
    ['start', 'limit=5&start=yesterday', /"start"/],
    ['network', 'limit=5&network=10.0.0.0/40', /"network"/],
    ['group', 'limit=5&group=not-a-uuid', /"group"/],
  ])('answers 400 for a bad %s', async (_name, query, message) => {
    expectError(await c.get(`${API}/event?${query}`), 400, message);
  });
});

describe('GET /api/1.0/event-data/{id}/download', () => {
  it("answers the event's PCAP as application/octet-stream (guide 6.6.2)", async () => {
    const res = await c.get(`${API}/event-data/${DECODE_FAILURE}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.pcap"/);
    expect([0xa1b2c3d4, 0xd4c3b2a1]).toContain(res.rawPayload.readUInt32BE(0));
  });

  it('answers 404 for an event without a file, 404 for an unknown event, 400 for a bad id', async () => {
    expectError(await c.get(`${API}/event-data/${NEW_COMPONENT}/download`), 404, /Downloadable content/);
    expectError(await c.get(`${API}/event-data/${UNKNOWN}/download`), 404, /Event not found/);
    expectError(await c.get(`${API}/event-data/42/download`), 400, /not a UUID/);
  });
});

describe('GET /api/1.0/variables', () => {
  type Page = Record<string, z.infer<typeof VariableSchema>[]>;
  const flat = (p: Page) => Object.entries(p).flatMap(([holder, vs]) => vs.map((v) => `${holder}/${v.id}`));

  it('answers a page of variables keyed by the component that holds them (guide 6.7.1)', async () => {
    const body = await c.json<Page>(`${API}/variables/?limit=3&order=asc&offset=0`);
    expectShape(z.record(z.string(), z.array(VariableSchema)), body);
    expect(flat(body)).toHaveLength(3);
    expect(body['9bc31dc8-d1d9-534d-8cbb-3b11fb1e8681']?.[0]).toMatchObject({
      id: '0602b0f9-af9d-5965-b6bf-cbe69b6c8c2d',
      name: '7',
      authors: [{ id: 'cf4f8e39-f2a0-5a91-b256-53706423c445', name: 'NANOBOX', read: { first: '2020-07-23T08:46:05.825955Z', type: 'read' } }],
    });
  });

  it('pages consistently, both ways', async () => {
    const [a, b, ten] = await Promise.all([c.json<Page>(`${API}/variables?limit=5`), c.json<Page>(`${API}/variables?limit=5&offset=5`), c.json<Page>(`${API}/variables?limit=10`)]);
    expect([...flat(a), ...flat(b)]).toEqual(flat(ten));
    const all = flat(await c.json<Page>(`${API}/variables?limit=2000`));
    expect(new Set(flat(await c.json<Page>(`${API}/variables?limit=2000&order=desc`)))).toEqual(new Set(all));
  });

  it('answers 400 without a limit or above 2000', async () => {
    expectError(await c.get(`${API}/variables`), 400, /"limit": is mandatory/);
    expectError(await c.get(`${API}/variables?limit=2001`), 400, /"limit"/);
  });
});

describe('GET /api/1.0/tags', () => {
  it('lists the Knowledge DB tags with the guide samples (6.8.1.1), also at /tags/', async () => {
    const body = await c.json<z.infer<typeof TagSummarySchema>[]>(`${API}/tags/`);
    expectShape(z.array(TagSummarySchema), body);
    expect(body).toEqual(
      expect.arrayContaining([
        { tag: 'WEB', label: 'Web', desc: 'Web protocols' },
        { tag: 'WEB_SERVER', label: 'Web Server', desc: 'Web server computer' },
        { tag: 'WINDOWS', label: 'Windows', desc: 'Windows workstation' },
      ]),
    );
  });
});

describe('GET /api/1.0/analyzer/tag/{tag}', () => {
  it('answers a tag with its key and label (6.8.1.2)', async () => {
    const body = await c.json(`${API}/analyzer/tag/WEB`);
    expectShape(TagSchema, body);
    expect(body).toMatchObject({ tag: 'WEB', label: 'Web' });
  });

  it('answers 404 for an unknown tag', async () => {
    expectError(await c.get(`${API}/analyzer/tag/NO_SUCH_TAG`), 404, /Tag not found/);
  });
});

describe('GET /api/1.0/analyzer/property/rule and port/rule', () => {
  it('lists the property rules of 6.8.2.1', async () => {
    const body = await c.json<{ id: string }[]>(`${API}/analyzer/property/rule/`);
    expectShape(z.array(PropertyRuleSchema), body);
    expect(ids(body)).toEqual(['bd1c1b0b-eb8c-4740-a870-e1fac758ef2b', '8d95c60b-c1e6-4e04-b3ed-4c8b8d339b0e']);
  });

  it('answers one property rule as 6.8.2.2 prints it', async () => {
    expect(await c.json(`${API}/analyzer/property/rule/bd1c1b0b-eb8c-4740-a870-e1fac758ef2b`)).toEqual({
      id: 'bd1c1b0b-eb8c-4740-a870-e1fac758ef2b',
      test: { operator: 'or', conditions: [{ name: 'HasProp', params: { property: 's7-function' } }] },
      actions: [{ name: 'TagFlow', params: { tag: 'S7', type: 'info', throw_admin_event: true } }],
    });
  });

  it('lists the port rules of 6.8.3.1 and answers one (6.8.3.2)', async () => {
    const body = await c.json<{ id: string; ports: string[] }[]>(`${API}/analyzer/port/rule`);
    expectShape(z.array(PortRuleSchema), body);
    expect(body.map((r) => r.ports)).toEqual([['TCP/80', 'UDP/8080', '9000'], ['22']]);
    expect(await c.json(`${API}/analyzer/port/rule/8d95c60b-c1e6-4e04-b3ed-4c8b8d339b0e`)).toMatchObject({ ports: ['22'] });
  });

  it('answers 400 for a bad rule id and 404 for an unknown one', async () => {
    expectError(await c.get(`${API}/analyzer/property/rule/rule-1`), 400, /not a UUID/);
    expectError(await c.get(`${API}/analyzer/port/rule/${UNKNOWN}`), 404, /Port rule not found/);
    expectError(await c.get(`${API}/analyzer/property/rule/${UNKNOWN}`), 404, /Property rule not found/);
  });
});
