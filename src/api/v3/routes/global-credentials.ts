/**
 * The sensors' global credentials (Cisco's "GlobalCredentials"): GET, POST, PUT and DELETE
 * /globalCredentials, kept as two Center parameters (src/store/global-credentials.ts). Not the
 * credentials of /components/{id}/credentials, which components accepted in clear-text traffic.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { createGlobalCredentials, deleteGlobalCredentials, updateGlobalCredentials } from '../../../operations/global-credentials.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { GlobalCredentialsPayloadSchema, GlobalCredentialsSchema, globalCredentialsOf } from '../schemas/global-credentials.js';
import { globalCredentials } from '../serialize/global-credentials.js';

const MESSAGES = {
  badRequest: 'Invalid body field "SensorsGlobalCredentials.sensor.security.login": must be a string',
  preconditionFailed: errors.credentialMissing('SensorsGlobalCredentials.sensor.security.password').message,
};
const NOT_FOUND = errors.noGlobalCredentials().message;

const plugin: FastifyPluginAsyncZod = async (app) => {
  const answer = () => {
    const c = app.store.globalCredentials.get();
    if (c === undefined) throw errors.noGlobalCredentials();
    return globalCredentials(c);
  };

  const get = operation('GET', '/globalCredentials', 'divergence: the password is shown in clear, as Cisco\'s example answers show it. 404 when there are none.');
  app.get(get.url, { schema: { ...get.docs, response: { 200: doc(GlobalCredentialsSchema, { description: 'The global credentials' }), ...errorResponses({ notFound: NOT_FOUND }) } } }, async () => answer());

  const create = operation('POST', '/globalCredentials', 'Sets the global credentials; 409 when there are some already (change them with PUT), 412 for a missing value or too much depth.');
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: GlobalCredentialsPayloadSchema,
        response: { 200: doc(GlobalCredentialsSchema, { description: 'Global credentials have been set' }), ...errorResponses({ ...MESSAGES, conflict: errors.globalCredentialsExist().message }) },
      },
    },
    async (request) => {
      createGlobalCredentials(app.store, globalCredentialsOf(request.body));
      return answer();
    },
  );

  const update = operation('PUT', '/globalCredentials', 'Changes the global credentials; 412 for a missing value or too much depth. divergence: without global credentials, sets them (Cisco lists no 404 here).');
  app.put(
    update.url,
    {
      schema: {
        ...update.docs,
        body: GlobalCredentialsPayloadSchema,
        response: { 200: doc(GlobalCredentialsSchema, { description: 'Global credentials have been updated' }), ...errorResponses(MESSAGES) },
      },
    },
    async (request) => {
      updateGlobalCredentials(app.store, globalCredentialsOf(request.body));
      return answer();
    },
  );

  const remove = operation('DELETE', '/globalCredentials', 'Deletes the global credentials: an empty 204; 404 when there are none.');
  app.delete(
    remove.url,
    {
      schema: {
        ...remove.docs,
        response: { 204: doc(z.void(), { type: 'null', description: 'No content: deletion successful' }), ...errorResponses({ notFound: NOT_FOUND }) },
      },
    },
    async (_request, reply) => {
      deleteGlobalCredentials(app.store);
      return reply.code(204).send();
    },
  );
};

export default plugin;
