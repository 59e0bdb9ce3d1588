/**
 * Every example request the guide prints (shared/spec/001_83ec49086bd4e787.txt), sent as printed
 * (the guide's line breaks inside URLs rejoined, YOUR_TOKEN replaced by our token), answers what
 * the guide prints for its sample objects. The expected objects are the fixture files, which
 * hold the guide's samples (fixtures/README.md lists where they depart from the print, and why).
 * Times are compared as instants: the guide prints +01:00/+02:00 offsets, the emulator UTC.
 * For the fixture objects an answer holds, it must hold exactly the ones the guide prints: the
 * `small` world around them may add its own objects only where the guide's filters allow.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ComponentSchema,
  EventSchema,
  FlowContentSchema,
  FlowSchema,
  FlowStatsSchema,
  GroupSchema,
  IconSchema,
  IconSummarySchema,
  PortRuleSchema,
  PropertyRuleSchema,
  SensorSchema,
  TagSchema,
  TagSummarySchema,
  VariableSchema,
} from '../../../src/api/v1/schemas.js';
import { TOKEN, type TestCenter, UTC_TIME, expectShape, ids, micros, testCenter } from '../../helpers.js';

type Json = Record<string, unknown>;
type WithId = Json & { id: string };

const fixture = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/${file}`, import.meta.url), 'utf8')) as T;
const fx = {
  sensors: fixture<WithId[]>('sensors.json'),
  components: fixture<WithId[]>('components.json'),
  flows: fixture<WithId[]>('flows.json'),
  events: fixture<WithId[]>('events.json'),
  groups: fixture<(WithId & { components: string[] })[]>('groups.json'),
  variables: fixture<Record<string, WithId[]>>('variables.json'),
  icons: fixture<{ key: string; description: string; content_type: string; image_base64: string }[]>('icons.json'),
  rules: fixture<{ property: WithId[]; port: WithId[] }>('rules.json'),
  tags: fixture<{ tag: string; label: string; desc: string }[]>('tags.json'),
};

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
}
const without = (o: Json, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** The wire objects of the fixtures, as the API answers them (fixtures/README.md). */
const expected = {
  sensor: (id: string) => byId(fx.sensors, id),
  component: (id: string) => byId(fx.components, id),
  flow: (id: string) => without(byId(fx.flows, id), 'contents', 'stats'),
  flowContents: (id: string) => byId(fx.flows, id)['contents'] as Json[],
  flowStats: (id: string) => byId(fx.flows, id)['stats'] as Json[],
  event: (id: string) => without(byId(fx.events, id), 'data'),
  /** groups.json lists member ids; the API inserts the components (guide 5.4). */
  group: (id: string) => {
    const g = byId(fx.groups, id);
    return { ...g, components: g.components.map((m) => byId(fx.components, m)) };
  },
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A value with every RFC 3339 time replaced by its instant (microseconds since the epoch). */
function instants(v: unknown): unknown {
  if (typeof v === 'string') return RFC3339.test(v) ? { instant: micros(v) } : v;
  if (Array.isArray(v)) return v.map(instants);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, instants(x)]));
  return v;
}

/** Every time in an answer is printed in UTC with microseconds (README divergence). */
function expectUtcTimes(v: unknown, path = '$'): void {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) expect(v, path).toMatch(UTC_TIME);
  else if (Array.isArray(v)) v.forEach((x, i) => expectUtcTimes(x, `${path}[${i}]`));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) expectUtcTimes(x, `${path}.${k}`);
}

/** The answer equals the fixture object, times as instants. */
function expectSame(got: unknown, want: unknown): void {
  expectUtcTimes(got);
  expect(instants(got)).toEqual(instants(want));
}

const FIXTURE_IDS = {
  components: new Set(ids(fx.components)),
  flows: new Set(ids(fx.flows)),
  events: new Set(ids(fx.events)),
  groups: new Set(ids(fx.groups)),
};
/** The fixture objects of an answer, in answer order. */
const fixturesIn = (list: { id: string }[], set: Set<string>) => ids(list).filter((id) => set.has(id));

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

/**
 * Sends a request as the guide prints it: "GET /api/1.0/…?token=YOUR_TOKEN&…" (the method is
 * sometimes left out), with our token. Asserts a 200 JSON answer and returns it parsed.
 */
async function printed<T = unknown>(request: string): Promise<T> {
  const url = request.replace(/^GET\s+/, '').replace(/YOUR_TOKEN(_HERE)?/, TOKEN);
  expect(url).toContain(`token=${TOKEN}`);
  const res = await c.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json() as T;
}

