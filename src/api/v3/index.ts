/**
 * The 3.0 API surface (Cisco's document "Classic API" 3.0.0-5.5.0) over the same world as 1.0.
 * Its own OpenAPI document and documentation page sit in this context, beside the routes; the
 * routes sit one level down, behind the token check (the x-token-id header only), in one
 * visible list.
 */
import activeDiscoveryPolicies from './routes/active-discovery-policies.js';
import baselineDifferences from './routes/baseline-differences.js';
import baselineReviews from './routes/baseline-reviews.js';
import baselines from './routes/baselines.js';
import activeDiscoveryProfiles from './routes/active-discovery-profiles.js';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { requireToken } from '../../plugins/auth.js';
import { documentationPage } from '../../plugins/docs.js';
import { V3 } from '../surfaces.js';
import { V3_DOCS_ROUTE_PREFIX, registerOpenApi } from './openapi.js';
import { type Lookups, lookupsOf } from './serialize/common.js';
import activities from './routes/activities.js';
import activityViews from './routes/activity-views.js';
import componentWrites from './routes/component-writes.js';
import componentViews from './routes/component-views.js';
import components from './routes/components.js';
import deployments from './routes/deployments.js';
import deviceRecords from './routes/device-records.js';
import deviceRiskScore from './routes/device-risk-score.js';
import deviceViews from './routes/device-views.js';
import dashboardRefresh from './routes/dashboard-refresh.js';
import dashboardWidgets from './routes/dashboard-widgets.js';
import devices from './routes/devices.js';
import externalCommunications from './routes/external-communications.js';
import flowViews from './routes/flow-views.js';
import flows from './routes/flows.js';
import globalCredentials from './routes/global-credentials.js';
import groupWrites from './routes/group-writes.js';
import groups from './routes/groups.js';
import labels from './routes/labels.js';
import networkNodes from './routes/network-nodes.js';
import networkWrites from './routes/network-writes.js';
import networks from './routes/networks.js';
import parameters from './routes/parameters.js';
import pcapReplays from './routes/pcap-replays.js';
import presetComponentsActivities from './routes/preset-components-activities.js';
import presetFlowsTags from './routes/preset-flows-tags.js';
import presetGraph from './routes/preset-graph.js';
import presetSettings from './routes/preset-settings.js';
import presetDashboard from './routes/preset-dashboard.js';
import presetStarring from './routes/preset-starring.js';
import presetVulnerabilities from './routes/preset-vulnerabilities.js';
import presetWrites from './routes/preset-writes.js';
import presets from './routes/presets.js';
import reports from './routes/reports.js';
import riskScoreCounts from './routes/risk-score-counts.js';
import riskScorePeriod from './routes/risk-score-period.js';
import securityInsights from './routes/security-insights.js';
import sensorFolders from './routes/sensor-folders.js';
import sensorStats from './routes/sensor-stats.js';
import sensorTemplates from './routes/sensor-templates.js';
import sensorWrites from './routes/sensor-writes.js';
import sensors from './routes/sensors.js';
import tags from './routes/tags.js';
import userProperties from './routes/user-properties.js';
import version from './routes/version.js';
import vulnerabilities from './routes/vulnerabilities.js';
import vulnerabilityAcks from './routes/vulnerability-acks.js';
import vulnerabilityDashboard from './routes/vulnerability-dashboard.js';

export const API_V3_PREFIX = V3.prefix;

declare module 'fastify' {
  interface FastifyInstance {
    /** What the 3.0 serializers look up (tag catalogue, groups), for the store's current version. */
    lookups: () => Lookups;
  }
}

async function routes(app: FastifyInstance): Promise<void> {
  requireToken(app, { query: false });
  app.decorate('lookups', lookupsOf(app.store));
  await app.register(version);
  await app.register(presets);
  await app.register(presetWrites);
  await app.register(presetVulnerabilities);
  await app.register(securityInsights);
  await app.register(vulnerabilities);
  await app.register(vulnerabilityDashboard);
  await app.register(components);
  await app.register(externalCommunications);
  await app.register(flows);
  await app.register(activities);
  await app.register(presetComponentsActivities);
  await app.register(presetFlowsTags);
  await app.register(devices);
  await app.register(deviceRecords);
  await app.register(deviceRiskScore);
  await app.register(networkNodes);
  await app.register(riskScoreCounts);
  await app.register(groups);
  await app.register(groupWrites);
  await app.register(networks);
  await app.register(sensors);
  await app.register(tags);
  // Views over the world (issue 18).
  await app.register(activityViews);
  await app.register(componentViews);
  await app.register(deviceViews);
  await app.register(flowViews);
  await app.register(dashboardWidgets);
  // Writes (issue 16).
  await app.register(labels);
  await app.register(userProperties);
  await app.register(vulnerabilityAcks);
  await app.register(networkWrites);
  await app.register(componentWrites);
  await app.register(globalCredentials);
  await app.register(sensorWrites);
  await app.register(deployments);
  await app.register(presetStarring);
  await app.register(presetSettings);
  await app.register(parameters);
  await app.register(riskScorePeriod);
  await app.register(sensorTemplates);
  await app.register(sensorFolders);
  // Issue 18: reports and PCAP replays.
  await app.register(reports);
  await app.register(pcapReplays);
  // Issue 18: active discovery.
  await app.register(activeDiscoveryProfiles);
  await app.register(activeDiscoveryPolicies);
  // Issue 18: dashboards.
  await app.register(dashboardRefresh);
  await app.register(presetDashboard);
  await app.register(presetGraph);
  await app.register(sensorStats);
  // Issue 18: baselines.
  await app.register(baselines);
  await app.register(baselineDifferences);
  await app.register(baselineReviews);
}

const apiV3: FastifyPluginAsync<{ version: string }> = async (app, opts) => {
  await registerOpenApi(app, opts.version);
  app.openapiDocuments.set(V3.version, () => app.swagger());
  await documentationPage(app, { routePrefix: V3_DOCS_ROUTE_PREFIX, indexPrefix: V3.prefix, title: 'API Documentation 3.0 · Cisco Cyber Vision Center (emulated)' });
  await app.register(routes);
};

export default apiV3;
