/**
 * Sensor templates (Cisco 3.0 "SensorTemplates", the SensorTemplate object): which templates the
 * emulated Center has, and what each one holds. Pure.
 *
 * divergence: the 3.0 document has no route that creates a template, and says nothing of what a
 * template holds beyond its `config` object. The emulated Center has the default template (its
 * `template_id` may be given as "default", as Cisco says) and one template per sensor model
 * among its sensors ("<model> sensors"), none editable, each with an empty `config`. A sensor is
 * in the default template until sensors are added to another; `sensorsStatus` counts the sensors
 * connected as deployed and the others as pending (none is deploying or failed).
 */
import { uuidv5 } from './ids.js';
import { sensorStatus } from './sensor.js';

export const DEFAULT_TEMPLATE_ALIAS = 'default';
export const DEFAULT_TEMPLATE_ID = uuidv5('sensor-template:default');
export const modelTemplateId = (model: string): string => uuidv5(`sensor-template:model:${model}`);

/** What a template reads of a sensor. */
export interface TemplateSensor {
  id: string;
  model: string;
  status: string;
  /** Null: the default template. */
  templateId: string | null;
}

export interface SensorTemplate {
  id: string;
  name: string;
  description: string;
  editable: boolean;
  config: Record<string, never>;
  /** µs; 0 when no sensor was ever added to it. */
  lastUpdate: number;
  sensorIds: string[];
  sensorsStatus: { deployed: number; deploying: number; failed: number; pending: number };
}

/** The templates: the default one first, then one per model (by name), each with its sensors in the given order. */
export function sensorTemplates(sensors: readonly TemplateSensor[], lastUpdates: ReadonlyMap<string, number>): SensorTemplate[] {
  const models = [...new Set(sensors.map((s) => s.model).filter((m) => m !== ''))].sort();
  const kinds = [
    { id: DEFAULT_TEMPLATE_ID, name: 'Default', description: 'The default template: every sensor is in it until it is added to another.' },
    ...models.map((model) => ({ id: modelTemplateId(model), name: `${model} sensors`, description: `The template for sensors of the model ${model}.` })),
  ];
  // A sensor in the template of a model no sensor has any longer is back in the default one.
  const ids = new Set(kinds.map((k) => k.id));
  const templateOfSensor = (s: TemplateSensor) => (s.templateId !== null && ids.has(s.templateId) ? s.templateId : DEFAULT_TEMPLATE_ID);
  return kinds.map((k) => {
    const members = sensors.filter((s) => templateOfSensor(s) === k.id);
    const deployed = members.filter((s) => sensorStatus(s.status).operationalStatus === 'CONNECTED').length;
    return {
      ...k,
      editable: false,
      config: {},
      lastUpdate: lastUpdates.get(k.id) ?? 0,
      sensorIds: members.map((s) => s.id),
      sensorsStatus: { deployed, deploying: 0, failed: 0, pending: members.length - deployed },
    };
  });
}

/** The template a path's `template_id` names ("default" or an id), or undefined. */
export function templateOf(templates: readonly SensorTemplate[], templateId: string): SensorTemplate | undefined {
  const id = templateId === DEFAULT_TEMPLATE_ALIAS ? DEFAULT_TEMPLATE_ID : templateId.toLowerCase();
  return templates.find((t) => t.id === id);
}
