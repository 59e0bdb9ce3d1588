-- API 3.0 baselines (Cisco's "Baselines", "BaselineDifferences"): a baseline is what a preset's
-- scope held when it was made, kept compactly: each component's tags and properties as they were
-- (its tags_json and props_json), each activity's tags and variable accesses. An activity is kept
-- by its two components, not by its rowid: ingest rebuilds the activity table. The differences
-- are computed against the live world at each read (src/domain/baseline.ts); a review that does
-- not change the baseline (nack: reported abnormal, ignore) is a row of baseline_review, valid as
-- long as the difference keeps the value it had. Labels are unique without case.
CREATE TABLE baseline (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  preset_rowid    INTEGER NOT NULL REFERENCES preset (rowid) ON DELETE CASCADE,
  label           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  creator_email   TEXT NOT NULL DEFAULT '',
  creation_time   INTEGER NOT NULL,
  period_start    INTEGER NOT NULL,
  period_end      INTEGER NOT NULL,
  last_edit_time  INTEGER NOT NULL
);
CREATE UNIQUE INDEX baseline_label ON baseline (label COLLATE NOCASE);
CREATE INDEX baseline_preset ON baseline (preset_rowid);

CREATE TABLE baseline_component (
  baseline_rowid  INTEGER NOT NULL REFERENCES baseline (rowid) ON DELETE CASCADE,
  component_rowid INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  tags_json       TEXT NOT NULL,
  props_json      TEXT NOT NULL,
  PRIMARY KEY (baseline_rowid, component_rowid)
) WITHOUT ROWID;
CREATE INDEX baseline_component_component ON baseline_component (component_rowid);

-- tags_json: the activity's tag keys; variables_json: its variable accesses, each
-- "<variable id>/<author component id>/<access type>" (src/domain/baseline.ts `accessKey`).
CREATE TABLE baseline_activity (
  baseline_rowid  INTEGER NOT NULL REFERENCES baseline (rowid) ON DELETE CASCADE,
  left_component  INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  right_component INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  tags_json       TEXT NOT NULL,
  variables_json  TEXT NOT NULL,
  PRIMARY KEY (baseline_rowid, left_component, right_component)
) WITHOUT ROWID;
CREATE INDEX baseline_activity_left ON baseline_activity (left_component);
CREATE INDEX baseline_activity_right ON baseline_activity (right_component);

CREATE TABLE baseline_review (
  baseline_rowid  INTEGER NOT NULL REFERENCES baseline (rowid) ON DELETE CASCADE,
  difference_id   TEXT NOT NULL,
  value           TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('abnormal', 'ignored')),
  comment         TEXT NOT NULL DEFAULT '',
  review_time     INTEGER NOT NULL,
  PRIMARY KEY (baseline_rowid, difference_id)
) WITHOUT ROWID;
