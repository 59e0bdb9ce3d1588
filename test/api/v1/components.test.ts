/**
 * GET /component, /component/{id}, /component/{id}/flow, /component/{id}/variables and /vendor
 * (guide 6.3.1, 6.3.2, 6.3.11, 6.3.12, 6.3.13), over the `small` world plus the guide's fixtures.
 * Expected sets are derived from the data itself (a full page of limit=2000, filtered here);
 * only the guide's objects are hard-coded.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ComponentSchema, FlowSchema, VariableSchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UNKNOWN, UTC_TIME, expectError, expectShape, expectSorted, ids, micros, qs, testCenter, utc } from '../../helpers.js';

type Component = z.infer<typeof ComponentSchema>;
type Flow = z.infer<typeof FlowSchema>;
type Variable = z.infer<typeof VariableSchema>;

const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1'; // guide 5.2 / 6.3.1
const S7_400 = 'd8cd6083-6c99-5745-9277-78506b623e4d'; // guide 6.3.2
const PLC_1 = 'f18c406e-e89d-5ce7-9f49-4d03cbe6786f'; // dst of flow c2e0d272 (6.4.1), s7plus-modulever V1.6
const SIEMENS_84_5B_A6 = '93b5cfca-77bb-5551-ad5f-e9443279c640'; // 5.4; has no flows (fixtures/README.md)
const SIEMENS_82_29_1A = 'cad069ab-c5bb-4b11-bbdd-b844db789d97'; // 6.3.14, last active 2015-09-23T12:51:40Z
const DELL_AA_DC_93 = '5a14574b-f191-5e8f-ac1b-2b6a08631c78'; // 6.6.1, 10.4.0.46
const MONTREAL = '9485b49a-39fc-5834-ba14-436e9de26c1b'; // tagged "Net Management Server" (6.3.7)
const TELEMECANIQUE = '5ad0ab04-5a74-5f48-8d15-0d46302f9f7b'; // variable holder of 6.3.12
const S7_FLOW = 'fea763b5-a292-556e-a986-af71bffb45eb'; // guide 6.4.2, between f523ce71 and d8cd6083





function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}
function inCidr(ip: string | undefined, cidr: string): boolean {
  if (ip === undefined) return false;
  const [base = '', len = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(len));
  return Math.floor(ipToInt(ip) / size) === Math.floor(ipToInt(base) / size);
}


let c: TestCenter;
/** Every component, in the default (asc) order. */
let all: Component[];
/** Every flow, in the default (asc) order. */
let flows: Flow[];

/** A 200 with application/json, parsed. */
async function ok(path: string): Promise<unknown> {
  const res = await c.get(path);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json();
}
const listComponents = async (query: string) => (await ok(`${API}/component?${query}`)) as Component[];

beforeAll(async () => {
  c = await testCenter();
  all = (await ok(`${API}/component?limit=2000`)) as Component[];
  flows = (await ok(`${API}/flows?limit=2000`)) as Flow[];
  // A full page must really be everything, or the derived expectations would be partial.
  expect(all.length).toBeGreaterThan(25);
  expect(all.length).toBeLessThan(2000);
  expect(flows.length).toBeLessThan(2000);
});
afterAll(() => c.close());