const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1';
const S7_400 = 'd8cd6083-6c99-5745-9277-78506b623e4d';
const S7_FLOW = 'fea763b5-a292-556e-a986-af71bffb45eb';
const S7PLUS_FLOW = 'c2e0d272-28bf-55c6-abd6-52d3f3451289';
const GROUP_SIEMENS = '25b745dc-1d93-46ec-8bd8-c647a1d6a46e';
const NEW_COMPONENT = 'a400af14-ff97-47a4-ac33-c33cc50eff99';
const DECODE_FAILURE = '4f8c2d19-b6e3-47a0-9d15-c83e7a2f6b58';
const RULE_1 = 'bd1c1b0b-eb8c-4740-a870-e1fac758ef2b';

describe('6.1 Authentication', () => {
  it('answers the curl example (the token as a URL parameter) with flow fea763b5', async () => {
    const body = await printed(`/api/1.0/flow/fea763b5-a292-556e-a986-af71bffb45eb?token=YOUR_TOKEN`);
    expectSame(body, expected.flow(S7_FLOW));
  });
});

describe('6.2.1 GET /api/1.0/sensor', () => {
  it('answers status=active&status=inactive with exactly "My sensor 1" and "My sensor 2"', async () => {
    const body = await printed<Record<string, Json>>('GET /api/1.0/sensor?token=YOUR_TOKEN&status=active&status=inactive');
    expectShape(z.record(z.string(), SensorSchema), body);
    const mine = ['318198cc-f826-4977-b510-10c2ffe37367', '9b2a4bbd-2dbe-49d0-9555-782ae81a41be'];
    expect(Object.keys(body).sort()).toEqual(mine);
    for (const id of mine) expectSame(body[id], expected.sensor(id));
    // The guide's printed values.
    expect(body[mine[0] as string]).toMatchObject({ name: 'My sensor 1', status: 'Active', ip: '192.168.69.20', serial_number: 'SENSOR3-INT16743', version: '2.0.4' });
    expect(body[mine[1] as string]).toMatchObject({ name: 'My sensor 2', status: 'Inactive', ip: '192.168.69.23', serial_number: 'SENSOR3-INT16742' });
    expect(micros(String(body[mine[0] as string]?.['last_active_time']))).toBe(micros('2017-11-13T17:37:38.677881+01:00'));
  });
});

