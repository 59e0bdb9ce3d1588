/**
 * Cisco's dashboard widgets of events and protocols (GET /dashboard/events/categories,
 * /dashboard/events/severities, /dashboard/protocols/counts): counts in `total` and per Center.
 * Cisco types a Center's `id` in EventCategoryByCenter as a UUID byte array; it is the Center's
 * id string here, as everywhere else in 3.0.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { int, ms } from './common.js';

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
