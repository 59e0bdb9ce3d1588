/**
 * POST /_emulator/ingest/flows: flow observations in, through the one ingest pipeline (the
 * Knowledge DB, then the port and property rules). A batch is one transaction: all of it, or
 * none of it; a bad observation is a 400 naming its index and field.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Micros, parseTimestamp } from '../../domain/time.js';
import { enrolledIds } from '../../domain/sensor.js';
import { FLOW_DIRECTIONS } from '../../domain/vocabulary.js';
import { errors } from '../../errors.js';
import type { FlowObservation } from '../../ingest/observation.js';
import type { Store } from '../../store/store.js';
import { ErrorSchema } from '../../api/schemas.js';
import { CONTROL_TAG } from './common.js';

export const MAX_OBSERVATIONS = 10_000;

const strings = z.record(z.string(), z.string({ error: 'must be a string' }));
const Endpoint = z
  .object({
    mac: z.string({ error: 'is mandatory' }).regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'must be a MAC address such as 00:1b:1b:8c:2a:10'),
    ip: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' }).optional(),
    port: z.number({ error: 'must be an integer' }).int('must be an integer').min(0).max(65535).optional(),
    properties: strings.optional().meta({ description: 'Component properties the sensor learned (e.g. vendor, s7-modulename).' }),
  })
  .strict();
const time = z.string().transform((s, ctx): Micros => {
  const t = parseTimestamp(s);
  if (t === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be an RFC 3339 time such as 2026-11-22T10:00:00.123456Z' });
    return z.NEVER;
  }
  return t;
});
const Observation = z
  .object({
    sensor_id: z.string().optional(),
    time: time.optional().meta({ description: 'RFC 3339; the emulated clock by default.' }),
    src: Endpoint,
    dst: Endpoint,
    ethertype: z.string().optional().meta({ example: 'IPv4' }),
    protocol: z.string().optional().meta({ example: 'TCP' }),
    properties: strings.optional().meta({ description: 'Flow properties, e.g. {"s7-function": "Read Var"}.' }),
    content: strings.optional().meta({ description: 'One flow content (guide 6.4.3), in `direction`.' }),
    direction: z.enum(FLOW_DIRECTIONS).default('Client→Server'),
    packets: z.number().int().min(0).optional(),
    bytes: z.number().int().min(0).optional(),
  })
  .strict();
const Body = z
  .object({ flows: z.array(Observation).min(1, 'must hold at least one observation').max(MAX_OBSERVATIONS, `holds at most ${MAX_OBSERVATIONS} observations`) })
  .strict()
  .meta({
    example: {
      flows: [{ src: { mac: '00:1b:1b:8c:2a:10', ip: '10.20.1.15', port: 51234 }, dst: { mac: '00:0e:8c:84:5b:a6', ip: '10.20.1.10', port: 2222 }, ethertype: 'IPv4', protocol: 'TCP', properties: { 'enip-command': 'SendRRData' } }],
    },
  });
const Result = z.object({ id: z.string(), new: z.boolean(), components: z.array(z.string()), events: z.array(z.string()) });

type Observed = z.infer<typeof Observation>;

function toObservation(o: Observed, now: Micros): FlowObservation {
  const t = o.time ?? now;
  const endpoint = (e: Observed['src']) => ({ mac: e.mac, ip: e.ip ?? null, port: e.port ?? null, properties: e.properties });
  return {
    sensorId: o.sensor_id ?? null,
    time: t,
    src: endpoint(o.src),
    dst: endpoint(o.dst),
    ethertype: o.ethertype ?? null,
    protocol: o.protocol ?? null,
    properties: o.properties,
    contents: o.content ? [{ direction: o.direction, content: o.content, time: t }] : undefined,
    // divergence: an observation gives packets and L2 bytes; L7 bytes leave 54 bytes of headers per packet.
    packets:
      o.packets === undefined && o.bytes === undefined
        ? undefined
        : [{ direction: o.direction, nbPackets: o.packets ?? 0, l2Bytes: o.bytes ?? 0, l7Bytes: Math.max(0, (o.bytes ?? 0) - 54 * (o.packets ?? 0)) }],
  };
}

/**
 * Only an enrolled sensor captures: a `sensor_id` that names no sensor, or one declared through
 * API 3.0 that has not enrolled (1.0 status "Unknown"), is a 400 naming the observation.
 */
function checkSensors(store: Store, flows: readonly Observed[]): void {
  const enrolled = enrolledIds(store.sensors.list());
  flows.forEach((o, i) => {
    if (o.sensor_id !== undefined && !enrolled.has(o.sensor_id.toLowerCase())) {
      throw errors.badRequest(`Invalid body field "flows.${i}.sensor_id": ${o.sensor_id} is not a sensor enrolled in the Center`);
    }
  });
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/ingest/flows',
    {
      // 10 000 observations with properties and contents weigh several megabytes.
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'ingestFlows',
        summary: 'Ingest flow observations',
        description: `Up to ${MAX_OBSERVATIONS} observations, in one transaction, through the Knowledge DB and the analyzer rules.`,
        body: Body,
        response: { 200: z.object({ flows: z.array(Result) }), 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      checkSensors(app.store, request.body.flows);
      const now = app.clock.now();
      const results = app.services.ingest.ingest(request.body.flows.map((o) => toObservation(o, now)));
      return { flows: results.map((r) => ({ id: r.flowId, new: r.isNew, components: r.createdComponents, events: r.events })) };
    },
  );
};

export default plugin;
