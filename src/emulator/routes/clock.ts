/**
 * The emulated clock: GET/PUT /_emulator/clock and POST /_emulator/clock/advance. Every time
 * the emulator writes (ingest, events, live traffic) and every token expiry check follows it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../api/schemas.js';
import type { ClockState, EmulatorClock } from '../../clock.js';
import { MICROS_PER_MS, formatTimestamp } from '../../domain/time.js';
import { CONTROL_TAG, TimeInput } from './common.js';

const ClockSchema = z
  .object({ now: z.string(), frozen_at: z.string().nullable(), offset_ms: z.number() })
  .meta({ example: { now: '2026-11-01T12:00:00Z', frozen_at: '2026-11-01T12:00:00Z', offset_ms: 0 } });

const wire = (clock: EmulatorClock, s: ClockState = clock.get()) => ({
  now: formatTimestamp(clock.now()),
  frozen_at: s.frozenAt === null ? null : formatTimestamp(s.frozenAt),
  offset_ms: s.offset / MICROS_PER_MS,
});

const OFFSET_LIMIT_MS = 100 * 365 * 24 * 3600 * 1000;

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clock',
    { schema: { tags: [CONTROL_TAG], operationId: 'getClock', summary: 'The emulated clock', response: { 200: ClockSchema, 401: ErrorSchema } } },
    async () => wire(app.clock),
  );

  app.put(
    '/clock',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'setClock',
        summary: 'Freeze, unfreeze or shift the emulated clock',
        description:
          '`frozen_at` stops time at an instant (null lets it run again from there); `offset_ms` is added to the real time while it runs. Give either or both.',
        body: z
          .object({
            frozen_at: TimeInput.nullable().optional(),
            offset_ms: z.number({ error: 'must be a number' }).int('must be an integer').min(-OFFSET_LIMIT_MS, 'must be within 100 years').max(OFFSET_LIMIT_MS, 'must be within 100 years').optional(),
          })
          .strict()
          .refine((b) => b.frozen_at !== undefined || b.offset_ms !== undefined, { message: 'give frozen_at, offset_ms or both' })
          .meta({ example: { frozen_at: '2026-11-01T12:00:00Z' } }),
        response: { 200: ClockSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const { frozen_at: frozenAt, offset_ms: offsetMs } = request.body;
      app.clock.set({ ...(frozenAt === undefined ? {} : { frozenAt }), ...(offsetMs === undefined ? {} : { offset: offsetMs * MICROS_PER_MS }) });
      return wire(app.clock);
    },
  );

  app.post(
    '/clock/advance',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'advanceClock',
        summary: 'Move the emulated clock forward',
        description: 'Frozen or running, time jumps forward by `ms` milliseconds: a test can expire a token or age a flow without waiting.',
        body: z
          .object({ ms: z.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be >= 0').max(OFFSET_LIMIT_MS, 'must be within 100 years') })
          .strict()
          .meta({ example: { ms: 3600000 } }),
        response: { 200: ClockSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      app.clock.advance(request.body.ms * MICROS_PER_MS);
      return wire(app.clock);
    },
  );
};

export default plugin;
