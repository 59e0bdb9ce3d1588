/** Sensors (Cisco's "Sensors"), read: the list and one sensor's details, over the 1.0 sensors. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc, named } from '../registry.js';
import { SENSOR_EXAMPLE_ID, SensorDetailsSchema, SensorIdParams, SensorOverviewSchema } from '../schemas/sensors.js';
import { sensorDetails, sensorOverview } from '../serialize/sensors.js';

const SensorListSchema = named('SensorList', z.array(SensorOverviewSchema));


const plugin: FastifyPluginAsyncZod = async (app) => {
  const centerId = () => app.store.settings.get('center.id') ?? '';

  const list = operation(
    'GET',
    '/sensors',
    'Every sensor, oldest first (Cisco: no parameters, no paging). A connected sensor is `status.enrollmentStatus` "ENROLLED" and `status.operationalStatus` "CONNECTED".',
  );
  app.get(
    list.url,
    { schema: { ...list.docs, response: { 200: doc(SensorListSchema, { description: 'The sensors' }), ...errorResponses() } } },
    async () => {
      const center = centerId();
      return app.store.sensors.list().map((s) => sensorOverview(s, center));
    },
  );

  const details = operation('GET', '/sensors/{id}', 'One sensor with its details. 404 for an unknown id; a malformed one is a 400.');
  app.get(
    details.url,
    {
      schema: {
        ...details.docs,
        params: SensorIdParams,
        response: {
          200: doc(SensorDetailsSchema, { description: 'The sensor' }),
          ...errorResponses({ badRequest: errors.badId('sensor', 'IC3000').message, notFound: errors.notFound('Sensor', SENSOR_EXAMPLE_ID).message }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'sensor');
      return sensorDetails(found(app.store.sensors.get(id), 'Sensor', id), centerId());
    },
  );
};

export default plugin;
