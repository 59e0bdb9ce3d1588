/** The store: one SQLite file and a repository per resource. Knows nothing of HTTP. */
import { createActivityRepo } from './activities.js';
import { createComponentRepo } from './components.js';
import { createCredentialRepo } from './credentials.js';
import { createCustomNetworkRepo } from './custom-networks.js';
import { type Db, openDb } from './db.js';
import { createDeviceRepo } from './devices.js';
import { createEventRepo } from './events.js';
import { createExternalCommunicationRepo } from './external-communications.js';
import { createFlowRepo } from './flows.js';
import { createGroupContentRepo } from './group-contents.js';
import { createGroupRepo } from './groups.js';
import { createIconRepo, createTagRepo } from './catalog.js';
import { createNetworkNodeRepo } from './network-nodes.js';
import { createNodeCounts } from './node-counts.js';
import { createPortRuleRepo, createPropertyRuleRepo } from './rules.js';
import { createPresetRepo } from './presets.js';
import { createScopeRepo } from './scopes.js';
import { createSecurityInsightRepo } from './security-insights.js';
import { createSensorRepo } from './sensors.js';
import { createSettingRepo } from './settings.js';
import { createTokenRepo } from './tokens.js';
import { createUserPropertyRepo } from './user-properties.js';
import { createVariableRepo } from './variables.js';
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
  const devices = createDeviceRepo(db, components, nodeCounts);
  return {
    db,
    path,
    components,
    flows: createFlowRepo(db, pager),
    events: createEventRepo(db, pager),
    groups: createGroupRepo(db, components),
    groupContents: createGroupContentRepo(db, nodeCounts),
    sensors: createSensorRepo(db),
    variables: createVariableRepo(db),
    tags: createTagRepo(db, version),
    icons: createIconRepo(db),
    propertyRules: createPropertyRuleRepo(db, others),
    portRules: createPortRuleRepo(db, others),
    tokens: createTokenRepo(db, version),
    // API 3.0's world, learned from traffic like the rest (src/ingest/).
    devices,
    networkNodes: createNetworkNodeRepo(db, components, devices, nodeCounts),
    activities: createActivityRepo(db, pager),
    credentials: createCredentialRepo(db),
    externalCommunications: createExternalCommunicationRepo(db),
    securityInsights: createSecurityInsightRepo(db, components),
    settings: createSettingRepo(db, version),
    vulnerabilities: createVulnerabilityRepo(db),
    presets: createPresetRepo(db),
    scopes: createScopeRepo(db),
    customNetworks: createCustomNetworkRepo(db),
    userProperties: createUserPropertyRepo(db),
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
