-- The flows of a component by sensor: a 3.0 component or device detail names the sensors that
-- saw the component's flows (src/store/component-views.ts SENSOR_NAMES_SQL), which steps from
-- one sensor to the next in these indexes (a seek each) instead of reading every flow of the
-- component: a page of 100 devices on `large` 24 ms → 0.5 ms, and a component at the end of
-- 440 000 flows 300 ms → 0.1 ms (issue 17). Beside (x_component, last_seen), which give a
-- component's flows in their order (1.0 `/flows?from=…`, `to=…`, `/component/{id}/flow`). On an existing `large`,
-- building them takes a few seconds, once.
CREATE INDEX flow_src_sensor ON flow (src_component, sensor_id);
CREATE INDEX flow_dst_sensor ON flow (dst_component, sensor_id);