describe('GET /api/1.0/component', () => {
  it('answers 200 with an array of components in the Component shape', async () => {
    const body = await ok(`${API}/component?limit=2000`);
    expectShape(z.array(ComponentSchema), body);
    expect(ids(body as Component[])).toContain(PLC_3);
  });

  it('answers the guide example of 6.3.1 (vendor, tag and two properties) with PLC_3', async () => {
    const body = await listComponents(
      'vendor=Siemens+AG+-+Industrial+Automation+-+EWA&limit=5&generation=0&property=s7plus-modulever%3DV4.0&property=s7plus-moduleref&tag=PLC',
    );
    const expected = all.filter(
      (x) =>
        x.vendor_name === 'Siemens AG - Industrial Automation - EWA' &&
        x.tags?.['PLC'] !== undefined &&
        x.properties?.['s7plus-modulever'] === 'V4.0' &&
        x.properties['s7plus-moduleref'] !== undefined,
    );
    expect(ids(body)).toEqual(ids(expected).slice(0, 5));
    expect(ids(body)).toContain(PLC_3);
    expect(body.find((x) => x.id === PLC_3)?.name).toBe('PLC_3');
  });

  it('answers 400 when limit is absent', async () => {
    expectError(await c.get(`${API}/component`), 400, /"limit"/);
  });

  it('answers 400 when limit is over 2000', async () => {
    expectError(await c.get(`${API}/component?limit=2001`), 400, /"limit"/);
  });

  it('answers 400 for a negative offset', async () => {
    expectError(await c.get(`${API}/component?limit=5&offset=-1`), 400, /"offset"/);
  });

  it("answers 400 for an order other than 'asc' or 'desc'", async () => {
    expectError(await c.get(`${API}/component?limit=5&order=newest`), 400, /"order"/);
  });

  it('answers 400 for a start that is not a UTC date', async () => {
    // The guide's own sample "2015-15-10" has no month 15.
    expectError(await c.get(`${API}/component?limit=5&start=2015-15-10`), 400, /"start"/);
  });

  it('answers 400 for an end that is not a UTC date', async () => {
    expectError(await c.get(`${API}/component?limit=5&end=${encodeURIComponent('23/09/2015 10:20')}`), 400, /"end"/);
  });

  it('answers 400 for a generation that is not a non-negative integer', async () => {
    expectError(await c.get(`${API}/component?limit=5&generation=-1`), 400, /"generation"/);
    expectError(await c.get(`${API}/component?limit=5&generation=live`), 400, /"generation"/);
  });

  it('answers 400 for a network that is not an IPv4 subnet', async () => {
    expectError(await c.get(`${API}/component?limit=5&network=${encodeURIComponent('192.168.1.0/33')}`), 400, /"network"/);
    expectError(await c.get(`${API}/component?limit=5&network=plant`), 400, /"network"/);
  });

  it('answers 401 without a token', async () => {
    expectError(await c.app.inject({ method: 'GET', url: `${API}/component?limit=5` }), 401, /Token/);
  });

  interface FilterCase {
    name: string;
    params: [string, string][];
    keep: (x: Component) => boolean;
    included: string;
    excluded: string;
  }
  const lastActive = (x: Component) => micros(x.last_active_time);
  const filters: FilterCase[] = [
    {
      name: 'ip (repeated: alternatives)',
      params: [['ip', '192.168.105.130'], ['ip', '192.168.105.115']],
      keep: (x) => x.ip === '192.168.105.130' || x.ip === '192.168.105.115',
      included: S7_400,
      excluded: SIEMENS_82_29_1A,
    },
    {
      name: 'mac',
      params: [['mac', '28:63:36:82:28:96']],
      keep: (x) => x.mac === '28:63:36:82:28:96',
      included: PLC_3,
      excluded: SIEMENS_82_29_1A,
    },
    {
      name: 'vendor (repeated: alternatives)',
      params: [['vendor', 'Siemens AG - Industrial Automation - EWA'], ['vendor', 'Dell Inc.'], ['vendor', 'Siemens AG A&D ET']],
      keep: (x) => ['Siemens AG - Industrial Automation - EWA', 'Dell Inc.', 'Siemens AG A&D ET'].includes(x.vendor_name ?? ''),
      included: DELL_AA_DC_93,
      excluded: S7_400, // "Siemens AG,"
    },
    {
      name: 'tag by key',
      params: [['tag', 'NET_MANAGEMENT_SERVER']],
      keep: (x) => x.tags?.['Net Management Server'] !== undefined,
      included: MONTREAL,
      excluded: PLC_3,
    },
    {
      name: 'tag by label',
      params: [['tag', 'Net Management Server']],
      keep: (x) => x.tags?.['Net Management Server'] !== undefined,
      included: MONTREAL,
      excluded: PLC_3,
    },
    {
      name: 'property=name (has the property)',
      params: [['property', 's7plus-moduleref']],
      keep: (x) => x.properties?.['s7plus-moduleref'] !== undefined,
      included: PLC_3,
      excluded: S7_400, // has s7-moduleref, not s7plus-moduleref
    },
    {
      name: 'property=name=value (has it with that value)',
      params: [['property', 's7plus-modulever=V4.0']],
      keep: (x) => x.properties?.['s7plus-modulever'] === 'V4.0',
      included: PLC_3,
      excluded: PLC_1, // V1.6
    },
    {
      name: 'several property values (each must hold)',
      params: [['property', 's7plus-moduleref'], ['property', 's7plus-modulever=V1.6']],
      keep: (x) => x.properties?.['s7plus-moduleref'] !== undefined && x.properties['s7plus-modulever'] === 'V1.6',
      included: PLC_1,
      excluded: PLC_3, // has the first, not the second
    },
    {
      name: 'network as a CIDR',
      params: [['network', '192.168.105.0/24']],
      keep: (x) => inCidr(x.ip, '192.168.105.0/24'),
      included: PLC_3,
      excluded: DELL_AA_DC_93,
    },
    {
      name: 'network as a dotted prefix (README divergence)',
      params: [['network', '192.168.105']],
      keep: (x) => inCidr(x.ip, '192.168.105.0/24'),
      included: PLC_3,
      excluded: DELL_AA_DC_93,
    },
    {
      name: 'network as an address (README divergence)',
      params: [['network', '192.168.105.130']],
      keep: (x) => x.ip === '192.168.105.130',
      included: PLC_3,
      excluded: S7_400,
    },
    {
      name: 'different filters together (each must hold)',
      params: [['vendor', 'Siemens AG - Industrial Automation - EWA'], ['network', '10.0.0.0/8']],
      keep: (x) => x.vendor_name === 'Siemens AG - Industrial Automation - EWA' && inCidr(x.ip, '10.0.0.0/8'),
      included: 'b74823cc-ec08-5feb-88d0-03f17cb64fbb', // 10.10.20.20 (5.6)
      excluded: PLC_3, // the vendor, not the network
    },
    {
      name: 'start on the last active time',
      params: [['start', '2015-09-23 12:52']],
      keep: (x) => lastActive(x) >= utc('2015-09-23 12:52'),
      included: PLC_3, // 12:52:53Z
      excluded: SIEMENS_82_29_1A, // 12:51:40Z
    },
    {
      name: 'end on the last active time',
      params: [['end', '2015-09-23 12:52']],
      keep: (x) => lastActive(x) <= utc('2015-09-23 12:52'),
      included: SIEMENS_82_29_1A,
      excluded: PLC_3,
    },
    {
      name: 'start and end with seconds (both inclusive)',
      params: [['start', '2015-09-23 12:52:53'], ['end', '2015-09-23 12:53:11']],
      keep: (x) => lastActive(x) >= utc('2015-09-23 12:52:53') && lastActive(x) <= utc('2015-09-23 12:53:11'),
      included: PLC_3, // 12:52:53.249992Z
      excluded: S7_400, // 12:53:11.85282Z
    },
    {
      name: 'start as a date alone (00:00 UTC)',
      params: [['start', '2015-09-24']],
      keep: (x) => lastActive(x) >= utc('2015-09-24'),
      included: SIEMENS_84_5B_A6, // 2016
      excluded: PLC_3,
    },
  ];

  it.each(filters)('filters by $name', async ({ params, keep, included, excluded }) => {
    const body = await listComponents(qs([['limit', '2000'], ...params]));
    const expected = ids(all.filter(keep));
    expect(ids(body)).toEqual(expected);
    expect(expected).toContain(included);
    expect(expected).not.toContain(excluded);
  });

  it('requires every tag when tag is repeated', async () => {
    const twoTags = all.find((x) => Object.keys(x.tags ?? {}).length >= 2);
    expect(twoTags, 'the small world has a component with two tags').toBeDefined();
    const [a = '', b = ''] = Object.keys(twoTags?.tags ?? {});
    const body = await listComponents(qs([['limit', '2000'], ['tag', a], ['tag', b]]));
    const both = all.filter((x) => x.tags?.[a] !== undefined && x.tags[b] !== undefined);
    const either = all.filter((x) => x.tags?.[a] !== undefined || x.tags?.[b] !== undefined);
    expect(ids(body)).toEqual(ids(both));
    expect(ids(body)).toContain(twoTags?.id);
    expect(both.length).toBeLessThan(either.length);
  });

  it('matches nothing for a tag that is neither a key nor a label', async () => {
    expect(await listComponents('limit=2000&tag=NO_SUCH_TAG')).toEqual([]);
  });

  it('answers the live data for generation=0', async () => {
    expect(ids(await listComponents('limit=2000&generation=0'))).toEqual(ids(all));
  });

  it('answers an empty list for generation=1 (no references are held)', async () => {
    expect(await listComponents('limit=2000&generation=1')).toEqual([]);
  });

  it('answers two pages of 5 that make the first 10', async () => {
    const first10 = await listComponents('limit=10');
    const page1 = await listComponents('limit=5&offset=0');
    const page2 = await listComponents('limit=5&offset=5');
    expect(first10).toHaveLength(10);
    expect(ids([...page1, ...page2])).toEqual(ids(first10));
  });

  it('orders by last active time, ascending by default', async () => {
    const asc = await listComponents('limit=2000&order=asc');
    expect(ids(asc)).toEqual(ids(all));
    expectSorted(asc.map((x) => micros(x.last_active_time)), 'asc');
  });

  it('answers order=desc as the reverse of order=asc on the last active time', async () => {
    const asc = await listComponents('limit=2000&order=asc');
    const desc = await listComponents('limit=2000&order=desc');
    expectSorted(desc.map((x) => micros(x.last_active_time)), 'desc');
    expect(desc.map((x) => x.last_active_time)).toEqual(asc.map((x) => x.last_active_time).reverse());
    expect(new Set(ids(desc))).toEqual(new Set(ids(asc)));
  });

  it('accepts a query string that starts with ?&', async () => {
    expect(ids(await listComponents('&limit=3'))).toEqual(ids(all).slice(0, 3));
  });

  it('takes the first value of a repeated limit', async () => {
    expect(ids(await listComponents('limit=5&limit=7'))).toEqual(ids(all).slice(0, 5));
  });

  it('prints times in UTC with microseconds (README divergence)', async () => {
    for (const x of all) {
      expect(x.creation_time).toMatch(UTC_TIME);
      expect(x.last_active_time).toMatch(UTC_TIME);
    }
  });
});

