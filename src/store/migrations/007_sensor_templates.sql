-- API 3.0 sensor templates (Cisco's "SensorTemplates": GET /admin/sensorTemplates, POST
-- /admin/sensorTemplates/{template_id}/addSensors). The templates themselves are not stored:
-- the Center's default one, and one per sensor model (src/domain/sensor-template.ts). What is
-- stored is the template each sensor is in (null: the default one) and when sensors were last
-- added to a template (µs).
ALTER TABLE sensor ADD COLUMN template_id TEXT;

CREATE TABLE sensor_template_update (
  template_id TEXT PRIMARY KEY,
  last_update INTEGER NOT NULL
) WITHOUT ROWID;
