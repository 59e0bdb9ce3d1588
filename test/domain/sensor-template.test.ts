/** The emulated Center's sensor templates (src/domain/sensor-template.ts): which exist, and who is in each. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_ID, modelTemplateId, sensorTemplates, templateOf } from '../../src/domain/sensor-template.js';

const sensor = (id: string, model: string, templateId: string | null, status = 'Connected') => ({ id, model, status, templateId });

describe('sensorTemplates', () => {
  it('has the default template, then one per model by name, and no template for an empty model', () => {
    const all = sensorTemplates([sensor('a', 'iox', null), sensor('b', 'ic3000', null), sensor('c', '', null, 'Unknown')], new Map());
    expect(all.map((t) => [t.id, t.name])).toEqual([
      [DEFAULT_TEMPLATE_ID, 'Default'],
      [modelTemplateId('ic3000'), 'ic3000 sensors'],
      [modelTemplateId('iox'), 'iox sensors'],
    ]);
    expect(all[0]).toMatchObject({ sensorIds: ['a', 'b', 'c'], sensorsStatus: { deployed: 2, deploying: 0, failed: 0, pending: 1 } });
  });

  it('puts a sensor of a template no longer there (its model has no sensor) back in the default one', () => {
    const all = sensorTemplates([sensor('a', 'iox', modelTemplateId('gone')), sensor('b', 'iox', modelTemplateId('iox'))], new Map([[modelTemplateId('iox'), 7]]));
    expect(all.map((t) => [t.name, t.sensorIds, t.lastUpdate])).toEqual([
      ['Default', ['a'], 0],
      ['iox sensors', ['b'], 7],
    ]);
  });
});

describe('templateOf', () => {
  it('reads "default" as the default template, an id without case, and nothing else', () => {
    const all = sensorTemplates([sensor('a', 'iox', null)], new Map());
    expect(templateOf(all, 'default')?.id).toBe(DEFAULT_TEMPLATE_ID);
    expect(templateOf(all, modelTemplateId('iox').toUpperCase())?.name).toBe('iox sensors');
    expect(templateOf(all, 'Default')).toBeUndefined();
  });
});
