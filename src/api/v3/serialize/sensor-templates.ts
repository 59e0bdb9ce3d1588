/** A sensor template (src/domain/sensor-template.ts) → Cisco's SensorTemplate (../schemas/sensor-templates.ts). */
import type { SensorTemplate } from '../../../domain/sensor-template.js';
import type { SensorTemplateSchema } from '../schemas/sensor-templates.js';
import { type Wire, ms } from './common.js';

export const sensorTemplate = (t: SensorTemplate): Wire<typeof SensorTemplateSchema> => ({
  config: t.config,
  description: t.description,
  editable: t.editable,
  id: t.id,
  lastUpdate: t.lastUpdate === 0 ? 0 : ms(t.lastUpdate),
  name: t.name,
  sensorCount: t.sensorIds.length,
  sensorIds: t.sensorIds,
  sensorsStatus: t.sensorsStatus,
});
