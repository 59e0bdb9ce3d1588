/**
 * A known state on demand: POST /_emulator/reset rebuilds the world from a scenario;
 * /_emulator/snapshots saves it under a name and brings it back (a copy, not a re-seed).
 * Tokens, the admin key and the licence are not part of the world: they stay as they are.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptySchema, ErrorSchema } from '../../api/schemas.js';
import { formatTimestamp } from '../../domain/time.js';
import { SNAPSHOT_NAME_RE, type SnapshotInfo } from '../world.js';
import { CONTROL_TAG } from './common.js';

const SnapshotSchema = z
  .object({ name: z.string(), created_at: z.string(), size_bytes: z.number().int() })
  .meta({ example: { name: 'before-test', created_at: '2026-11-01T12:00:00Z', size_bytes: 5251072 } });
const wire = (s: SnapshotInfo) => ({ name: s.name, created_at: formatTimestamp(s.createdAt), size_bytes: s.sizeBytes });
const NameParams = z.object({ name: z.string().meta({ example: 'before-test' }) });
const NAME_RULE = `1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (${SNAPSHOT_NAME_RE.source})`;

const plugin: FastifyPluginAsyncZod = async (app) => {
  const world = () => app.services.world;

  app.post(
    '/reset',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'resetWorld',
        summary: 'Rebuild the world from a scenario',
        description:
          'Builds the scenario (default: the current one) with its seed or the given one, its history ending at the emulated now, and swaps it in at once. Tokens, the admin key and the licence stay. The server answers nothing else meanwhile (about 1 s for `default`).',
        body: z
          .object({
            scenario: z.string().min(1, 'must not be empty').optional(),
            seed: z.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be >= 0').max(2 ** 32 - 1, 'must be < 2^32').optional(),
          })
          .strict()
          .nullish()
          .meta({ example: { scenario: 'small', seed: 7 } }),
        response: {
          200: z.object({ scenario: z.string(), seed: z.number().int(), seconds: z.number() }).meta({ example: { scenario: 'small', seed: 7, seconds: 0.4 } }),
          400: ErrorSchema,
          401: ErrorSchema,
        },
      },
    },
    async (request) => {
      const r = world().reset(request.body ?? {});
      return { scenario: r.scenario, seed: r.seed, seconds: Number(r.seconds.toFixed(3)) };
    },
  );

  app.get(
    '/snapshots',
    {
      schema: { tags: [CONTROL_TAG], operationId: 'listSnapshots', summary: 'The saved snapshots, oldest first', response: { 200: z.array(SnapshotSchema), 401: ErrorSchema } },
    },
    async () => world().list().map(wire),
  );

  app.post(
    '/snapshots',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'saveSnapshot',
        summary: 'Save the whole state under a name',
        description: `A consistent copy of the database, kept beside it in snapshots/ (a temporary directory for \`:memory:\`). Name: ${NAME_RULE}. A taken name is a 409.`,
        body: z.object({ name: z.string({ error: 'must be a string' }) }).strict().meta({ example: { name: 'before-test' } }),
        response: { 201: SnapshotSchema, 400: ErrorSchema, 401: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(wire(world().save(request.body.name))),
  );

  app.post(
    '/snapshots/:name/restore',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'restoreSnapshot',
        summary: 'Bring a saved world back',
        description: 'Replaces the world by the saved one in one transaction (tokens, the admin key and the licence stay as they are now).',
        params: NameParams,
        response: { 200: SnapshotSchema, 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => wire(world().restore(request.params.name)),
  );

  app.delete(
    '/snapshots/:name',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'deleteSnapshot',
        summary: 'Delete a saved snapshot',
        params: NameParams,
        response: { 204: EmptySchema, 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      world().delete(request.params.name);
      return reply.code(204).send();
    },
  );
};

export default plugin;