describe('GET /api/1.0/component/{id}', () => {
  it('answers PLC_3 with the fields of guide 5.2', async () => {
    const body = await ok(`${API}/component/${PLC_3}`);
    expectShape(ComponentSchema, body);
    const plc = body as Component;
    expect(plc).toMatchObject({
      id: PLC_3,
      ip: '192.168.105.130',
      mac: '28:63:36:82:28:96',
      name: 'PLC_3',
      model_name: 'PLC_3',
      model_ref: '6ES7 212-1BE40-0XB0',
      fw_version: 'V4.0',
      hw_version: '1',
      serial_number: 'S C-E7SJ1284',
      vendor_name: 'Siemens AG - Industrial Automation - EWA',
      project_name: 'PROJECT',
      project_version: '1',
      tags: { PLC: 'info' },
    });
    expect(plc.properties).toEqual({
      'name-mac': 'Siemens 82:28:96',
      'name-s7plus-plc': 'PLC_3',
      'name-vendorip': 'Siemens 192.168.105.130',
      's7plus-hardwarerevision': '1',
      's7plus-moduleref': '6ES7 212-1BE40-0XB0',
      's7plus-modulever': 'V4.0',
      's7plus-serialnumber': 'S C-E7SJ1284',
      vendor: 'Siemens AG - Industrial Automation - EWA',
    });
    // The guide prints +02:00; the emulator prints the same instant in UTC.
    expect(micros(plc.creation_time)).toBe(micros('2015-07-09T14:17:11.370164+02:00'));
    expect(micros(plc.last_active_time)).toBe(micros('2015-09-23T14:52:53.249992+02:00'));
    expect(plc.creation_time).toBe('2015-07-09T12:17:11.370164Z');
    // The guide truncates them ("[ ... ]"); the fixtures hold two (fixtures/README.md).
    expect(plc.vulnerabilities?.map((v) => v.cve)).toEqual(['CVE-2017-12741', 'CVE-2019-10929']);
    expect(plc.custom_name).toBeUndefined();
  });

  it('answers S7-400 station_1 as guide 6.3.2 prints it', async () => {
    const body = (await ok(`${API}/component/${S7_400}`)) as Component;
    expectShape(ComponentSchema, body);
    const { creation_time, last_active_time, ...rest } = body;
    expect(rest).toEqual({
      id: S7_400,
      ip: '192.168.105.115',
      mac: '00:1b:1b:b6:f6:99',
      name: 'S7-400 station_1',
      model_name: 'PLC_4',
      model_ref: '6ES7 412-2EK06-0AB0',
      fw_version: 'V 6.0.3',
      hw_version: '3',
      serial_number: 'SVPEN250894',
      vendor_name: 'Siemens AG,',
      project_name: 'PROJECT',
      project_version: '1',
      tags: { PLC: 'info' },
      properties: {
        'name-s7-plc': 'S7-400 station_1',
        'name-vendorip': 'Siemens 192.168.105.115',
        's7-bootloaderref': 'Boot Loader',
        's7-bootloaderver': 'V 6.0.4',
        's7-fwver': 'V 6.0.3',
        's7-hwref': '6ES7 412-2EK06-0AB0',
        's7-hwver': '3',
        's7-modulename': 'PLC_4',
        's7-moduleref': '6ES7 412-2EK06-0AB0',
        's7-modulever': '68',
        's7-plcname': 'S7-400 station_1',
        's7-rack': '0',
        's7-serialnumber': 'SVPEN250894',
        's7-slot': '2',
        vendor: 'Siemens AG,',
      },
    });
    expect(micros(creation_time)).toBe(micros('2015-07-09T14:15:35.392279+02:00'));
    expect(micros(last_active_time)).toBe(micros('2015-09-23T14:53:11.85282+02:00'));
    expect(last_active_time).toBe('2015-09-23T12:53:11.85282Z');
  });

  it('answers every fixture component as fixtures/components.json holds it', async () => {
    const fixtures = JSON.parse(readFileSync(new URL('../../../fixtures/components.json', import.meta.url), 'utf8')) as Component[];
    expect(fixtures).toHaveLength(25);
    for (const f of fixtures) {
      const body = (await ok(`${API}/component/${f.id}`)) as Component;
      expectShape(ComponentSchema, body);
      const { creation_time, last_active_time, ...rest } = body;
      const { creation_time: fCreation, last_active_time: fLast, ...fRest } = f;
      expect(rest, f.id).toEqual(fRest);
      expect(micros(creation_time), f.id).toBe(micros(fCreation));
      expect(micros(last_active_time), f.id).toBe(micros(fLast));
    }
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/component/PLC_3`), 400, /component id.*not a UUID/);
  });

  it('answers 404 for an unknown id', async () => {
    expectError(await c.get(`${API}/component/${UNKNOWN}`), 404, new RegExp(UNKNOWN));
  });
});

describe('GET /api/1.0/component/{id}/flow', () => {
  /** The component with the most flows, and its flows in asc order of last activity. */
  function busiest(): { id: string; flows: Flow[] } {
    const counts = new Map<string, number>();
    for (const f of flows) {
      for (const id of new Set([f.src.component.id, f.dst.component.id])) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const [id = ''] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    return { id, flows: flows.filter((f) => f.src.component.id === id || f.dst.component.id === id) };
  }

  it('answers 200 with only the flows whose source or destination is the component', async () => {
    const { id, flows: expected } = busiest();
    expect(expected.length).toBeGreaterThan(10);
    const body = await ok(`${API}/component/${id}/flow?limit=2000`);
    expectShape(z.array(FlowSchema), body);
    const got = body as Flow[];
    for (const f of got) expect([f.src.component.id, f.dst.component.id]).toContain(id);
    expect(ids(got)).toEqual(ids(expected));
  });

  it('answers the guide example of 6.3.11 (the two oldest flows of d8cd6083)', async () => {
    const body = (await ok(`${API}/component/${S7_400}/flow?order=asc&limit=2`)) as Flow[];
    const expected = flows.filter((f) => f.src.component.id === S7_400 || f.dst.component.id === S7_400);
    expect(ids(body)).toEqual(ids(expected).slice(0, 2));
    expect(ids(body)).toContain(S7_FLOW);
  });

  it('answers an empty list for a component without flows', async () => {
    expect(await ok(`${API}/component/${SIEMENS_84_5B_A6}/flow?limit=2000`)).toEqual([]);
  });

  it('filters with start and end on the last activity of the flow', async () => {
    // fea763b5 was last seen 2015-09-23T12:24:50.102395Z (first seen 2015-07-09).
    const inside = (await ok(`${API}/component/${S7_400}/flow?${qs([['limit', '100'], ['start', '2015-09-23 12:24'], ['end', '2015-09-23 12:25']])}`)) as Flow[];
    expect(ids(inside)).toContain(S7_FLOW);
    for (const f of inside) {
      expect(micros(f.last_seen)).toBeGreaterThanOrEqual(utc('2015-09-23 12:24'));
      expect(micros(f.last_seen)).toBeLessThanOrEqual(utc('2015-09-23 12:25'));
    }
    const before = (await ok(`${API}/component/${S7_400}/flow?${qs([['limit', '100'], ['end', '2015-09-23 12:24']])}`)) as Flow[];
    expect(ids(before)).not.toContain(S7_FLOW);
    const after = (await ok(`${API}/component/${S7_400}/flow?${qs([['limit', '100'], ['start', '2015-09-23 12:25']])}`)) as Flow[];
    expect(ids(after)).not.toContain(S7_FLOW);
  });

  it('answers two pages of 5 that make the first 10', async () => {
    const { id } = busiest();
    const first10 = (await ok(`${API}/component/${id}/flow?limit=10`)) as Flow[];
    const page1 = (await ok(`${API}/component/${id}/flow?limit=5&offset=0`)) as Flow[];
    const page2 = (await ok(`${API}/component/${id}/flow?limit=5&offset=5`)) as Flow[];
    expect(first10).toHaveLength(10);
    expect(ids([...page1, ...page2])).toEqual(ids(first10));
  });

  it('answers order=desc as the reverse of order=asc on the last activity', async () => {
    const { id } = busiest();
    const asc = (await ok(`${API}/component/${id}/flow?limit=2000&order=asc`)) as Flow[];
    const desc = (await ok(`${API}/component/${id}/flow?limit=2000&order=desc`)) as Flow[];
    expectSorted(asc.map((f) => micros(f.last_seen)), 'asc');
    expectSorted(desc.map((f) => micros(f.last_seen)), 'desc');
    expect(desc.map((f) => f.last_seen)).toEqual(asc.map((f) => f.last_seen).reverse());
  });

  it('answers 400 when limit is absent', async () => {
    expectError(await c.get(`${API}/component/${S7_400}/flow`), 400, /"limit"/);
  });

  it('answers 400 when limit is over 2000', async () => {
    expectError(await c.get(`${API}/component/${S7_400}/flow?limit=2001`), 400, /"limit"/);
  });

  it('answers 400 for a negative offset', async () => {
    expectError(await c.get(`${API}/component/${S7_400}/flow?limit=2&offset=-5`), 400, /"offset"/);
  });

  it('answers 400 for a bad order', async () => {
    expectError(await c.get(`${API}/component/${S7_400}/flow?limit=2&order=oldest`), 400, /"order"/);
  });

  it('answers 400 for a start or an end that is not a UTC date', async () => {
    expectError(await c.get(`${API}/component/${S7_400}/flow?limit=2&start=yesterday`), 400, /"start"/);
    expectError(await c.get(`${API}/component/${S7_400}/flow?limit=2&end=2015-02-30`), 400, /"end"/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/component/d8cd6083/flow?limit=2`), 400, /component id.*not a UUID/);
  });

  it('answers 404 for an unknown component', async () => {
    expectError(await c.get(`${API}/component/${UNKNOWN}/flow?limit=2`), 404, new RegExp(UNKNOWN));
  });
});

