/** What sensor templates rest on (src/domain/sensor-template.ts): each sensor's template, and when sensors were last added to each. */
import { DEFAULT_TEMPLATE_ID, type TemplateSensor } from '../domain/sensor-template.js';
import type { Db } from './db.js';

export function createSensorTemplateRepo(db: Db) {
  const sensorsStmt = db.prepare('SELECT id, model, status, template_id AS templateId FROM sensor ORDER BY creation_time, rowid');
  const updatesStmt = db.prepare('SELECT template_id, last_update FROM sensor_template_update');
  const assignStmt = db.prepare('UPDATE sensor SET template_id = ? WHERE id = ?');
  const touchStmt = db.prepare('INSERT INTO sensor_template_update (template_id, last_update) VALUES (?, ?) ON CONFLICT (template_id) DO UPDATE SET last_update = excluded.last_update');
  return {
    sensors(): TemplateSensor[] {
      return sensorsStmt.all() as TemplateSensor[];
    },
    lastUpdates(): Map<string, number> {
      return new Map((updatesStmt.all() as { template_id: string; last_update: number }[]).map((r) => [r.template_id, r.last_update]));
    },
    /** Puts these sensors in the template, at `time` (µs); a sensor of the default template has none. */
    assign(templateId: string, sensorIds: readonly string[], time: number): void {
      for (const id of sensorIds) assignStmt.run(templateId === DEFAULT_TEMPLATE_ID ? null : templateId, id);
      touchStmt.run(templateId, time);
    },
  };
}

export type SensorTemplateRepo = ReturnType<typeof createSensorTemplateRepo>;