describe('6.3 Components', () => {
  it('6.3.1: the vendor, property and tag example answers PLC_3', async () => {
    const body = await printed<WithId[]>(
      'GET /api/1.0/component?token=YOUR_TOKEN&vendor=Siemens+AG+-' +
        '+Industrial+Automation+-+EWA&limit=5&generation=0&property=s7plus-' +
        'modulever%3DV4.0&property=s7plus-moduleref&tag=PLC',
    );
    expectShape(z.array(ComponentSchema), body);
    expect(body.length).toBeLessThanOrEqual(5);
    expect(fixturesIn(body, FIXTURE_IDS.components)).toEqual([PLC_3]);
    expectSame(body.find((x) => x.id === PLC_3), expected.component(PLC_3));
    expect(body.find((x) => x.id === PLC_3)).toMatchObject({ name: 'PLC_3', model_ref: '6ES7 212-1BE40-0XB0', fw_version: 'V4.0', tags: { PLC: 'info' } });
  });

  it('6.3.2: GET /component/d8cd6083… answers S7-400 station_1', async () => {
    const body = await printed<Json>('GET /api/1.0/component/d8cd6083-6c99-5745-9277-' + '78506b623e4d?token=YOUR_TOKEN');
    expectShape(ComponentSchema, body);
    expectSame(body, expected.component(S7_400));
    expect(body).toMatchObject({
      id: S7_400,
      ip: '192.168.105.115',
      mac: '00:1b:1b:b6:f6:99',
      name: 'S7-400 station_1',
      model_name: 'PLC_4',
      model_ref: '6ES7 412-2EK06-0AB0',
      fw_version: 'V 6.0.3',
      serial_number: 'SVPEN250894',
      vendor_name: 'Siemens AG,',
    });
    expect(micros(String(body['last_active_time']))).toBe(micros('2015-09-23T14:53:11.85282+02:00'));
  });

  it('6.3.5: GET /icon lists the printed keys with their descriptions', async () => {
    // 6.3.5 prints the route only ("GET /api/1.0/icon"); the token goes as everywhere else.
    const body = await printed<{ key: string; description: string }[]>('GET /api/1.0/icon?token=YOUR_TOKEN');
    expectShape(z.array(IconSummarySchema), body);
    const printedIcons = [
      { key: 'weinteck', description: 'Weintek Labs. Inc.' },
      { key: 'siemens_G_SY02_XX_00038', description: 'CPU 416-3 PN/DP' },
      { key: 'siemens_G_SY02_XX_00041', description: 'CPU 416F-2' },
      { key: 'siemens_G_SY02_XX_01104', description: 'CP 1242-7' },
      { key: 'softing', description: 'Softing' },
      { key: 'turck', description: 'TURCK, Inc.' },
      { key: 'siemens_G_SY02_XX_00244', description: 'CPU 315F-2 DP or PN/DP' },
      { key: 'dell', description: 'Dell' },
    ];
    for (const icon of printedIcons) expect(body).toContainEqual(icon);
  });

  it('6.3.6: GET /icon/netgear answers its image and content type', async () => {
    const body = await printed<Json>('GET /api/1.0/icon/netgear?token=YOUR_TOKEN');
    expectShape(IconSchema, body);
    const netgear = fx.icons.find((i) => i.key === 'netgear');
    expect(body).toEqual({ key: 'netgear', description: 'netgear', 'content-type': 'image/png', image: netgear?.image_base64 });
  });

  it('6.3.11: the two oldest flows of d8cd6083 (its one flow, fea763b5)', async () => {
    const body = await printed<WithId[]>('GET /api/1.0/component/d8cd6083-6c99-5745-9277-' + '78506b623e4d/flow?token=YOUR_TOKEN&order=asc&limit=2');
    expectShape(z.array(FlowSchema), body);
    // d8cd6083's flows, all of them, ordered by last activity: the answer is their first two.
    const every = await c.json<WithId[]>(`/api/1.0/component/${S7_400}/flow?limit=2000`);
    const oldest = [...every].sort((a, b) => micros(String(a['last_seen'])) - micros(String(b['last_seen']))).slice(0, 2);
    expect(ids(body)).toEqual(ids(oldest));
    expect(fixturesIn(body, FIXTURE_IDS.flows)).toEqual([S7_FLOW]);
    expectSame(body.find((f) => f.id === S7_FLOW), expected.flow(S7_FLOW));
  });

  it('6.3.12: GET /component/5ad0ab04…/variables answers 30721 and 64512 read by EMSPDSALL1', async () => {
    const holder = '5ad0ab04-5a74-5f48-8d15-0d46302f9f7b';
    // "[&generation=REFERENCE_ID]" is optional: sent without it, then with the live generation.
    for (const request of [
      'GET /api/1.0/component/5ad0ab04-5a74-5f48-8d15-' + '0d46302f9f7b/variables?token=YOUR_TOKEN',
      'GET /api/1.0/component/5ad0ab04-5a74-5f48-8d15-' + '0d46302f9f7b/variables?token=YOUR_TOKEN&generation=0',
    ]) {
      const body = await printed<WithId[]>(request);
      expectShape(z.array(VariableSchema), body);
      for (const v of fx.variables[holder] ?? []) expectSame(body.find((x) => x.id === v.id), v);
      expect(body.map((v) => v['name'])).toEqual(expect.arrayContaining(['30721', '64512']));
    }
  });

  it('6.3.13: GET /vendor includes the vendors of the fixture components', async () => {
    const body = await printed<string[]>('GET /api/1.0/vendor?token=YOUR_TOKEN');
    expectShape(z.array(z.string()), body);
    expect(new Set(body).size).toBe(body.length);
    const vendors = new Set(fx.components.map((x) => x['vendor_name']).filter((v): v is string => typeof v === 'string'));
    expect(vendors.size).toBeGreaterThan(5);
    for (const v of vendors) expect(body).toContain(v);
    // Among them, the names 6.3.13 prints.
    for (const v of ['APRIL', 'Cisco Systems, Inc', 'Dell Inc.', 'Hewlett Packard', 'Rockwell Automation', 'Siemens AG,', 'Siemens AG - Industrial Automation - EWA', 'Super Micro Computer, Inc.', 'TELEMECANIQUE ELECTRIQUE']) {
      expect(body).toContain(v);
    }
  });
});

