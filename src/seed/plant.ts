/**
 * The deterministic synthetic industrial plant of a scenario (DESIGN: "a realistic industrial
 * network already in it"): sensors, the flow observations their traffic produces (fed to the
 * ingest pipeline, which turns them into components, flows, tags and events), and what users
 * and the Knowledge DB add on top (groups, variables, vulnerabilities, non-flow events, and what
 * API 3.0 reads: acknowledgements, user properties, custom networks, presets).
 *
 * Everything derives from `new Random(profile.seed)` and `end`: the same profile and the same
 * end instant give the same plant. The pieces live in ./plant/:
 *   topology       cells, zones, addressing, devices and their endpoints
 *   identity       the component properties protocols reveal
 *   kinds          protocol catalogue (ports, flow properties, packet sizes, contents)
 *   conversations  who talks to whom, sized to the profile's flow count
 *   stream         templates → time-ordered observations, lazily
 *   exposure       the internet hosts it talks to, the clear-text credentials it sends
 *   requests       what its clients ask for (DNS names, HTTP hosts, SMB shares, TLS names)
 *   extras         groups, variables, vulnerabilities (cves)
 *   events, pcap   non-flow events and the decode-failure capture
 *   networks       the custom networks (the plant's subnets)
 *   presets        the users' presets, and every preset's data state
 *   annotations    acknowledgements and user properties (their own random stream)
 */
import { MICROS_PER_DAY, type Micros } from '../domain/time.js';
import type { CustomNetwork } from '../domain/custom-network.js';
import type { Sensor } from '../domain/types.js';
import type { FlowObservation } from '../ingest/observation.js';
import { EVENT_NAMES, normalizedFields } from '../ingest/normalize.js';
import { Random } from '../random.js';
import { buildAcknowledgements, buildUserProperties, type PlantAck, type PlantUserProperty } from './plant/annotations.js';
import { buildConversations, type Conversations } from './plant/conversations.js';
import { buildEvents, type PlantEvent } from './plant/events.js';
import { buildGroups, buildVariables, buildVulnerabilities, type PlantGroup, type PlantMatch, type PlantVariable } from './plant/extras.js';
import { buildCustomNetworks } from './plant/networks.js';
import { buildPresets, type PlantPreset } from './plant/presets.js';
import { planSensors } from './plant/sensors.js';
import { observationCount, observationStream } from './plant/stream.js';
import { buildTopology, type Endpoint, type Topology } from './plant/topology.js';
import type { ScenarioProfile } from './profile.js';

export type { PlantAck, PlantUserProperty } from './plant/annotations.js';
export type { PlantEvent } from './plant/events.js';
export type { PlantPreset } from './plant/presets.js';
export type { PlantGroup, PlantMatch, PlantVariable } from './plant/extras.js';

export interface Plant {
  sensors: Sensor[];
  /** Every flow observation, in non-decreasing time order, generated lazily (each call starts over). */
  observations(): Generator<FlowObservation>;
  /** Number of observations `observations()` yields. */
  observationCount: number;
  groups: PlantGroup[];
  variables: PlantVariable[];
  vulnerabilities: PlantMatch[];
  /** Events that do not come from a flow; at least one 'Decode Failure' carries a pcap. */
  events: PlantEvent[];
  customNetworks: CustomNetwork[];
  presets: PlantPreset[];
  acknowledgements: PlantAck[];
  userProperties: PlantUserProperty[];
}

/** Whether these properties fill a normalized field the "New properties detected" event names. */
function namesFields(props: Record<string, string> | undefined): string {
  if (!props) return '';
  const f = normalizedFields(props);
  return (Object.keys(EVENT_NAMES) as (keyof typeof f)[])
    .map((k) => f[k] ?? '')
    .join('|');
}

/**
 * The events the ingest pipeline will emit for this plant: one "New component detected" per
 * endpoint, one "New properties detected" per revealed identity (two after a firmware update),
 * one per operation tag of each operation session.
 */
function pipelineEvents(topo: Topology, conv: Conversations): number {
  let n = topo.endpoints.length + conv.opEvents;
  topo.endpoints.forEach((e: Endpoint, i) => {
    if (!conv.revealed[i]) return;
    const a = namesFields(e.props);
    if (a.replace(/\|/g, '') !== '') n++;
    if (e.late && namesFields(e.late) !== a) n++;
  });
  return n;
}

export function generatePlant(profile: ScenarioProfile, end: Micros): Plant {
  const rng = new Random(profile.seed);
  const historyStart = end - Math.round(profile.historyDays * MICROS_PER_DAY);
  const topo = buildTopology({ rng, components: profile.components, sensors: profile.sensors, historyStart, end });

  const sensorName = (i: number): string => {
    if (i === 0) return 'CORE';
    const cell = topo.cells.find((c) => c.sensor === i);
    return cell ? cell.code : `S${String(i).padStart(2, '0')}`;
  };
  const plan = planSensors(rng, profile.sensors, historyStart, end, sensorName);
  const conv = buildConversations(topo, rng, {
    flows: profile.flows,
    historyStart,
    end,
    historyDays: profile.historyDays,
    sensorUntil: plan.until,
  });

  const stats = plan.ids.map(() => ({ flows: 0, flowsLastDay: 0 }));
  const dayAgo = end - MICROS_PER_DAY;
  for (let i = 0; i < conv.t.n; i++) {
    const s = stats[conv.t.sensor[i] as number];
    if (!s) continue;
    s.flows++;
    if ((conv.t.stop[i] as number) >= dayAgo) s.flowsLastDay++;
  }
  const sensors = plan.build(stats, conv.t.n);

  const ctx = { rng, topo, historyStart, end };
  const groups = buildGroups(ctx, profile.groups);
  const variables = buildVariables(ctx, conv, profile.variables);
  const vulnerabilities = buildVulnerabilities(ctx, profile.vulnerabilities);
  const fromFlows = pipelineEvents(topo, conv);
  const minimum = Math.max(1, Math.round(profile.events * 0.05));
  const events = buildEvents({
    rng,
    topo,
    conv,
    historyStart,
    end,
    count: Math.max(minimum, profile.events - fromFlows),
    sensorNames: sensors.map((s) => s.name),
    sensorUntil: plan.until,
  });

  // What users note comes from a stream of its own: adding to it moves nothing else of the plant.
  const notes = new Random((profile.seed ^ 0x6e07e5ed) >>> 0);
  const customNetworks = buildCustomNetworks(topo);
  return {
    sensors,
    observations: observationStream(topo, conv, plan.ids, profile.seed),
    observationCount: observationCount(conv),
    groups,
    variables,
    vulnerabilities,
    events,
    customNetworks,
    presets: buildPresets({ groups, sensors, networks: customNetworks, cells: topo.cells, historyStart, end }),
    acknowledgements: buildAcknowledgements(notes, topo, vulnerabilities),
    userProperties: buildUserProperties(notes, topo),
  };
}
