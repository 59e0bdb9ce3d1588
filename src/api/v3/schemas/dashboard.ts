/**
 * Cisco's dashboard widgets of events and protocols (GET /dashboard/events/categories,
 * /dashboard/events/severities, /dashboard/protocols/counts): counts in `total` and per Center.
 * Cisco types a Center's `id` in EventCategoryByCenter as a UUID byte array; it is the Center's
 * id string here, as everywhere else in 3.0.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { int, ms } from './common.js';
import { DetailedTagSchema } from './tags.js';

export const TotalEventByCategorySchema = named('TotalEventByCategory', z.object({ category: z.string(), count: int }), 'How many events of a category.');

export const EventCategoryByCenterSchema = named(
  'EventCategoryByCenter',
  z.object({ id: z.string(), label: z.string(), anomaly: int, extension: int, security: int, signature: int, total: int }),
  "A Center's events by Cisco's families: `security` counts the events of category Security, `total` every event; the emulator raises no anomaly, extension or signature events (0).",
);

export const WidgetEventByCategorySchema = named(
  'WidgetEventByCategory',
  z.object({ total: z.array(TotalEventByCategorySchema), centers: z.array(EventCategoryByCenterSchema) }),
  "Events by category: `total` one row per category of API 1.0's events (guide 6.6.1), in that order; `centers` this Center.",
);

export const EventByCenterSchema = named(
  'EventByCenter',
  z.object({ id: z.string(), label: z.string(), critical: int, high: int, medium: int, low: int, total: int }),
  "A Center's events by severity: `critical` counts API 1.0's Very High.",
);

export const EventOverviewSchema = named(
  'EventOverview',
  z.object({ id: z.string(), date: ms, severity: z.string(), category: z.string(), shortMessage: z.string(), centerId: z.string(), centerLabel: z.string() }),
  "An event as the widget lists it: API 1.0's event of that id, `severity` in 1.0's spelling, `date` in ms.",
);

export const WidgetEventsBySeveritySchema = named(
  'WidgetEventsBySeverity',
  z.object({ centers: z.array(EventByCenterSchema), events: z.array(EventOverviewSchema) }),
  'Events by severity per Center, and the most severe events, the latest first within a severity.',
);

export const TotalDistributionProtocolSchema = named(
  'TotalDistributionProtocol',
  z.object({ tagId: z.string(), tagLabel: z.string(), count: int }),
  'A protocol tag and how many activities carry it.',
);

export const CenterDistributionProtocolSchema = named(
  'CenterDistributionProtocol',
  z.object({ centerId: z.string(), centerName: z.string(), total: z.array(TotalDistributionProtocolSchema) }),
  "A Center's activities by protocol.",
);

export const WidgetProtocolDistributionResponseSchema = named(
  'WidgetProtocolDistributionResponse',
  z.object({ total: z.array(TotalDistributionProtocolSchema), centers: z.array(CenterDistributionProtocolSchema) }),
  'Activities by protocol tag (the tags of category Protocol), the most carried first: in total and per Center.',
);

/** Cisco's ActivityCountResult, DeviceCountResult, … (one shape under several names). */
const countResult = (name: string, what: string) =>
  named(name, z.object({ active: int, created: int, total: int }), `${what}: \`total\` every one, \`active\` those active between \`from\` and \`to\`, \`created\` those first seen then.`);

export const AllCountResultSchema = named(
  'AllCountResult',
  z.object({
    activity: countResult('ActivityCountResult', "The preset's activities (its activity-list)"),
    credential: countResult('CredentialCountResult', "The credentials its nodes' components accepted in clear"),
    device: countResult('DeviceCountResult', "The preset's devices (its networknode-list's devices)"),
    group: countResult('GroupCountResult', "The groups of the preset's nodes"),
    orphanComponent: countResult('OrphanComponentCountResult', "The preset's components without a device (its networknode-list's other nodes)"),
    plc: named('ProgramDownloadsCountResult', z.object({ created: int, total: int }), 'Program downloads: the emulated world holds none.'),
    riskScoreStats: named('RiskScoreStatsResult', z.object({ median: z.number() }), "The median risk score of the preset's devices (0 without one)."),
    tag: z.array(DetailedTagSchema),
    variable: countResult('VariableCountResult', "The variables its nodes' components hold"),
    vulnerability: named(
      'VulnerabilityCountResult',
      z.object({ active: int, created: int, deviceCount: int, orphanComponentCount: int, total: int }),
      "The rows of the preset's vulnerability-list (`active`, `created`: within `from`/`to`), and how many of its devices and device-less components a vulnerability matches.",
    ),
  }),
  "Counts of every kind of object of a preset, each equal to what the preset's lists give.",
);

export const PresetHighlightSchema = named(
  'PresetHighlight',
  z.object({
    id: z.string(),
    label: z.string(),
    categoryLabel: z.string(),
    devices: int,
    orphans: int,
    vulnerabilities: int,
    events: int,
    riskScore: z.number(),
    lastRefresh: ms,
  }),
  "A starred preset and its dashboard's counts.",
);

export const AllCountersSchema = named(
  'AllCounters',
  AllCountResultSchema.extend({ differences: named('TotalDifferences', z.object({ total: int }), 'Baseline differences: how many every baseline shows now (those detected in `from`/`to` when given).') }),
  "Counts of every kind of object of the Center: the dashboard of a preset that keeps everything (\"All data\"), and the baseline differences.",
);