describe('6.4 Flows', () => {
  it('6.4.1: the long flows example answers c2e0d272', async () => {
    const body = await printed<WithId[]>(
      'GET /api/1.0/flows/?token=YOUR_TOKEN&start=2016-11-' +
        '03+00%3A00&tag=Stop+CPU&tag=Write+Var&limit=2&offset=0&generation=0&en' +
        'd=2017-11-14+12%3A05&property=s7plus-io-ver%3DV2.0.2&property=s7plus-' +
        'modulever%3DV1.6&property=s7plus-' +
        'moduleref&order=asc&netcat=field&netcat=control',
    );
    expectShape(z.array(FlowSchema), body);
    expect(body.length).toBeLessThanOrEqual(2);
    expect(fixturesIn(body, FIXTURE_IDS.flows)).toEqual([S7PLUS_FLOW]);
    const flow = body.find((f) => f.id === S7PLUS_FLOW);
    expectSame(flow, expected.flow(S7PLUS_FLOW));
    expect(flow?.['tags']).toEqual({ 'Start CPU': 'important', S7Plus: 'info', 'Stop CPU': 'important', 'Read Var': 'info', 'Program Upload': 'important', 'Write Var': 'info' });
    expect(micros(String(flow?.['first_seen']))).toBe(micros('2017-11-14T11:39:32.920547+01:00'));
  });

  it('6.4.2: GET /flow/fea763b5… answers the S7 flow', async () => {
    const body = await printed<Json>('GET /api/1.0/flow/fea763b5-a292-556e-a986-' + 'af71bffb45eb?token=YOUR_TOKEN');
    expectShape(FlowSchema, body);
    expectSame(body, expected.flow(S7_FLOW));
    expect(body['tags']).toEqual({ S7: 'info' });
    expect(body['network_category']).toBe('control');
    expect(micros(String(body['last_seen']))).toBe(micros('2015-09-23T14:24:50.102395+02:00'));
  });

  it('6.4.3: limit=1&order=desc answers the most recent content, 0cbd385f', async () => {
    const body = await printed<WithId[]>('GET /api/1.0/flow/fea763b5-a292-556e-a986-' + 'af71bffb45eb/content?token=YOUR_TOKEN&limit=1&order=desc');
    expectShape(z.array(FlowContentSchema), body);
    expect(ids(body)).toEqual(['0cbd385f-d1fb-4203-b6bc-0635f67e0dec']);
    expectSame(body, expected.flowContents(S7_FLOW));
    expect(body[0]?.['direction']).toBe('Server→Client');
    expect(micros(String(body[0]?.['time']))).toBe(micros('2015-07-09T14:24:50.087495+02:00'));
  });

  it('6.4.4: GET /flow/fea763b5…/stats answers the two printed entries, by direction', async () => {
    const body = await printed<Json[]>('GET /api/1.0/flow/fea763b5-a292-556e-a986-' + 'af71bffb45eb/stats?token=YOUR_TOKEN');
    expectShape(z.array(FlowStatsSchema), body);
    expect(body).toEqual(expected.flowStats(S7_FLOW));
    expect(body.map((s) => [s['nb_packets'], s['l2_bytes'], s['l7_bytes']])).toEqual([
      [6, 606, 282],
      [8, 835, 403],
    ]);
  });
});

describe('6.5 Groups', () => {
  it('6.5.1: GET /group holds GROUP SIEMENS with its two components', async () => {
    const body = await printed<WithId[]>('GET /api/1.0/group?token=YOUR_TOKEN');
    expectShape(z.array(GroupSchema), body);
    expect(fixturesIn(body, FIXTURE_IDS.groups).sort()).toEqual([...FIXTURE_IDS.groups].sort());
    expectSame(body.find((g) => g.id === GROUP_SIEMENS), expected.group(GROUP_SIEMENS));
  });

  it('6.5.2: GET /group/25b745dc… answers GROUP SIEMENS', async () => {
    const body = await printed<Json>('GET /api/1.0/group/25b745dc-1d93-46ec-8bd8-' + 'c647a1d6a46e?token=YOUR_TOKEN');
    expectShape(GroupSchema, body);
    expectSame(body, expected.group(GROUP_SIEMENS));
    expect(body).toMatchObject({ label: 'GROUP SIEMENS', color: 'GRAY', industrial_impact: 'VERY_LOW' });
  });
});

