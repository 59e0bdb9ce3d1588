-- The flow tags by tag and class: a preset's tag-list and dashboard count each tag's flows and
-- whether one of them carries it as important (src/store/activity-views.ts `presetTags`). This
-- index covers that count, read in tag order; without it, "All data" on `large` read all of
-- flow_tag (a million rows with their times) and sorted it: 800 ms → 150 ms a dashboard.
CREATE INDEX flow_tag_class ON flow_tag (tag, class);
