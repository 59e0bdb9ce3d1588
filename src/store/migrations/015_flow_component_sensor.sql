-- The flows of a component by sensor: a 3.0 component or device detail names the sensors that
-- saw the component's flows (src/store/component-views.ts `sensorNames`), which now steps from
-- one sensor to the next in these indexes (a seek each) instead of reading every flow of the
-- component: a page of 100 devices on `large` 24 ms → 0.5 ms, and a component at the end of
-- 440 000 flows 300 ms → 0.1 ms (issue 17). They replace (x_component, last_seen): last_seen
-- stays in them, so what used them still reads the index alone.
DROP INDEX flow_src_component;
CREATE INDEX flow_src_component ON flow (src_component, sensor_id, last_seen);
DROP INDEX flow_dst_component;
CREATE INDEX flow_dst_component ON flow (dst_component, sensor_id, last_seen);
