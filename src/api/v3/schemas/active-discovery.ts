/**
 * Active discovery (Cisco's ActiveDiscoveryProfile, ActiveDiscoveryPolicy, ActiveDiscoveryProtocol,
 * ActiveDiscoveryProfileShort, ActiveDiscoveryProfilePreset, SensorLite,
 * ActiveDiscoveryScanConsolidatedReport and its Details). The bodies are the same definitions as
 * the answers: the fields the Center computes (id, lastStartTimeScan…, schedulingStatus,
 * relatedProfiles) are accepted and ignored, so an answer posts back as it is. Cisco marks no
 * field required and gives no enumeration; divergence: `name` is mandatory on creation.
 */
import { z } from 'zod';
import { rangeSize } from '../../../domain/active-discovery.js';
import { UUID_RE } from '../../../domain/ids.js';
import { ipv4ToInt } from '../../../domain/network.js';
import { named } from '../registry.js';
import { objectBody } from './custom-properties.js';

const is = (what: string, mandatory = false) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined && mandatory ? 'is mandatory' : `must be ${what}`),
});
const text = () => z.string(is('a string'));
const name = z.string(is('a string', true)).trim().min(1, 'must not be empty');
const uuid = (what: string) => z.string(is(`${what} id (a UUID)`, true)).regex(UUID_RE, `must be ${what} id (a UUID)`).transform((s) => s.toLowerCase());
const time = z.number(is('an integer (ms)')).int('must be an integer').min(0, 'must be 0 or more');

const SensorLiteBody = z.object({ id: uuid('a sensor'), name: text().optional() }, is('a SensorLite object {id, name}'));
const PresetBody = z.object({ id: uuid('a preset'), label: text().optional() }, is('an object {id, label}'));

const profileFields = {
  id: text().optional(),
  name: name.optional(),
  allSensorSelected: z.boolean(is('true or false')).optional(),
  sensors: z.array(SensorLiteBody, is('an array of SensorLite')).optional(),
  presets: z.array(PresetBody, is('an array of {id, label}')).optional(),
  policyId: z.union([z.literal(''), uuid('a policy')], is('a policy id (a UUID)')).optional(),
  ipRanges: z.array(z.string(is('a string')).trim().refine((s) => rangeSize(s) !== undefined, 'must be an IPv4 range: CIDR (10.0.0.0/24) or first-last'), is('an array of strings')).optional(),
  ipTargets: z.array(z.string(is('an IPv4 address')).trim().refine((s) => ipv4ToInt(s) !== undefined, 'must be an IPv4 address'), is('an array of IPv4 addresses')).optional(),
  runOnce: text().optional(),
  scanFrequency: text().optional(),
  startTime: time.optional(),
  endTime: time.optional(),
  lastStartTimeScan: z.number(is('an integer')).optional(),
  lastStartTimeScanStatus: text().optional(),
  schedulingStatus: text().optional(),
};

export const ActiveDiscoveryProfileBodySchema = named(
  'ActiveDiscoveryProfileBody',
  z.object(profileFields, objectBody),
  'An active discovery profile to write: `name` (mandatory on creation, unique without case), `policyId`, `sensors` (each must exist and have active discovery on), `presets` (each must exist), `allSensorSelected`, `ipRanges` (CIDR or first-last), `ipTargets` (IPv4), `runOnce`, `scanFrequency`, `startTime`/`endTime` (ms). On PATCH, absent fields stay.',
);

const protocolBody = z.object(
  {
    id: text().optional(),
    protocol: z.string(is('a string', true)).trim().min(1, 'must not be empty'),
    enabled: z.boolean(is('true or false')).default(false),
    parameters: text().default(''),
  },
  is('an ActiveDiscoveryProtocol object'),
);

