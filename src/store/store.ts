/** The store: one SQLite file and a repository per resource. Knows nothing of HTTP. */
import { createActiveDiscoveryRepo } from './active-discovery.js';
import { createBaselineRepo } from './baselines.js';
import { createActivityRepo } from './activities.js';
import { createActivityViewRepo } from './activity-views.js';
import { createComponentRepo } from './components.js';
import { createComponentViewRepo } from './component-views.js';
import { createCredentialRepo } from './credentials.js';
import { createCustomNetworkRepo } from './custom-networks.js';
import { type Db, openDb } from './db.js';
import { createDeploymentRepo } from './deployments.js';
import { createDeviceDetailRepo } from './device-details.js';
import { createRowCounts } from './counts.js';
import { createDeviceRepo } from './devices.js';
import { createDashboardCountRepo } from './dashboard-counts.js';
import { createEventRepo } from './events.js';
import { createExternalCommunicationRepo } from './external-communications.js';
import { createFlowRepo } from './flows.js';
import { createFlowViewRepo } from './flow-views.js';
import { createGlobalCredentialRepo } from './global-credentials.js';
import { createGroupContentRepo } from './group-contents.js';
import { createGroupRepo } from './groups.js';
import { createIconRepo, createTagRepo } from './catalog.js';
import { createNetworkNodeList } from './network-node-list.js';
import { createNetworkNodeRepo } from './network-nodes.js';
import { createNodeCounts } from './node-counts.js';
import { createPortRuleRepo, createPropertyRuleRepo } from './rules.js';
import { createPresetRepo } from './presets.js';
import { createRiskInputRepo } from './risk-inputs.js';
import { createScopeRepo } from './scopes.js';
import { createSecurityInsightRepo } from './security-insights.js';
import { createSensorRepo } from './sensors.js';
import { createParameterRepo } from './parameters.js';
import { createPcapReplayRepo } from './pcap-replays.js';
import { createReportRepo } from './reports.js';
import { createSensorFolderRepo } from './sensor-folders.js';
import { createSensorTemplateRepo } from './sensor-templates.js';
import { activityTagsPeriod, createSettingRepo } from './settings.js';
import { createTokenRepo } from './tokens.js';
import { createUserPropertyRepo } from './user-properties.js';
import { createVariableRepo } from './variables.js';
import { createVariableViewRepo } from './variable-views.js';
import { createVulnerabilityRepo } from './vulnerabilities.js';
import { createPager } from './pager.js';
import { commitsByOthers, commitsByOthersNow, storeVersion } from './version.js';

