/**
 * Cisco 3.0 "SensorTemplates": the SensorTemplate object (with its SensorsTemplateStatus) that
 * GET /admin/sensorTemplates lists and addSensors answers, and the SensorTemplateAddSensorsPayload.
 */
import { z } from 'zod';
import { doc, named } from '../registry.js';

const count = z.number().int();

export const SensorsTemplateStatusSchema = named(
  'SensorsTemplateStatus',
  z.object({ deployed: count, deploying: count, failed: count, pending: count }),
  "The template's sensors by the state of its configuration on them: connected sensors count as deployed, the others as pending.",
);

export const SensorTemplateSchema = named(
  'SensorTemplate',
  z.object({
    config: doc(z.object({}), { description: "The template's configuration: empty in the emulator" }),
    description: z.string(),
    editable: z.boolean(),
    id: z.string(),
    lastUpdate: doc(count, { description: 'When sensors were last added to it, in ms since the epoch; 0 if never' }),
    name: z.string(),
    sensorCount: count,
    sensorIds: z.array(z.string()),
    sensorsStatus: SensorsTemplateStatusSchema,
  }),
  'A sensor template and the sensors in it.',
);

export const SensorTemplateAddSensorsPayloadSchema = named(
  'SensorTemplateAddSensorsPayload',
  z.object({ sensorIds: doc(z.array(z.string(), { error: 'must be an array of sensor ids' }), { description: 'the sensors to put in the template', example: ['e352adf5-6125-4194-805c-dc61b7cc7c4b'] }) }, { error: 'a JSON object is required' }),
  'The sensors to put in the template.',
);