export const ActiveDiscoveryPolicyBodySchema = named(
  'ActiveDiscoveryPolicyBody',
  z.object(
    {
      id: text().optional(),
      name: name.optional(),
      broadcast: z.array(protocolBody, is('an array of ActiveDiscoveryProtocol')).optional(),
      unicast: z.array(protocolBody, is('an array of ActiveDiscoveryProtocol')).optional(),
      relatedProfiles: z.array(z.unknown(), is('an array')).optional(),
    },
    objectBody,
  ),
  'An active discovery policy to write: `name` (mandatory on creation, unique without case), `broadcast` and `unicast` protocols ({protocol (mandatory), enabled (default false), parameters, id}; a protocol once per list). On PUT, absent fields stay.',
);

export const SensorLiteSchema = named('SensorLite', z.object({ id: z.string(), name: z.string() }), 'A sensor, by id and name.');
export const ActiveDiscoveryProfilePresetSchema = named('ActiveDiscoveryProfilePreset', z.object({ id: z.string(), label: z.string() }), 'A preset of a profile.');

export const ActiveDiscoveryProfileSchema = named(
  'ActiveDiscoveryProfile',
  z.object({
    id: z.string(),
    name: z.string(),
    allSensorSelected: z.boolean(),
    sensors: z.array(SensorLiteSchema),
    presets: z.array(ActiveDiscoveryProfilePresetSchema),
    policyId: z.string(),
    ipRanges: z.array(z.string()),
    ipTargets: z.array(z.string()),
    runOnce: z.string(),
    scanFrequency: z.string(),
    schedulingStatus: z.enum(['SCHEDULED', 'NOT_SCHEDULED']),
    startTime: z.number().int(),
    endTime: z.number().int(),
    lastStartTimeScan: z.number().int(),
    lastStartTimeScanStatus: z.string(),
  }),
  'An active discovery profile: `schedulingStatus` SCHEDULED or NOT_SCHEDULED (start, stop); `lastStartTimeScan` (ms, 0 before any run) and its status (COMPLETED, ERROR; "" before); `policyId` "" when none; with `allSensorSelected`, `sensors` lists every sensor with active discovery on.',
);

export const ActiveDiscoveryProtocolSchema = named(
  'ActiveDiscoveryProtocol',
  z.object({ id: z.string(), protocol: z.string(), enabled: z.boolean(), parameters: z.string() }),
  'A protocol a policy probes with.',
);
export const ActiveDiscoveryProfileShortSchema = named('ActiveDiscoveryProfileShort', z.object({ id: z.string(), name: z.string() }), 'A profile using the policy.');
export const ActiveDiscoveryPolicySchema = named(
  'ActiveDiscoveryPolicy',
  z.object({
    id: z.string(),
    name: z.string(),
    broadcast: z.array(ActiveDiscoveryProtocolSchema),
    unicast: z.array(ActiveDiscoveryProtocolSchema),
    relatedProfiles: z.array(ActiveDiscoveryProfileShortSchema),
  }),
  'An active discovery policy: its broadcast and unicast protocols, and the profiles using it.',
);

export const ActiveDiscoveryScanConsolidatedReportDetailsSchema = named(
  'ActiveDiscoveryScanConsolidatedReportDetails',
  z.object({
    scanID: z.string(),
    sensorName: z.string(),
    protocol: z.string(),
    protocolMode: z.string(),
    ipRanges: z.array(z.string()),
    ipTargets: z.array(z.string()),
    ipTargetsCount: z.number().int(),
    percentageProgress: z.number().int(),
    startDate: z.number().int(),
    endDate: z.number().int(),
    status: z.string(),
    statusText: z.string(),
  }),
  'One sensor and protocol of a scan (BROADCAST or UNICAST); `ipTargetsCount` the addresses of the ranges plus the targets.',
);
export const ActiveDiscoveryScanConsolidatedReportSchema = named(
  'ActiveDiscoveryScanConsolidatedReport',
  z.object({
    scanID: z.string(),
    startDate: z.number().int(),
    endDate: z.number().int(),
    status: z.string(),
    statusText: z.string(),
    scanRequests: z.array(ActiveDiscoveryScanConsolidatedReportDetailsSchema),
  }),
  'A scan of a profile (emulated: no packet is sent; it completes at once).',
);
