/** Events (guide 6.6). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVENT_CATEGORIES, EVENT_FAMILIES, EVENT_TYPES, SEVERITY_FILTERS } from '../../../domain/vocabulary.js';
import * as serialize from '../serialize.js';
import { ErrorSchema, EventSchema } from '../schemas.js';
import { checkId, docs, errorResponses, found, sendJson } from '../kit.js';
import { end, idParams, limit, network, offset, order, repeatable, scalar, start, uuid } from '../params.js';

const TAG = 'Events';

/** Filter values compare without regard to case or spaces ("veryhigh", "Very High"). */
const loose = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
function oneOf<T extends string>(values: readonly T[], what: string) {
  const byLoose = new Map(values.map((v) => [loose(v), v]));
  return z.string().transform((s, ctx) => {
    const v = byLoose.get(loose(s));
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: `unknown ${what} "${s}" (one of: ${values.join(', ')})` });
      return z.NEVER;
    }
    return v;
  });
}

const severity = z.string().transform((s, ctx) => {
  const v = (SEVERITY_FILTERS as Record<string, (typeof SEVERITY_FILTERS)[keyof typeof SEVERITY_FILTERS]>)[loose(s)];
  if (v === undefined) {
    ctx.addIssue({ code: 'custom', message: `unknown severity "${s}" (one of: veryhigh, high, medium, low)` });
    return z.NEVER;
  }
  return v;
});

const ListQuery = z.object({
  limit,
  offset,
  order,
  start,
  end,
  severity: repeatable(severity).meta({ description: 'veryhigh, high, medium or low (repeatable).', example: 'high' }),
  severities: repeatable(severity).meta({ description: 'Same as `severity`.' }),
  category: repeatable(oneOf(EVENT_CATEGORIES, 'category')).meta({ description: 'e.g. Identification (repeatable).' }),
  family: repeatable(oneOf(EVENT_FAMILIES, 'family')).meta({ description: 'e.g. Component (repeatable).' }),
  type: repeatable(oneOf(EVENT_TYPES, 'type')).meta({ description: 'e.g. Classification (repeatable).' }),
  group: repeatable(uuid).meta({ description: 'Id of a group of the related components (repeatable).' }),
  text: scalar(z.string().optional()).meta({ description: 'A pattern the event text contains, e.g. "New comp".' }),
  network,
  ip: repeatable(z.string()).meta({ description: 'IP of a related component (repeatable).' }),
  mac: repeatable(z.string()).meta({ description: 'MAC of a related component (repeatable).' }),
  from: scalar(uuid.optional()).meta({ description: 'Source component id.' }),
  to: scalar(uuid.optional()).meta({ description: 'Destination component id.' }),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/event',
    {
      schema: {
        ...docs(TAG, 'getEvents', 'Get all events', '6.6.1', 'Ordered by creation time.'),
        querystring: ListQuery,
        response: { 200: z.array(EventSchema), ...errorResponses(false) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const severities = [...(q.severity ?? []), ...(q.severities ?? [])];
      const page = app.store.events.page({
        ...q,
        severities: severities.length > 0 ? severities : undefined,
        categories: q.category,
        families: q.family,
        types: q.type,
        groups: q.group?.map((g) => g.toLowerCase()),
        ips: q.ip,
        macs: q.mac,
        from: q.from?.toLowerCase(),
        to: q.to?.toLowerCase(),
      });
      return sendJson(reply, app.wire.page('event', page, (rowids) => app.store.events.byRowids(rowids), serialize.event));
    },
  );

  app.get(
    '/event-data/:id/download',
    {
      schema: {
        ...docs(TAG, 'downloadEventData', 'Get an event downloadable content', '6.6.2', 'E.g. the PCAP of a decode failure.'),
        params: idParams,
        response: {
          200: z.string().meta({ description: 'The file (application/octet-stream)', format: 'binary' }),
          ...errorResponses(true),
          404: ErrorSchema.describe('Unknown event, or an event without a file'),
        },
      },
    },
    async (request, reply) => {
      const id = checkId(request.params.id, 'event');
      found(app.store.events.get(id), 'Event', id);
      const data = found(app.store.events.data(id), 'Downloadable content of event', id);
      // Fastify sends a Buffer as it is; the schema documents it as a binary string.
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${data.filename}"`)
        .send(data.data as unknown as string);
    },
  );
};

export default plugin;
