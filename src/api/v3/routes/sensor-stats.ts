/**
 * A sensor's statistics (Cisco's "Sensors"): GET /sensors/{id}/stats?p=<period>. The period ends
 * now (the emulator's clock) and lasts `p` (Cisco's enum 2h … 360d, mandatory). What the world
 * holds of a sensor's traffic is the flows it captured: `pkt_count` is the packets (flow stats,
 * both directions) of its flows active in the period, as GET /flows lists them with that `from`
 * and `to`. A declared sensor that never enrolled captured nothing and answers zeros.
 * divergence: Cisco's `pkt_count` is "the last 5min"; here it is the period asked, so that it sums
 * what the lists give; `pkt` holds that one point (at `end`), `pkt_rate` is the count over the
 * period's seconds, rounded, and nothing is dropped. The host figures (cpu, ram, disk, disk_io,
 * network, their usages) are not emulated: empty series and zeros. Active discovery is never
 * running, and `extension_credentials_invalid` is false.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sensorStatus } from '../../../domain/sensor.js';
import { MICROS_PER_MS } from '../../../domain/time.js';
import { errors } from '../../../errors.js';
import { checkId, found } from '../../kit.js';
import { scalar } from '../../params.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { SENSOR_EXAMPLE_ID, SensorIdParams, SensorStatsSchema } from '../schemas/sensors.js';
import { sensorMac, uptimeSeconds } from '../serialize/sensors.js';

/** Cisco's periods, in ms. */
export const PERIODS = { '2h': 2 * 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '180d': 180 * 86_400_000, '360d': 360 * 86_400_000 } as const;
const PERIOD_NAMES = Object.keys(PERIODS) as (keyof typeof PERIODS)[];
const PERIOD_ERROR = `must be one of ${PERIOD_NAMES.map((p) => `'${p}'`).join(', ')}`;

const Query = z.object({
  p: doc(scalar(z.enum(PERIOD_NAMES as [keyof typeof PERIODS, ...(keyof typeof PERIODS)[]], { error: PERIOD_ERROR })), { description: `time period, ending now: ${PERIOD_NAMES.join(', ')}` }),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const stats = operation(
    'GET',
    '/sensors/{id}/stats',
    'The sensor\'s packets over the period `p` (ending now): those of the flows it captured that were active then (`pkt_count`, `pkt`, `pkt_rate` per second); a declared sensor answers zeros. ' +
      'The host figures (CPU, memory, disk, network) are not emulated: empty series and zeros. 404 for an unknown sensor.',
  );
  app.get(
    stats.url,
    {
      schema: {
        ...stats.docs,
        params: SensorIdParams,
        querystring: Query,
        response: {
          200: doc(SensorStatsSchema, { description: 'statistics fetched successfully' }),
          ...errorResponses({ badRequest: `Invalid query parameter "p": ${PERIOD_ERROR}`, notFound: errors.notFound('Sensor', SENSOR_EXAMPLE_ID).message }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'sensor');
      const s = found(app.store.sensors.get(id), 'Sensor', id);
      const end = Math.floor(app.clock.now() / MICROS_PER_MS);
      const period = PERIODS[request.query.p];
      const start = end - period;
      const { packets } = app.store.dashboardCounts.sensorTraffic(s.id, start * MICROS_PER_MS, end * MICROS_PER_MS + (MICROS_PER_MS - 1));
      return {
        name: s.name,
        serial: s.serialNumber,
        ip: s.ip,
        mac: sensorMac(s.id),
        status: sensorStatus(s.status).operationalStatus,
        version: s.version,
        start,
        end,
        system_date: end,
        uptime: uptimeSeconds(s.uptime),
        snort_enabled: s.snortEnabled,
        filter: { capture_mode: s.captureMode, custom_input: s.customInput },
        pkt_count: packets,
        pkt_rate: Math.round(packets / (period / 1000)),
        pkt_drop_count: 0,
        pkt: { processed: [packets], dropped: [0], timestamp: [end] },
        cpu: [],
        ram: [],
        disk: [],
        cpu_usage: 0,
        ram_usage: 0,
        disk_usage: 0,
        disk_io_read: 0,
        disk_io_write: 0,
        disk_io: { read: [], write: [], timestamp: [] },
        network: [],
        active_discovery_enabled: false,
        active_discovery_in_progress: false,
        extension_credentials_invalid: false,
      };
    },
  );
};

export default plugin;
