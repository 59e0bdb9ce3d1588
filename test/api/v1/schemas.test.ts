/**
 * The numbers of the 1.0 answers (issue 14): every field the guide prints as an integer is typed
 * `integer` in the response schemas (and so in openapi/), and is an integer in every answer, on
 * the small and default worlds and after live traffic and ingest. Cisco's typed client decodes
 * these fields as `int`: `0.002` fails with "cannot unmarshal number 0.002 into … of type int".
 * (The large world is covered by the generator's tests, test/seed/plant.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FlowSchema, FlowStatsSchema, GroupSchema, PortRuleSchema, SensorSchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, testCenter } from '../../helpers.js';

type Json = Record<string, unknown>;

/** What the audit reads: every answer of the routes that print a numeric field. */
interface Answers {
  sensors: Json[];
  flows: Json[];
  stats: Json[];
  groups: Json[];
  portRules: Json[];
}

interface GuideInteger {
  route: string;
  schema: z.ZodObject;
  /** The field, as a path in the schema: `properties[].position` is a member of an array. */
  field: string;
  /** Where the guide prints it, and what. */
  guide: string;
  /** Only clients write it (no world holds one before): checked after the live traffic. */
  written?: boolean;
  values(a: Answers): unknown[];
}

const at = (o: unknown, path: string[]): unknown[] => {
  if (path.length === 0) return [o];
  const [head, ...rest] = path as [string, ...string[]];
  if (head.endsWith('[]')) {
    const list = (o as Json | undefined)?.[head.slice(0, -2)];
    return Array.isArray(list) ? list.flatMap((x) => at(x, rest)) : [];
  }
  const v = (o as Json | undefined)?.[head];
  return v === undefined ? [] : at(v, rest);
};
const field = (list: (a: Answers) => Json[], path: string) => (a: Answers) => list(a).flatMap((o) => at(o, path.split('.')));

/** The audit: the numeric fields the guide prints, every one an integer. */
const GUIDE_INTEGERS: GuideInteger[] = [
  { route: 'GET /api/1.0/sensor', schema: SensorSchema, field: 'recording_last_size', guide: '5.1 and 6.2.1: 0', values: field((a) => a.sensors, 'recording_last_size') },
  { route: 'GET /api/1.0/sensor', schema: SensorSchema, field: 'ssh_reachable_last_update', guide: '5.1: 1594886511000 (ms)', values: field((a) => a.sensors, 'ssh_reachable_last_update') },
  { route: 'GET /api/1.0/sensor', schema: SensorSchema, field: 'flow_rate_day', guide: '6.2.1: 0', values: field((a) => a.sensors, 'flow_rate_day') },
  { route: 'GET /api/1.0/sensor', schema: SensorSchema, field: 'flow_count_day', guide: '6.2.1: 0', values: field((a) => a.sensors, 'flow_count_day') },
  { route: 'GET /api/1.0/flows', schema: FlowSchema, field: 'src.port', guide: '5.3.2: 56190; 6.4.2: 1616', values: field((a) => a.flows, 'src.port') },
  { route: 'GET /api/1.0/flows', schema: FlowSchema, field: 'dst.port', guide: '5.3.2: 44818; 6.4.2: 102', values: field((a) => a.flows, 'dst.port') },
  { route: 'GET /api/1.0/flow/{id}/stats', schema: FlowStatsSchema, field: 'nb_packets', guide: '5.3.1 and 6.4.4: 6, 8', values: field((a) => a.stats, 'nb_packets') },
  { route: 'GET /api/1.0/flow/{id}/stats', schema: FlowStatsSchema, field: 'l2_bytes', guide: '5.3.1 and 6.4.4: 606, 835', values: field((a) => a.stats, 'l2_bytes') },
  { route: 'GET /api/1.0/flow/{id}/stats', schema: FlowStatsSchema, field: 'l7_bytes', guide: '5.3.1 and 6.4.4: 282, 403', values: field((a) => a.stats, 'l7_bytes') },
  { route: 'GET /api/1.0/group', schema: GroupSchema, field: 'properties[].position', guide: '5.4, 6.5.1 and 6.5.2: 0', values: field((a) => a.groups, 'properties[].position') },
  {
    route: 'GET /api/1.0/analyzer/port/rule',
    schema: PortRuleSchema,
    field: 'ports[]',
    guide: '6.8.3.1: [22]',
    written: true,
    values: (a) => a.portRules.flatMap((r) => (r['ports'] as unknown[]).filter((p) => typeof p === 'number')),
  },
];

/** The JSON Schema of a field of an object schema, nullable and union members unwrapped. */
function jsonTypes(schema: z.ZodObject, path: string): string[] {
  const document = z.toJSONSchema(schema, { io: 'output' }) as Json;
  const defs = (document['$defs'] ?? {}) as Record<string, Json>;
  const resolve = (n: Json): Json => (typeof n['$ref'] === 'string' ? resolve(defs[n['$ref'].split('/').pop() as string] as Json) : n);
  let node = resolve(document);
  for (const step of path.split('.')) {
    const name = step.replace(/\[\]$/, '');
    node = resolve((node['properties'] as Record<string, Json>)[name] as Json);
    if (step.endsWith('[]')) node = resolve(node['items'] as Json);
  }
  const members = (node['anyOf'] as Json[] | undefined) ?? [node];
  return members.map((m) => m['type'] as string).filter((t) => t !== 'null' && t !== 'string');
}

