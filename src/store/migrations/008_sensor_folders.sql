-- API 3.0 sensor folders (Cisco's "SensorExplorer": /admin/sensorExplorer/folders and
-- /selection/moveTo). A label unique without case ("a folder with the same name must not already
-- exist"); the folder's properties as a JSON array of strings. A sensor in no folder is in the
-- "Root" folder, which is not stored; deleting a folder moves its sensors there ("The folder's
-- sensors are moved to the root folder").
CREATE TABLE sensor_folder (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  label           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  location        TEXT NOT NULL DEFAULT '',
  properties_json TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX sensor_folder_label ON sensor_folder (label COLLATE NOCASE);

ALTER TABLE sensor ADD COLUMN folder_rowid INTEGER REFERENCES sensor_folder (rowid) ON DELETE SET NULL;
CREATE INDEX sensor_folder_rowid ON sensor (folder_rowid);
