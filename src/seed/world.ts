/**
 * Builds the Center's world in an empty store: the Knowledge DB (tags, icons, vulnerabilities),
 * the guide's fixtures, then the synthetic plant of a scenario, whose flows go through the one
 * ingest pipeline (DESIGN: "one way in for data"), and what the Knowledge DB and users add on
 * top of it. Same profile and same end instant → same database.
 */
import { centerId } from '../domain/center.js';
import type { Micros } from '../domain/time.js';
import { createIngest } from '../ingest/pipeline.js';
import { storedRules } from '../ingest/analyzer.js';
import { scoreAllDevices } from '../ingest/risk-scores.js';
import { KDB_TAGS } from '../ingest/knowledge-db.js';
import type { FlowObservation } from '../ingest/observation.js';
import { Random } from '../random.js';
import { withDeferredIndexes } from '../store/db.js';
import type { Store } from '../store/store.js';
import { loadFixtureIcons, loadFixtures } from './fixtures.js';
import { knowledgeCatalogue } from './knowledge/catalogue.js';
import { matchingTime } from './knowledge/entries.js';
import { generatePlant, type Plant } from './plant.js';
import type { ScenarioProfile } from './profile.js';

/** The tables the plant's flows fill. */
const BULK_TABLES = ['component', 'component_tag', 'component_prop', 'flow', 'flow_tag', 'flow_prop', 'event'] as const;

export interface WorldOptions {
  profile: ScenarioProfile;
  /** The instant the history ends: the profile's `now`, CCV_NOW, or the clock's now. */
  end: Micros;
  /** Observations per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface WorldSummary {
  scenario: string;
  seed: number;
  end: Micros;
  observations: number;
}

/** Loads the built-in tag catalogue, icons and vulnerability catalogue (the Knowledge DB). */
export function loadKnowledgeDb(store: Store): void {
  for (const t of KDB_TAGS) {
    store.tags.insert({ key: t.key, label: t.label, description: t.desc, category: t.category, type: t.type, it: true, ot: true, origin: 'kdb' });
  }
  loadFixtureIcons(store);
  for (const v of knowledgeCatalogue()) store.vulnerabilities.insert(v);
}

/**
 * The Knowledge DB's matches on the plant (matched once the component was seen), the users'
 * acknowledgements of some, their user properties, the custom networks and the presets.
 */
function loadPlantAnnotations(store: Store, plant: Plant, end: Micros): void {
  const matched = new Map<string, Micros>();
  for (const m of plant.vulnerabilities) {
    const component = store.components.state(m.componentId);
    if (!component) continue;
    const key = `${m.componentId}|${m.vulnerability.id}`;
    const at = matchingTime(component.creationTime, m.vulnerability.creationTime, key, end);
    if (store.vulnerabilities.match(m.componentId, m.vulnerability.id, at, m.reasons)) matched.set(key, at);
  }
  for (const a of plant.acknowledgements) {
    const at = matched.get(`${a.componentId}|${a.vulnerabilityId}`);
    if (at === undefined) continue;
    store.vulnerabilities.acknowledge(a.deviceId, a.vulnerabilityId, { time: Math.min(end, at + a.after), author: a.author, comment: a.comment });
  }
  for (const n of plant.customNetworks) store.customNetworks.insert(n);
  for (const p of plant.presets) store.presets.insert(p.preset, p.dataInfo);
  for (const p of plant.userProperties) store.userProperties.add(p.owner, p.ownerId, { id: p.id, key: p.key, value: p.value }, end);
}

/**
 * What this version builds into a world: 1, the 1.0 world; 2, with API 3.0's objects (devices,
 * activities, the vulnerability catalogue, presets…). A world of an earlier version is rebuilt
 * from its scenario when it is opened (src/startup.ts), keeping tokens and the admin key.
 */
export const WORLD_VERSION = 2;

/** Whether the store holds a world this version built (a store without a world holds none). */
export const isCurrentWorld = (store: Store): boolean => Number(store.settings.get('world.version') ?? 1) >= WORLD_VERSION;

export function buildWorld(store: Store, opts: WorldOptions): WorldSummary {
  const { profile, end } = opts;
  const batchSize = opts.batchSize ?? 20_000;
  store.transaction(() => {
    loadKnowledgeDb(store);
    loadFixtures(store);
  });

  const plant = generatePlant(profile, end);
  // A separate stream for the ids the pipeline draws, so that plant and ids do not interleave.
  const ids = new Random((profile.seed ^ 0x5eed1e55) >>> 0);
  // The rules of the fixtures (guide 6.8) tag the plant's flows as they would any flow.
  // Activities and external communications are written once, at the end.
  const ingest = createIngest(store, { newId: () => ids.uuid4(), analyzers: storedRules(store), holdStates: true, deferDerived: true });
  // The fixtures were written directly: their devices, activities and external communications as ingest makes them.
  ingest.adopt();
  store.transaction(() => {
    for (const s of plant.sensors) store.sensors.insert(s);
  });

  let done = 0;
  // The same pipeline as every other flow, with the secondary indexes built once at the end.
  withDeferredIndexes(store.db, BULK_TABLES, () => {
    let batch: FlowObservation[] = [];
    for (const o of plant.observations()) {
      batch.push(o);
      if (batch.length >= batchSize) {
        ingest.ingest(batch);
        done += batch.length;
        batch = [];
        opts.onProgress?.(done, plant.observationCount);
      }
    }
    if (batch.length > 0) ingest.ingest(batch);
    done += batch.length;
    opts.onProgress?.(done, plant.observationCount);
  });
  ingest.flushDeferred();

  store.transaction(() => {
    const rowid = (id: string) => store.components.rowid(id);
    for (const g of plant.groups) {
      const members = g.componentIds.map(rowid).filter((r): r is number => r !== undefined);
      store.groups.insert(g, members);
    }
    for (const v of plant.variables) {
      const holder = rowid(v.componentId);
      if (holder === undefined) continue;
      const vrow = store.variables.insert(v.id, holder, v.name);
      for (const a of v.authors) {
        const author = rowid(a.componentId);
        if (author === undefined) continue;
        if (a.read) store.variables.recordAccess(vrow, author, 'read', a.read.first, a.read.last);
        if (a.write) store.variables.recordAccess(vrow, author, 'write', a.write.first, a.write.last);
      }
    }
    loadPlantAnnotations(store, plant, end);
    for (const e of plant.events) {
      const r = e.componentId === null ? null : (rowid(e.componentId) ?? null);
      store.events.insert(
        { ...e, componentRowid: r, flowRowid: null, srcComponent: null, dstComponent: null },
        e.data,
      );
    }
    store.settings.set('world.scenario', profile.name);
    store.settings.set('world.seed', String(profile.seed));
    store.settings.set('world.end', String(end));
    store.settings.set('world.created_at', String(end));
    store.settings.set('center.id', centerId(profile.seed));
    store.settings.set('world.version', String(WORLD_VERSION));
  });
  // Once the groups, vulnerabilities and acknowledgements are there: every device's risk score.
  scoreAllDevices(store);
  return { scenario: profile.name, seed: profile.seed, end, observations: done };
}

