/**
 * Sensor templates (Cisco's "SensorTemplates"): GET /admin/sensorTemplates and POST
 * /admin/sensorTemplates/{template_id}/addSensors, over src/operations/sensor-templates.ts.
 * The templates are the default one and one per sensor model (src/domain/sensor-template.ts);
 * the sensors are 1.0's.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addSensorsToTemplate, templatesNow } from '../../../operations/sensor-templates.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { SensorTemplateAddSensorsPayloadSchema, SensorTemplateSchema } from '../schemas/sensor-templates.js';
import { sensorTemplate } from '../serialize/sensor-templates.js';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const list = operation(
    'GET',
    '/admin/sensorTemplates',
    'The templates: the default one first, then one per sensor model, each with its sensors. divergence: an array of SensorTemplate (Cisco\'s document gives one SensorTemplate for "list successful").',
  );
  app.get(list.url, { schema: { ...list.docs, response: { 200: doc(z.array(SensorTemplateSchema), { description: 'list successful' }), ...errorResponses() } } }, async () =>
    templatesNow(app.store).map(sensorTemplate),
  );

  const add = operation(
    'POST',
    '/admin/sensorTemplates/{template_id}/addSensors',
    'Moves the sensors given into the template (`default` names the default one) and answers the template. 404 for an unknown template or sensor; 400 for a body that is not {"sensorIds": [...]}.',
  );
  app.post(
    add.url,
    {
      schema: {
        ...add.docs,
        params: z.object({ template_id: doc(z.string(), { description: 'uuid of the template to which the sensors should be assigned. use "default" to assign sensors to the default template.' }) }),
        body: SensorTemplateAddSensorsPayloadSchema,
        response: {
          200: doc(SensorTemplateSchema, { description: "sensor's template update is successful" }),
          ...errorResponses({ badRequest: 'Invalid body field "sensorIds": must be an array of sensor ids', notFound: 'Sensor template not found: 0491ad21-6cff-5906-a26b-95e04116e5cd' }),
        },
      },
    },
    async (request) => sensorTemplate(addSensorsToTemplate({ store: app.store, clock: app.clock }, request.params.template_id, request.body.sensorIds)),
  );
};

export default plugin;