async function collect(c: TestCenter): Promise<Answers> {
  const flows: Json[] = [];
  for (let offset = 0; ; offset += 2000) {
    const page = await c.json<Json[]>(`${API}/flows?limit=2000&offset=${offset}`);
    flows.push(...page);
    if (page.length < 2000) break;
  }
  const stats: Json[] = [];
  for (const f of flows) stats.push(...(await c.json<Json[]>(`${API}/flow/${f['id'] as string}/stats`)));
  return {
    sensors: Object.values(await c.json<Record<string, Json>>(`${API}/sensor`)),
    flows,
    stats,
    groups: await c.json<Json[]>(`${API}/group`),
    portRules: await c.json<Json[]>(`${API}/analyzer/port/rule`),
  };
}

/** Live traffic for a few ticks, an ingested batch with packet counts, a group with properties. */
async function liveTraffic(c: TestCenter): Promise<void> {
  const { traffic } = c.app.services;
  traffic.setRate(2000);
  for (let i = 0; i < 5; i++) {
    c.clock.advance(60_000_000);
    traffic.tick();
  }
  traffic.stop();
  expect(traffic.status().lastError).toBeNull();
  const observation = (port: number) => ({
    src: { mac: '02:00:00:00:14:01', ip: '10.14.0.1', port },
    dst: { mac: '02:00:00:00:14:02', ip: '10.14.0.2', port: 502 },
    ethertype: 'IPv4',
    protocol: 'TCP',
    packets: 7,
    bytes: 1001,
  });
  const ingested = await c.control('POST', '/_emulator/ingest/flows', { flows: [observation(40001), observation(40002), observation(40001)] });
  expect(ingested.statusCode, ingested.body).toBe(200);
  const [first] = (ingested.json() as { flows: { components: string[] }[] }).flows;
  const group = await c.send('POST', `${API}/group`, {
    label: 'Integers',
    components: first?.components.slice(0, 1),
    properties: [
      { label: 'Location', value: 'Room 14' },
      { label: 'Floor', value: '2' },
    ],
  });
  expect(group.statusCode, group.body).toBe(200);
  const rule = await c.send('POST', `${API}/analyzer/port/rule`, { ports: [22, 'TCP/80'], actions: [{ name: 'TagFlow', params: { tag: 'SSH', type: 'important' } }] });
  expect(rule.statusCode, rule.body).toBe(200);
}

describe('the response schemas', () => {
  it.each(GUIDE_INTEGERS.map((g) => [g.route, g.field, g] as const))('%s: types %s as an integer', (_route, path, g) => {
    expect(jsonTypes(g.schema, path)).toEqual(['integer']);
  });
});

describe.each(['small', 'default'])('the %s world', (scenario) => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await testCenter(scenario);
  }, 60_000);
  afterAll(() => c.close());

  function expectIntegers(answers: Answers, afterTraffic: boolean): void {
    for (const g of GUIDE_INTEGERS) {
      const values = g.values(answers).filter((v) => v !== null);
      // At least one value per field, or the check could not fail.
      if (afterTraffic || !g.written) expect(values.length, `${g.route} ${g.field}: no value to check`).toBeGreaterThan(0);
      const wrong = values.filter((v) => !Number.isInteger(v));
      expect(wrong, `${g.route} ${g.field} (guide ${g.guide})`).toEqual([]);
    }
  }

  it('prints every field the guide prints as an integer as an integer', async () => {
    expectIntegers(await collect(c), false);
  }, 60_000);

  it('still does after live traffic, an ingest and a new group', async () => {
    await liveTraffic(c);
    const answers = await collect(c);
    expectIntegers(answers, true);
    const group = answers.groups.find((g) => g['label'] === 'Integers');
    expect(at(group, ['properties[]', 'position'])).toEqual([0, 1]);
  }, 60_000);
});

describe('GET /api/1.0/sensor', () => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await testCenter();
  });
  afterAll(() => c.close());

  it('prints flow_rate_day as an integer when the world holds a fraction (a database built before the fix)', async () => {
    const id = c.store.db.prepare('SELECT id FROM sensor ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
    c.store.db.prepare('UPDATE sensor SET flow_rate_day = 0.002 WHERE id = ?').run(id);
    expect(c.store.db.prepare('SELECT typeof(flow_rate_day) FROM sensor WHERE id = ?').pluck().get(id)).toBe('real');
    const sensors = await c.json<Record<string, Json>>(`${API}/sensor`);
    expect(sensors[id]?.['flow_rate_day']).toBe(0);
  });
});
