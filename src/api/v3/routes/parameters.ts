/**
 * The Center's parameters (Cisco's "Parameters"): GET, POST and PUT /parameters, GET and DELETE
 * /parameters/{key}, over src/operations/parameters.ts and src/store/parameters.ts ("a mean of
 * storing and retrieving parameters in the database in the form of keys and values"). The
 * sensors' global credentials (/globalCredentials) are two of them, `sensor.security.login` and
 * `sensor.security.password`. The emulator's own settings are not parameters and never show.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { createParameters, deleteParameter, updateParameters } from '../../../operations/parameters.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { ParametersPayloadSchema, ParametersSchema, parametersOf } from '../schemas/parameters.js';

const answer = (description: string) => doc(ParametersSchema, { description, example: { 'sensor.security.login': 'admin', 'random.parameter.one': 8 } });
const WRITE_ERRORS = {
  badRequest: 'Invalid body: a JSON object is required',
  preconditionFailed: errors.parameterTooDeep('random.parameter.one').message,
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  const list = operation(
    'GET',
    '/parameters',
    'The parameters whose key contains `pattern` (divergence: Cisco does not say what a pattern is; the emulator takes it as text the key contains, case-sensitive, with no wildcard). 400 without a pattern.',
  );
  app.get(
    list.url,
    {
      schema: {
        ...list.docs,
        querystring: z.object({ pattern: doc(z.string({ error: 'Should have a pattern' }).min(1, { error: 'Should have a pattern' }), { description: 'pattern that will be used for research' }) }),
        response: { 200: answer('success'), ...errorResponses({ badRequest: 'Invalid query parameter "pattern": Should have a pattern' }) },
      },
    },
    async (request) => app.store.parameters.matching(request.query.pattern),
  );

  const create = operation('POST', '/parameters', 'Adds the parameters of the body, all or none: 409 when one of them exists (change it with PUT), 412 for a missing value or too much depth. Answers them.');
  app.post(
    create.url,
    { schema: { ...create.docs, body: ParametersPayloadSchema, response: { 200: answer('Parameter(s) have been added'), ...errorResponses({ ...WRITE_ERRORS, conflict: errors.parametersExist(['random.parameter.one']).message }) } } },
    async (request) => createParameters(app.store, parametersOf(request.body)),
  );

  const update = operation('PUT', '/parameters', 'Sets the parameters of the body, all or none; 412 for a missing value or too much depth. Answers them. divergence: a key that does not exist is added (Cisco lists no 404 here).');
  app.put(
    update.url,
    { schema: { ...update.docs, body: ParametersPayloadSchema, response: { 200: answer('Parameter(s) have been updated'), ...errorResponses(WRITE_ERRORS) } } },
    async (request) => updateParameters(app.store, parametersOf(request.body)),
  );

  const Params = z.object({ key: doc(z.string().min(1, { error: 'Should have a key' }), { description: 'key that will be used for research' }) });

  const read = operation(
    'GET',
    '/parameters/{key}',
    'The parameter `key` and those under it (`key.…`): "one or many parameter(s) according to a key". divergence: an unknown key answers `{}` (Cisco lists no 404 here).',
  );
  app.get(
    read.url,
    { schema: { ...read.docs, params: Params, response: { 200: answer('success'), ...errorResponses({ badRequest: 'Invalid path parameter "key": Should have a key' }) } } },
    async (request) => app.store.parameters.under(request.params.key),
  );

  const remove = operation('DELETE', '/parameters/{key}', 'Deletes the parameter `key` (that key alone): an empty 204; 404 when there is none.');
  app.delete(
    remove.url,
    {
      schema: {
        ...remove.docs,
        params: Params,
        response: { 204: doc(z.void(), { type: 'null', description: 'No content: deletion successful' }), ...errorResponses({ notFound: errors.noParameter('random.parameter.one').message }) },
      },
    },
    async (request, reply) => {
      deleteParameter(app.store, request.params.key);
      return reply.code(204).send();
    },
  );
};

export default plugin;
