/** Events (guide 6.6). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVENT_CATEGORIES, EVENT_FAMILIES, EVENT_TYPES, SEVERITY_FILTERS } from '../../../domain/vocabulary.js';
import * as serialize from '../serialize.js';
import { EventSchema, errorAnswer } from '../schemas.js';
import { EXAMPLES, IDS, answer } from '../examples.js';
import { MESSAGES, checkId, docs, errorResponses, found, idErrors, sendJson } from '../kit.js';
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
  severity: repeatable(severity).meta({
    description: 'veryhigh, high, medium or low, without regard to case or spaces (repeatable: any of them).',
    example: ['veryhigh', 'high'],
  }),
  severities: repeatable(severity).meta({ description: 'Same as `severity`.', example: ['high'] }),
  category: repeatable(oneOf(EVENT_CATEGORIES, 'category')).meta({
    description: `One of ${EVENT_CATEGORIES.join(', ')}; without regard to case or spaces (repeatable: any of them).`,
    example: ['Identification'],
  }),
  family: repeatable(oneOf(EVENT_FAMILIES, 'family')).meta({
    description: `One of ${EVENT_FAMILIES.join(', ')}; without regard to case or spaces (repeatable: any of them).`,
    example: ['Component'],
  }),
  type: repeatable(oneOf(EVENT_TYPES, 'type')).meta({
    description: `One of ${EVENT_TYPES.join(', ')}; without regard to case or spaces (repeatable: any of them).`,
    example: ['Classification'],
  }),
  group: repeatable(uuid).meta({ description: 'Id of a group of the related components (repeatable: any of them).', example: [IDS.group] }),
  text: scalar(z.string().optional()).meta({ description: 'A pattern the event text contains.', example: 'New comp' }),
  network,
  ip: repeatable(z.string()).meta({ description: 'IP of a related component (repeatable: any of them).', example: ['10.4.0.46'] }),
  mac: repeatable(z.string()).meta({ description: 'MAC of a related component (repeatable: any of them).', example: ['d4:ae:52:aa:dc:93'] }),
  from: scalar(uuid.optional()).meta({ description: 'Source component id (a UUID).', example: 'f523ce71-19ea-5a7b-8b1a-0670433c35ab' }),
  to: scalar(uuid.optional()).meta({ description: 'Destination component id (a UUID).', example: IDS.stationComponent }),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/event',
    {
      schema: {
        ...docs(TAG, 'getEvents', 'Get all events', '6.6.1', 'Ordered by creation time.'),
        querystring: ListQuery,
        response: {
          200: answer(z.array(EventSchema), 'The events, ordered by creation time (guide 5.5)', EXAMPLES.events),
          ...errorResponses({ badRequest: MESSAGES.limitMissing }),
        },
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
        params: idParams('event', IDS.eventWithData),
        response: {
          200: {
            description: 'The file, named by the Content-Disposition header',
            content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...errorResponses(idErrors('event', 'Event')),
          404: errorAnswer('Unknown event, or an event without a file', MESSAGES.notFound('Downloadable content of event', IDS.event)),
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
