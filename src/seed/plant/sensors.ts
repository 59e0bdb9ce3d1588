/**
 * The sensors watching the plant (guide 5.1): the first one sits on the core (control room,
 * offices, DMZ, management), the others on the production cells. In a plant with four sensors
 * or more, the last one lost its link a few hours before the end of the history.
 */
import { MICROS_PER_DAY, MICROS_PER_SECOND, type Micros } from '../../domain/time.js';
import type { Sensor } from '../../domain/types.js';
import type { CaptureMode } from '../../domain/vocabulary.js';
import type { Random } from '../../random.js';

interface SensorModel {
  name: string;
  model: string;
  hardwareType: string;
  serialPrefix: string;
  status: string;
}

/** guide 5.1 sample: name "IC3000", model "IC3000_MANAGED", hardware_type "IC3000", status "Connected". */
const CORE: SensorModel = { name: 'CAT9300', model: 'IOX_CAT9300', hardwareType: 'Catalyst 9300', serialPrefix: 'FOC', status: 'Connected' };
const CELL: readonly SensorModel[] = [
  { name: 'IC3000', model: 'IC3000_MANAGED', hardwareType: 'IC3000', serialPrefix: 'FCH', status: 'Connected' },
  { name: 'IE3400', model: 'IOX_IE3400', hardwareType: 'IE3400', serialPrefix: 'FDO', status: 'Connected' },
  { name: 'IR1101', model: 'IOX_IR1101', hardwareType: 'IR1101', serialPrefix: 'FCW', status: 'Connected' },
  // Not 'Active': guide 6.2.1's example (status=active&status=inactive) answers exactly the two
  // sensors it prints, which the fixtures hold; the plant's sensors must not join them.
  { name: 'SENSOR3', model: 'SENSOR3', hardwareType: 'SENSOR3', serialPrefix: 'S3-', status: 'Connected' },
];
const VERSIONS = ['4.1.4+202212141607', '4.2.1+202305221047', '4.3.0+202310091245'];

export interface SensorPlan {
  ids: string[];
  /** The instant each sensor stops reporting (`end` for a connected one). */
  until: Micros[];
  build(stats: { flows: number; flowsLastDay: number }[], totalFlows: number): Sensor[];
}

function uptime(us: number): string {
  let s = Math.floor(us / MICROS_PER_SECOND);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  // guide 5.1 prints "7m 25s " (with the trailing space).
  return `${d > 0 ? `${d}d ` : ''}${d > 0 || h > 0 ? `${h}h ` : ''}${m}m ${s}s `;
}

/** `flow_rate_day` (guide 6.2.1): an integer, the flows of the last day per hour. */
export function flowRatePerHour(flowsLastDay: number): number {
  return Math.round(flowsLastDay / 24);
}

export function planSensors(rng: Random, count: number, historyStart: Micros, end: Micros, cellNames: (sensor: number) => string): SensorPlan {
  const ids: string[] = [];
  const until: Micros[] = [];
  const models: SensorModel[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(rng.uuid4());
    models.push(i === 0 ? CORE : rng.pick(CELL));
    const lost = count >= 4 && i === count - 1;
    until.push(lost ? end - rng.int(2 * 3600, 9 * 3600) * MICROS_PER_SECOND : end);
  }
  return {
    ids,
    until,
    build(stats, totalFlows) {
      const sensors: Sensor[] = [];
      for (let i = 0; i < count; i++) {
        const m = models[i] as SensorModel;
        const last = until[i] as Micros;
        const connected = last === end;
        const created = historyStart - rng.int(1, 120) * MICROS_PER_DAY - rng.int(0, 86_399) * MICROS_PER_SECOND;
        const boot = Math.max(created, last - rng.int(1, 40) * MICROS_PER_DAY - rng.int(0, 86_399) * MICROS_PER_SECOND);
        const recStart = last - rng.int(1, 20) * MICROS_PER_DAY;
        const recorded = rng.chance(0.5);
        const s = stats[i] ?? { flows: 0, flowsLastDay: 0 };
        const yy = rng.int(21, 27);
        sensors.push({
          id: ids[i] as string,
          name: `${m.name}-${cellNames(i)}`,
          serialNumber: m.serialPrefix === 'S3-'
            ? `S3-${yy}${rng.int(10, 52)}-${String(rng.int(1, 9999)).padStart(4, '0')}`
            : `${m.serialPrefix}${yy}${rng.int(10, 52)}${rng.hex(2).toUpperCase()}${rng.pick(['P', 'Q', 'X', 'Z'])}`,
          ip: `10.0.250.${11 + i}`,
          model: m.model,
          hardwareType: m.hardwareType,
          version: rng.pick(VERSIONS),
          status: connected ? m.status : 'Disconnected',
          processingStatus: connected ? 'Normally processing' : 'Not processing',
          captureMode: (i === 0 ? 'optimal' : rng.pick(['optimal', 'optimal', 'all', 'industrial-only'])) as CaptureMode,
          customInput: '',
          autoConfig: m.model !== 'SENSOR3',
          sshReachable: connected,
          sshReachableLastUpdate: last - rng.int(0, 600) * MICROS_PER_SECOND,
          creationTime: created,
          lastActiveTime: last,
          uptime: connected ? uptime(end - boot) : '',
          snortEnabled: m.model === 'IC3000_MANAGED',
          recording: false,
          recordingLastStart: recorded ? recStart : null,
          recordingLastStop: recorded ? recStart + rng.int(30, 900) * MICROS_PER_SECOND : null,
          recordingLastSize: recorded ? rng.int(200_000, 80_000_000) : 0,
          statistics: true,
          hasPresets: rng.chance(0.6),
          // The guide prints `flow_rate_day` as an integer (6.2.1: 0) and Cisco's typed client
          // decodes an int. divergence: the guide does not say what the rate counts; it is the
          // last day's flows per hour, rounded (per second, nearly every sensor would print 0).
          flowRateDay: flowRatePerHour(s.flowsLastDay),
          flowCountDay: s.flowsLastDay,
          flowsPercentage: totalFlows > 0 ? ((100 * s.flows) / totalFlows).toFixed(1) : '0.0',
        });
      }
      return sensors;
    },
  };
}
