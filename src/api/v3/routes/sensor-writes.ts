/**
 * Sensors (Cisco's "Sensors"), written: POST /sensors, /sensors/package, /sensors/rename,
 * /sensors/active-discovery, DELETE /sensors/{id}, POST /sensors/{id}/capture-mode, PUT and
 * DELETE /sensors/{id}/location, POST /sensors/{id}/snort/{action}, on
 * src/operations/sensors.ts. The sensor table is 1.0's: `GET /api/1.0/sensor` shows each write.
 * Ansible declares a sensor, saves its package and deletes it (clients.md 1.2 #43); PacketArch
 * deletes sensors (#44).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import {
  configureActiveDiscovery,
  createSensor,
  removeSensor,
  renameSensor,
  sensorErrors,
  setCaptureMode,
  setLocation,
  setSnort,
} from '../../../operations/sensors.js';
import { checkId, found } from '../../kit.js';
import { scalar } from '../../params.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import {
  ConfigureActiveDiscoveryBodySchema,
  CreateSensorBodySchema,
  CreatedSensorSchema,
  GetSensorPackageBodySchema,
  SensorCaptureModeFilterSchema,
  SensorConfigureActiveDiscoveryOutputSchema,
  SensorLocationEditBodySchema,
} from '../schemas/sensor-payload.js';
import { sensorPackage } from '../serialize/sensor-package.js';
import { createdSensor } from '../serialize/sensors.js';
import { SENSOR_EXAMPLE_ID, SensorIdParams } from '../schemas/sensors.js';

const EMPTY = doc(z.literal(''), { description: 'success (empty response)', example: '' });
// `type: 'null'`: the document shows no body for a 204 (@fastify/swagger leaves `content` out).
const NO_CONTENT = (description: string) => doc(z.null(), { description, type: 'null' });
const BAD_ID = errors.badId('sensor', 'IC3000').message;
const NOT_FOUND = errors.notFound('Sensor', SENSOR_EXAMPLE_ID).message;
const mandatory = (what: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is mandatory' : `must be ${what}`) });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };
  const centerId = () => app.store.settings.get('center.id') ?? '';

  const create = operation(
    'POST',
    '/sensors',
    'Declares a sensor (not enrolled yet: 1.0 status "Unknown", 3.0 UNKNOWN/UNKNOWN; it captures nothing). Answers Cisco\'s Sensor plus `Id`, the same id (divergence: real Centers answer it; Ansible reads it). ' +
      'divergence: `name` defaults to the serial, `mode` to optimal; a serial number another sensor has (without regard to case) is a 409.',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: doc(CreateSensorBodySchema, { example: { serial: 'FOC2334X1AB', name: 'Line 3', model: 'iox', mode: 'optimal' } }),
        response: {
          200: doc(CreatedSensorSchema, { description: 'The sensor declared' }),
          ...errorResponses({ badRequest: 'Invalid body field "serial": is mandatory', conflict: sensorErrors.serialTaken('FOC2334X1AB').message }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const s = createSensor(ctx, {
        serial: b.serial,
        name: b.name,
        model: b.model,
        ip: b.ip,
        filter: b.mode === 'custom' ? b.custom : b.mode,
        activeDiscovery: b.active_discovery_interfaces,
      });
      return createdSensor(s, centerId());
    },
  );

  const pack = operation(
    'POST',
    '/sensors/package',
    'The sensor\'s provisioning package: a ZIP holding config.json (the Center, the sensor, its capture mode) and a README. ' +
      'divergence: no certificate or key is in it; an unknown sensor is a 404 (Cisco lists 400 only).',
  );
  app.post(
    pack.url,
    {
      schema: {
        ...pack.docs,
        body: doc(GetSensorPackageBodySchema, { example: { id: SENSOR_EXAMPLE_ID } }),
        response: {
          200: doc(z.string(), { description: 'the packaging zip file', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } }),
          ...errorResponses({ badRequest: 'Invalid body field "id": must be a sensor id (a UUID)', notFound: NOT_FOUND }),
        },
      },
    },
    async (request, reply) => {
      const id = request.body.id.toLowerCase();
      const s = found(app.store.sensors.get(id), 'Sensor', id);
      const { filename, archive } = sensorPackage(s, { id: centerId(), address: request.host }, app.clock.now());
      return reply.type('application/zip').header('content-disposition', `attachment; filename="${filename}"`).send(archive);
    },
  );

  const rename = operation('POST', '/sensors/rename', 'Renames a sensor. divergence: a blank name gives it its serial number back as its name.');
  app.post(
    rename.url,
    {
      schema: {
        ...rename.docs,
        querystring: z.object({
          id: doc(scalar(z.string(mandatory('a sensor id'))), { description: 'sensor id (uuid)', example: SENSOR_EXAMPLE_ID }),
          name: doc(scalar(z.string(mandatory('a string'))), { description: 'sensor name', example: 'Line 3' }),
        }),
        response: { 200: EMPTY, ...errorResponses({ badRequest: 'Invalid query parameter "name": is mandatory', notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      renameSensor(ctx, checkId(request.query.id, 'sensor'), request.query.name);
      return '' as const;
    },
  );

  const discovery = operation(
    'POST',
    '/sensors/active-discovery',
    'Replaces the sensor\'s active discovery interfaces (none turns it off); GET /sensors/{id} shows them as `activeDiscoveryConfig`. `reloaded` is true for a connected sensor.',
  );
  app.post(
    discovery.url,
    {
      schema: {
        ...discovery.docs,
        body: doc(ConfigureActiveDiscoveryBodySchema, { example: { active_discovery_interfaces: [{ ip: '192.168.69.42', netmask: '24', vlan: 0 }], id: SENSOR_EXAMPLE_ID } }),
        response: {
          200: doc(SensorConfigureActiveDiscoveryOutputSchema, { description: 'active discovery configuration successful', example: { reloaded: true } }),
          ...errorResponses({ badRequest: 'Invalid body field "active_discovery_interfaces.0.ip": must be an IPv4 or IPv6 address', notFound: NOT_FOUND }),
        },
      },
    },
    async (request) => configureActiveDiscovery(ctx, request.body.id.toLowerCase(), request.body.active_discovery_interfaces),
  );

  const remove = operation(
    'DELETE',
    '/sensors/{id}',
    'Deletes a sensor: it leaves /sensors and /api/1.0/sensor. What it captured stays (components, flows: a flow it saw shows `sensor: null`).',
  );
  app.delete(
    remove.url,
    { schema: { ...remove.docs, params: SensorIdParams, response: { 204: NO_CONTENT('sensor removal successful'), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request, reply) => {
      removeSensor(ctx, checkId(request.params.id, 'sensor'));
      return reply.code(204).send(null);
    },
  );

  const capture = operation(
    'POST',
    '/sensors/{id}/capture-mode',
    'Sets what the sensor captures: `all`, `optimal`, `industrial_only`, or any other text as a custom filter (1.0: capture_mode `custom`, the filter in custom_input).',
  );
  app.post(
    capture.url,
    {
      schema: {
        ...capture.docs,
        params: SensorIdParams,
        body: doc(SensorCaptureModeFilterSchema, { example: { filter: 'all' } }),
        response: { 200: EMPTY, ...errorResponses({ badRequest: 'Invalid body field "filter": is mandatory', notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      setCaptureMode(ctx, checkId(request.params.id, 'sensor'), request.body.filter);
      return '' as const;
    },
  );

  const locate = operation('PUT', '/sensors/{id}/location', 'Sets the sensor\'s location; GET /sensors/{id} shows it as `latitude` and `longitude`.');
  app.put(
    locate.url,
    {
      schema: {
        ...locate.docs,
        params: SensorIdParams,
        body: doc(SensorLocationEditBodySchema, { example: { latitude: 48.8583287, longitude: 2.2943839 } }),
        response: { 204: NO_CONTENT('sensor location update successful (empty response)'), ...errorResponses({ badRequest: 'Invalid body field "latitude": must be from -90 to 90', notFound: NOT_FOUND }) },
      },
    },
    async (request, reply) => {
      setLocation(ctx, checkId(request.params.id, 'sensor'), request.body);
      return reply.code(204).send(null);
    },
  );

  const unlocate = operation('DELETE', '/sensors/{id}/location', 'Removes the sensor\'s location (`latitude` and `longitude` leave GET /sensors/{id}).');
  app.delete(
    unlocate.url,
    { schema: { ...unlocate.docs, params: SensorIdParams, response: { 204: NO_CONTENT('sensor location delete successful (empty response)'), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request, reply) => {
      setLocation(ctx, checkId(request.params.id, 'sensor'), null);
      return reply.code(204).send(null);
    },
  );

  const snort = operation('POST', '/sensors/{id}/snort/{action}', 'Turns Snort on or off on the sensor (1.0 `snort_enabled`, 3.0 `snortEnabled`).');
  app.post(
    snort.url,
    {
      schema: {
        ...snort.docs,
        params: SensorIdParams.extend({
          action: doc(z.enum(['enable', 'disable'], { error: 'must be enable or disable' }), { description: 'Enable or Disable Snort on a sensor.', example: 'enable' }),
        }),
        response: { 204: NO_CONTENT('snort enabled or disabled successfully'), ...errorResponses({ badRequest: 'Invalid path parameter "action": must be enable or disable', notFound: NOT_FOUND }) },
      },
    },
    async (request, reply) => {
      setSnort(ctx, checkId(request.params.id, 'sensor'), request.params.action === 'enable');
      return reply.code(204).send(null);
    },
  );
};

export default plugin;
