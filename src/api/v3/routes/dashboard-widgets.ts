/**
 * Cisco's "Dashboard" widgets of events and protocols: GET /dashboard/events/categories,
 * /dashboard/events/severities and /dashboard/protocols/counts. There is no events list in 3.0
 * (spec/v3 README quirk 16): the events counted are API 1.0's (GET /api/1.0/event). As for the
 * risk score widget (./risk-score-counts.ts), `centerId` takes UUIDs joined with ',' (400
 * otherwise) and this Center is the only one: counted unless `centerId` leaves it out.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVENT_CATEGORIES } from '../../../domain/vocabulary.js';
import { msFromMicros } from '../../../domain/time.js';
import { integer, scalar } from '../../params.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { WidgetEventByCategorySchema, WidgetEventsBySeveritySchema, WidgetProtocolDistributionResponseSchema } from '../schemas/dashboard.js';
import { CENTER_NAME, centerIds } from './risk-score-counts.js';

/**
 * How many of the most severe events the severity widget lists. divergence: Cisco says "the most
 * severe and recent events" without a number; ten, Very High first, the latest first within a severity.
 */
export const SEVERE_EVENTS = 10;

const BAD_CENTER = 'Invalid query parameter "centerId": "x" is not a UUID';
const centerIdParam = doc(centerIds, { description: "enrolled local center ids for which we want the metrics (UUIDs joined with ','); this Center is the only one" });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  /** This Center's id, and whether `centerId` asks for it (no `centerId`: it does). */
  const asked = (ids: string[] | undefined) => {
    const ours = store.settings.get('center.id') ?? '';
    return { ours, listed: ids === undefined || ids.length === 0 || ids.includes(ours.toLowerCase()) };
  };

  // divergence (both event widgets): Cisco says "most recent" without a period; they count every
  // event the Center holds, as GET /api/1.0/event lists them without `start` and `end`.
  const categories = operation(
    'GET',
    '/dashboard/events/categories',
    "Events by category: `total` one row per category of API 1.0's events (all of them, 0 included); `centers` this Center, its Security events under `security`.",
  );
  app.get(
    categories.url,
    {
      schema: {
        ...categories.docs,
        querystring: z.object({ centerId: centerIdParam }),
        response: { 200: doc(WidgetEventByCategorySchema, { description: 'successful' }), ...errorResponses({ badRequest: BAD_CENTER }) },
      },
    },
    async (request) => {
      const { ours, listed } = asked(request.query.centerId);
      const counts = listed ? store.dashboardCounts.eventsByCategory() : new Map<string, number>();
      const total = [...counts.values()].reduce((n, c) => n + c, 0);
      return {
        total: EVENT_CATEGORIES.map((category) => ({ category, count: counts.get(category) ?? 0 })),
        centers: listed ? [{ id: ours, label: CENTER_NAME, anomaly: 0, extension: 0, security: counts.get('Security') ?? 0, signature: 0, total }] : [],
      };
    },
  );

  const severities = operation(
    'GET',
    '/dashboard/events/severities',
    `Events by severity, for this Center (\`critical\` is API 1.0's Very High), and its ${SEVERE_EVENTS} most severe events, the latest first within a severity.`,
  );
  app.get(
    severities.url,
    {
      schema: {
        ...severities.docs,
        querystring: z.object({ centerId: centerIdParam }),
        response: { 200: doc(WidgetEventsBySeveritySchema, { description: 'successful' }), ...errorResponses({ badRequest: BAD_CENTER }) },
      },
    },
    async (request) => {
      const { ours, listed } = asked(request.query.centerId);
      if (!listed) return { centers: [], events: [] };
      const n = store.dashboardCounts.eventsBySeverity();
      const [critical, high, medium, low] = [n.get('Very High') ?? 0, n.get('High') ?? 0, n.get('Medium') ?? 0, n.get('Low') ?? 0];
      return {
        centers: [{ id: ours, label: CENTER_NAME, critical, high, medium, low, total: critical + high + medium + low }],
        events: store.dashboardCounts.mostSevereEvents(SEVERE_EVENTS).map((e) => ({
          id: e.id,
          date: msFromMicros(e.creationTime),
          severity: e.severity,
          category: e.category,
          shortMessage: e.shortMessage,
          centerId: ours,
          centerLabel: CENTER_NAME,
        })),
      };
    },
  );

  const protocols = operation(
    'GET',
    '/dashboard/protocols/counts',
    'Activities by protocol: each tag of category Protocol that an activity of GET /activities carries, with how many carry it, the most carried first. Computed on demand (Cisco caches it).',
  );
  app.get(
    protocols.url,
    {
      schema: {
        ...protocols.docs,
        querystring: z.object({ centerId: centerIdParam, limit: doc(scalar(integer(0).optional()), { description: 'number of centers sent in payload (default 5)' }) }),
        response: { 200: doc(WidgetProtocolDistributionResponseSchema, { description: 'object successful' }), ...errorResponses({ badRequest: BAD_CENTER }) },
      },
    },
    async (request) => {
      const { ours, listed } = asked(request.query.centerId);
      const total = listed ? store.dashboardCounts.activitiesByProtocol().map((p) => ({ tagId: p.tag, tagLabel: p.label, count: p.count })) : [];
      const centers = listed ? [{ centerId: ours, centerName: CENTER_NAME, total }].slice(0, request.query.limit ?? 5) : [];
      return { total, centers };
    },
  );
};

export default plugin;