describe('GET /api/1.0/component/{id}/variables', () => {
  const fixtureVariables = () =>
    JSON.parse(readFileSync(new URL('../../../fixtures/variables.json', import.meta.url), 'utf8')) as Record<string, Variable[]>;

  /** A variable with its access times as instants, to compare across offsets. */
  const normalize = (v: Variable) => ({
    ...v,
    authors: v.authors.map((a) => ({
      ...a,
      read: a.read && { ...a.read, first: micros(a.read.first), last: micros(a.read.last) },
      write: a.write && { ...a.write, first: micros(a.write.first), last: micros(a.write.last) },
    })),
  });

  it('answers the variables of guide 6.3.12 for component 5ad0ab04', async () => {
    const body = await ok(`${API}/component/${TELEMECANIQUE}/variables`);
    expectShape(z.array(VariableSchema), body);
    const vars = body as Variable[];
    expect(vars.map((v) => [v.id, v.name])).toEqual([
      ['343fb02a-335e-5bb9-a730-8458bde3f7be', '30721'],
      ['5de75197-1e68-5581-9038-e43d697323c4', '64512'],
    ]);
    const [first] = vars;
    expect(first?.authors).toHaveLength(1);
    expect(first?.authors[0]).toMatchObject({ id: '7d675486-1b42-5e6a-9e7b-18fe164417b3', name: 'EMSPDSALL1', read: { type: 'read' } });
    expect(micros(first?.authors[0]?.read?.first ?? '')).toBe(micros('2017-03-17T09:06:38.758864+01:00'));
    expect(micros(first?.authors[0]?.read?.last ?? '')).toBe(micros('2017-03-17T09:06:38.758934+01:00'));
  });

  it('answers, for each holder, the variables fixtures/variables.json holds', async () => {
    const holders = Object.entries(fixtureVariables());
    expect(holders).toHaveLength(5);
    for (const [holder, expected] of holders) {
      const body = (await ok(`${API}/component/${holder}/variables`)) as Variable[];
      expectShape(z.array(VariableSchema), body);
      // Compared as sets: the guide gives no order for this list.
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect([...body].sort(byId).map(normalize), holder).toEqual([...expected].sort(byId).map(normalize));
    }
  });

  it('keeps a name as printed, leading space included (6.7.1 " bool 133")', async () => {
    const body = (await ok(`${API}/component/62208e8c-ab62-5b57-aa5f-a9bfe7e4d96a/variables`)) as Variable[];
    expect(body.map((v) => v.name)).toContain(' bool 133');
  });

  it('answers an empty list for a component that holds no variables', async () => {
    expect(await ok(`${API}/component/${PLC_3}/variables`)).toEqual([]);
  });

  it('answers the live variables for generation=0 and none for generation=1', async () => {
    const live = (await ok(`${API}/component/${TELEMECANIQUE}/variables`)) as Variable[];
    expect(ids((await ok(`${API}/component/${TELEMECANIQUE}/variables?generation=0`)) as Variable[])).toEqual(ids(live));
    expect(await ok(`${API}/component/${TELEMECANIQUE}/variables?generation=1`)).toEqual([]);
  });

  it('answers 400 for a generation that is not an integer >= 0', async () => {
    expectError(await c.get(`${API}/component/${TELEMECANIQUE}/variables?generation=-1`), 400, /"generation"/);
    expectError(await c.get(`${API}/component/${TELEMECANIQUE}/variables?generation=live`), 400, /"generation"/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError(await c.get(`${API}/component/not-a-uuid/variables`), 400, /component id.*not a UUID/);
  });

  it('answers 404 for an unknown component', async () => {
    expectError(await c.get(`${API}/component/${UNKNOWN}/variables`), 404, new RegExp(UNKNOWN));
  });
});

describe('GET /api/1.0/vendor', () => {
  it('answers 200 with an array of vendor names', async () => {
    expectShape(z.array(z.string()), await ok(`${API}/vendor`));
  });

  it('answers each vendor name of the components once', async () => {
    const body = (await ok(`${API}/vendor`)) as string[];
    expect(new Set(body).size).toBe(body.length);
    const expected = new Set(all.flatMap((x) => (x.vendor_name === undefined ? [] : [x.vendor_name])));
    expect(new Set(body)).toEqual(expected);
    // Vendors of the guide's fixtures, several of them shared by many components.
    for (const v of ['Siemens AG,', 'Siemens AG - Industrial Automation - EWA', 'Siemens AG A&D ET', 'Dell Inc.', 'APRIL', 'TELEMECANIQUE ELECTRIQUE']) {
      expect(body).toContain(v);
    }
  });

  it('sorts the names as the guide prints them: case, spaces and punctuation ignored', async () => {
    const body = (await ok(`${API}/vendor`)) as string[];
    const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    for (let i = 1; i < body.length; i++) {
      const [a = '', b = ''] = [body[i - 1], body[i]];
      expect(key(a) <= key(b), `"${a}" before "${b}"`).toBe(true);
    }
    // guide 6.3.13 prints "Siemens AG," before "Siemens AG - Industrial Automation - EWA".
    const comma = body.indexOf('Siemens AG,');
    if (comma >= 0) expect(comma).toBeLessThan(body.indexOf('Siemens AG - Industrial Automation - EWA'));
  });
});
