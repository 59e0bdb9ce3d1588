/**
 * The admin guide's API Token page as routes (guide: "Token"): list, "+ New token", Edit,
 * Refresh, Delete under /_emulator/tokens. The secret is in the answers of create and refresh
 * only; everywhere else it is masked. The operations live in src/emulator/tokens.ts, which the
 * `token` command shares.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptySchema, ErrorSchema } from '../../api/schemas.js';
import { CONTROL_TAG } from './common.js';
import {
  ClearTokenSchema,
  CreateTokenBody,
  EditTokenBody,
  TokenIdParams,
  TokenSchema,
  createTokenOperations,
  tokenWire,
} from '../tokens.js';

const ERRORS = {
  400: ErrorSchema.describe('Bad request: a bad field, or a bad token id'),
  401: ErrorSchema.describe('No or wrong x-emulator-key'),
};
const NOT_FOUND = { 404: ErrorSchema.describe('No token has this id') };
const NAME_TAKEN = { 409: ErrorSchema.describe('Another token has this name (compared without case)') };

const plugin: FastifyPluginAsyncZod = async (app) => {
  const tokens = createTokenOperations(app.store, app.clock, app.newId);

  app.get(
    '/tokens',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'listTokens',
        summary: 'List the API tokens',
        description: 'The API Token page of the admin guide, in creation order; the secrets are masked.',
        response: { 200: z.array(TokenSchema), 401: ERRORS[401] },
      },
    },
    async () => tokens.list().map((t) => tokenWire(t)),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'createToken',
        summary: 'Create an API token',
        description: 'The "+ New token" of the admin guide. The answer holds the secret in clear: the only time it is shown (refresh aside).',
        body: CreateTokenBody,
        response: { 201: ClearTokenSchema, ...ERRORS, ...NAME_TAKEN },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const { token, record } = tokens.create({ name: b.name, enabled: b.enabled ?? true, expiresAt: b.expires_at ?? null });
      return reply.code(201).send(tokenWire(record, token));
    },
  );

  app.patch(
    '/tokens/:id',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'editToken',
        summary: 'Rename, enable or disable an API token, or change its expiry',
        description: 'The Edit of the admin guide. Takes effect on the next /api call; the secret is unchanged (answered masked).',
        params: TokenIdParams,
        body: EditTokenBody,
        response: { 200: TokenSchema, ...ERRORS, ...NOT_FOUND, ...NAME_TAKEN },
      },
    },
    async (request) => {
      const b = request.body;
      return tokenWire(tokens.update(request.params.id, { name: b.name, enabled: b.enabled, expiresAt: b.expires_at }));
    },
  );

  app.post(
    '/tokens/:id/refresh',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'refreshToken',
        summary: 'Give an API token a new secret',
        description: 'The Refresh of the admin guide: the old secret stops working at once; name, status and dates are kept. The answer holds the new secret in clear.',
        params: TokenIdParams,
        response: { 200: ClearTokenSchema, ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request) => {
      const { token, record } = tokens.refresh(request.params.id);
      return tokenWire(record, token);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'deleteToken',
        summary: 'Delete an API token',
        description: 'The Delete of the admin guide: the token is refused from the next /api call on.',
        params: TokenIdParams,
        response: { 204: EmptySchema, ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request, reply) => {
      tokens.delete(request.params.id);
      return reply.code(204).send();
    },
  );
};

export default plugin;