describe('6.6 Events', () => {
  it('6.6.1: the severity, category, mac and ip example answers a400af14', async () => {
    const body = await printed<WithId[]>(
      'GET ' +
        '/api/1.0/event?token=YOUR_TOKEN&category=Identification&start=2016-11-' +
        '03+00%3A00&mac=d4%3Aae%3A52%3Aaa%3Adc%3A93&limit=5&severity=veryhigh&s' +
        'everity=high&offset=0&end=2017-11-13+17%3A23&ip=10.4.0.46&order=desc',
    );
    expectShape(z.array(EventSchema), body);
    expect(body.length).toBeLessThanOrEqual(5);
    expect(fixturesIn(body, FIXTURE_IDS.events)).toEqual([NEW_COMPONENT]);
    expectSame(body.find((e) => e.id === NEW_COMPONENT), expected.event(NEW_COMPONENT));
  });

  it('6.6.2: GET /event-data/{event-id}/download answers the file of the event', async () => {
    const url = `/api/1.0/event-data/{event-id}/download?token=YOUR_TOKEN_HERE`.replace('{event-id}', DECODE_FAILURE).replace('YOUR_TOKEN_HERE', TOKEN);
    const res = await c.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    const data = byId(fx.events, DECODE_FAILURE)['data'] as { base64: string };
    expect(res.rawPayload.equals(Buffer.from(data.base64, 'base64'))).toBe(true);
  });
});

describe('6.7 Variables', () => {
  it('6.7.1: "three first variables" holds W414 of 14796b0e and " bool 133" of 62208e8c', async () => {
    const body = await printed<Record<string, WithId[]>>('GET /api/1.0/variables/?token=YOUR_TOKEN&limit=3&order=asc&offset=0');
    expectShape(z.record(z.string(), z.array(VariableSchema)), body);
    expect(Object.values(body).flat().length).toBeLessThanOrEqual(3);
    // 6.7.1: "asc" answers "the oldest content first"; these two, first read on 2017-01-18, are
    // the oldest variables of the fixtures (and of the world around them).
    const holders = ['14796b0e-d2f4-51f1-a2c1-8e67a5f05bbb', '62208e8c-ab62-5b57-aa5f-a9bfe7e4d96a'];
    expect(Object.keys(body), JSON.stringify(Object.fromEntries(Object.entries(body).map(([h, vs]) => [h, vs.map((v) => v['name'])])))).toEqual(
      expect.arrayContaining(holders),
    );
    for (const holder of holders) {
      const [want] = fx.variables[holder] ?? [];
      expectSame(body[holder]?.find((v) => v.id === want?.id), want);
    }
  });
});

describe('6.8 Tags and analyzer rules', () => {
  it('6.8.1.1: GET /tags holds WEB, WEB_SERVER and WINDOWS as printed', async () => {
    const body = await printed<Json[]>('GET /api/1.0/tags?token=YOUR_TOKEN_HERE');
    expectShape(z.array(TagSummarySchema), body);
    for (const t of fx.tags) expect(body).toContainEqual(t);
  });

  it('6.8.1.2: GET /analyzer/tag/WEB answers tag WEB, label Web', async () => {
    const body = await printed<Json>('GET /api/1.0/analyzer/tag/WEB?token=YOUR_TOKEN_HERE');
    expectShape(TagSchema, body);
    expect(body).toMatchObject({ tag: 'WEB', label: 'Web' });
  });

  it('6.8.2.1: /analyzer/property/rule/ answers the two printed rules', async () => {
    const body = await printed<WithId[]>('/api/1.0/analyzer/property/rule/?token=YOUR_TOKEN_HERE');
    expectShape(z.array(PropertyRuleSchema), body);
    expect(body).toEqual(fx.rules.property);
  });

  it('6.8.2.2: /analyzer/property/rule/bd1c1b0b… answers the HasProp s7-function rule', async () => {
    const body = await printed<Json>('/api/1.0/analyzer/property/rule/bd1c1b0b-eb8c-4740-a870-' + 'e1fac758ef2b?token=YOUR_TOKEN_HERE');
    expectShape(PropertyRuleSchema, body);
    expect(body).toEqual(byId(fx.rules.property, RULE_1));
  });

  it('6.8.3.1: GET /analyzer/port/rule/ answers the two printed rules', async () => {
    const body = await printed<WithId[]>('GET /api/1.0/analyzer/port/rule/?token=YOUR_TOKEN_HERE');
    expectShape(z.array(PortRuleSchema), body);
    expect(body).toEqual(fx.rules.port);
  });

  it('6.8.3.2: GET /analyzer/port/rule/bd1c1b0b… answers the WEB port rule', async () => {
    const body = await printed<Json>('GET /api/1.0/analyzer/port/rule/bd1c1b0b-eb8c-4740-a870-' + 'e1fac758ef2b?token=YOUR_TOKEN_HERE');
    expectShape(PortRuleSchema, body);
    expect(body).toEqual(byId(fx.rules.port, RULE_1));
  });
});
