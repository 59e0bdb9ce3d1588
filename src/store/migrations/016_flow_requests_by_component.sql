-- The flows that carry a request (a DNS name, an HTTP host, an SMB share: src/domain/security-
-- insights.ts INSIGHT_PROPERTIES), by the component that opened them. A 3.0 component's
-- `requestsCount` counts its entries here (src/store/component-views.ts REQUESTS_SQL names it,
-- INDEXED BY, so a condition this index cannot serve fails when the statement is prepared; one
-- narrower than this would be evaluated again flow by flow, which test/store/flow-indexes.test.ts
-- catches). flow_prop_request (migration 011), in which each of the component's flows was looked
-- up in turn, is no longer read: the count for a page of 100 components on `large`, pages 100 to
-- 300, in isolation, 2.9 → 0.25 ms (issue 17). A flow's properties are its props_json (flow_prop
-- repeats them, row by row). On an existing `large`, building it takes about 2 s, once.
CREATE INDEX flow_src_request ON flow (src_component)
  WHERE props_json -> '$."dns-query-name"' IS NOT NULL
     OR props_json -> '$."http-host"' IS NOT NULL
     OR props_json -> '$."smb-share"' IS NOT NULL;
DROP INDEX flow_prop_request;