export function openStore(path: string) {
  const db = openDb(path);
  const others = commitsByOthers(db);
  // total_changes() still counts the writes of a transaction that rolled back: a value cached
  // inside it would outlive it. Each rollback moves the version on.
  let rollbacks = 0;
  const changes = storeVersion(db, others);
  const version = (): string => `${changes()}:${rollbacks}`;
  const changesNow = storeVersion(db, commitsByOthersNow(db));
  const pager = createPager(db, version);
  const components = createComponentRepo(db, pager);
  const nodeCounts = createNodeCounts(db);
  const devices = createDeviceRepo(db, components, nodeCounts, pager);
  const flows = createFlowRepo(db, pager);
  const variables = createVariableRepo(db);
  const groups = createGroupRepo(db, components);
  const tags = createTagRepo(db, version);
  const userProperties = createUserPropertyRepo(db);
  const networkNodes = createNetworkNodeRepo(db, components, devices, nodeCounts);
  const componentViews = createComponentViewRepo(db, components, nodeCounts, pager);
  const settings = createSettingRepo(db, version);
  const parameters = createParameterRepo(db);
  return {
    db,
    path,
    components,
    flows,
    events: createEventRepo(db, pager),
    groups,
    groupContents: createGroupContentRepo(db, nodeCounts),
    sensors: createSensorRepo(db),
    /** Which sensor template (3.0 /admin/sensorTemplates) each sensor is in. */
    sensorTemplates: createSensorTemplateRepo(db),
    /** Sensor folders (3.0 /admin/sensorExplorer) and their sensors. */
    sensorFolders: createSensorFolderRepo(db),
    variables,
    tags,
    icons: createIconRepo(db),
    propertyRules: createPropertyRuleRepo(db, others),
    portRules: createPortRuleRepo(db, others),
    tokens: createTokenRepo(db, version),
    // API 3.0's world, learned from traffic like the rest (src/ingest/).
    devices,
    /** What 3.0 shows of devices and network nodes beyond their rows (components in full, their facts). */
    deviceDetails: createDeviceDetailRepo(db, componentViews, userProperties),
    /** What devices' risk scores rest on (src/domain/risk-score.ts), for many devices at once. */
    riskInputs: createRiskInputRepo(db, {
      tagLabel: (key) => tags.labels().get(key),
      group: (id) => groups.summary(id),
      activityTagsPeriod: () => activityTagsPeriod(settings),
    }),
    networkNodes: { ...networkNodes, ...createNetworkNodeList(db, networkNodes) },
    activities: createActivityRepo(db, pager),
    /** What 3.0 shows over activities: their ends by node id, and the tags of their flows, counted. */
    activityViews: createActivityViewRepo(db),
    /** The counters of 3.0's dashboard widgets (events, protocols). */
    dashboardCounts: createDashboardCountRepo(db),
    credentials: createCredentialRepo(db),
    externalCommunications: createExternalCommunicationRepo(db),
    securityInsights: createSecurityInsightRepo(db, componentViews),
    settings,
    /** The Center's parameters (3.0 /parameters), apart from the settings. */
    parameters,
    /** The sensors' global credentials (3.0 /globalCredentials), two of the parameters. */
    globalCredentials: createGlobalCredentialRepo(parameters),
    vulnerabilities: createVulnerabilityRepo(db, components, devices),
    presets: createPresetRepo(db),
    scopes: createScopeRepo(db, version),
    customNetworks: createCustomNetworkRepo(db),
    deployments: createDeploymentRepo(db),
    /** Report definitions, their runs and documents, and the logos (3.0 /reports2/…). */
    reports: createReportRepo(db),
    /** PCAP replays and their tus uploads (3.0 /pcapReplays). */
    pcapReplays: createPcapReplayRepo(db),
    /** Active discovery policies, profiles and their last scans (3.0 "ActiveDiscovery"). */
    activeDiscovery: createActiveDiscoveryRepo(db),
    /** Baselines: what each recorded of its preset's scope, and the reviews of its differences (3.0 /baselines). */
    baselines: createBaselineRepo(db),
    userProperties,
    rowCounts: createRowCounts(db),
    // API 3.0's lists of components and flows: a list request over them, each page completed in bulk.
    componentViews,
    flowViews: createFlowViewRepo(db, flows, components, pager),
    variableViews: createVariableViewRepo(db, variables, components, devices),
    /**
     * Runs `fn` in one transaction: all of it, or none of it. IMMEDIATE takes the write lock
     * first, so a check-then-write cannot race another process on the same file.
     */
    transaction<T>(fn: () => T): T {
      if (db.inTransaction) return fn();
      try {
        return db.transaction(fn).immediate();
      } catch (err) {
        rollbacks++;
        throw err;
      }
    },
    /** Changes whenever anything in the database changes (src/store/version.ts). */
    version,
    /**
     * `version`, with the commits of other connections counted at this call rather than once
     * per synchronous run: for a cache that is written back (ingest's component states), read
     * under the write lock, which must not miss a commit made since the run began.
     */
    versionNow: (): string => `${changesNow()}:${rollbacks}`,
    /** Whether the world has been built (a scenario was loaded into this file). */
    isSeeded(): boolean {
      return this.settings.get('world.created_at') !== undefined;
    },
    close(): void {
      if (db.open) {
        if (path !== ':memory:') db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}

export type Store = ReturnType<typeof openStore>;
export type { Db };
