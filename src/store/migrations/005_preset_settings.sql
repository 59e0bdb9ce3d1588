-- A preset's settings (API 3.0 PresetSettings, PUT /presets/{preset_id}/settings), as written:
-- a preset without a row has the defaults (src/domain/preset-settings.ts). They go with their
-- preset. The settings object is kept whole as JSON, as the preset's filters are; its time of
-- writing in microseconds.
CREATE TABLE preset_settings (
  preset_rowid     INTEGER PRIMARY KEY REFERENCES preset (rowid) ON DELETE CASCADE,
  settings_json    TEXT NOT NULL,
  last_edit_update INTEGER NOT NULL
);
