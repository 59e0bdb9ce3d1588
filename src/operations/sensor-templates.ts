/**
 * Cisco 3.0 addSensorsToSensorTemplate (POST /admin/sensorTemplates/{template_id}/addSensors):
 * the sensors given move into the template, in one transaction, every check before the write.
 */
import type { Clock } from '../clock.js';
import { type SensorTemplate, sensorTemplates, templateOf } from '../domain/sensor-template.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';

/** The templates as they are now (src/domain/sensor-template.ts). */
export const templatesNow = (store: Store): SensorTemplate[] => sensorTemplates(store.sensorTemplates.sensors(), store.sensorTemplates.lastUpdates());

/**
 * Cisco: "404 given sensor or template id does not exit": the template first, then every
 * unknown sensor. Answers the template with its sensors. divergence: a sensor may join the
 * template of another model (Cisco does not say it may not); no sensor at all only marks the
 * template updated.
 */
export function addSensorsToTemplate(ctx: { store: Store; clock: Clock }, templateId: string, sensorIds: readonly string[]): SensorTemplate {
  const { store } = ctx;
  return store.transaction(() => {
    const template = templateOf(templatesNow(store), templateId);
    if (!template) throw errors.notFound('Sensor template', templateId);
    const unknown = sensorIds.filter((id) => store.sensors.get(id.toLowerCase()) === undefined);
    if (unknown.length > 0) throw errors.notFound(unknown.length > 1 ? 'Sensors' : 'Sensor', unknown.join(', '));
    store.sensorTemplates.assign(template.id, sensorIds.map((id) => id.toLowerCase()), ctx.clock.now());
    return templateOf(templatesNow(store), template.id) as SensorTemplate;
  });
}
