/**
 * The one ingest pipeline (DESIGN: "one way in for data"): every flow observation — seeded,
 * posted to the control plane or generated as live traffic — goes through `ingest`, which in
 * one transaction finds or creates the two components (guide 5.2), creates or updates the
 * flow, runs the analyzers and applies their effects, and records the events a Center emits.
 */
import { componentId, flowId } from '../domain/ids.js';
import type { Properties, TagSet } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { TagClass } from '../domain/vocabulary.js';
import type { Store } from '../store/store.js';
import type { NormalizedFields } from '../store/components.js';
import { type Analyzer, type EventSpec, knowledgeDbAnalyzer } from './analyzer.js';
import { EVENT_NAMES, normalizedFields } from './normalize.js';
import type { FlowObservation, ObservedEndpoint } from './observation.js';

export interface IngestResult {
  flowId: string;
  isNew: boolean;
  createdComponents: string[];
  events: string[];
}

export interface IngestOptions {
  /** Analyzers run in order after the Knowledge DB; the rules engine plugs in here. */
  analyzers?: () => Analyzer[];
  /** Ids for events and flow contents (v4-looking); seeded when the world is seeded. */
  newId: () => string;
}

/** Operations on a controller that a Center turns into events (guide 2.1: "Program Download"). */
const OPERATION_EVENTS: Record<string, Omit<EventSpec, 'message'>> = {
  PROGRAM_DOWNLOAD: { severity: 'High', type: 'Behavioral', family: 'PLC Control', category: 'Configuration', shortMessage: 'Program download detected' },
  PROGRAM_UPLOAD: { severity: 'Medium', type: 'Behavioral', family: 'PLC Control', category: 'Configuration', shortMessage: 'Program upload detected' },
  START_CPU: { severity: 'High', type: 'Behavioral', family: 'PLC Control', category: 'Run Orders', shortMessage: 'Start CPU detected' },
  STOP_CPU: { severity: 'Very High', type: 'Behavioral', family: 'PLC Control', category: 'Run Orders', shortMessage: 'Stop CPU detected' },
};

interface Side {
  rowid: number;
  id: string;
  label: string;
}

/** Merges `add` into `into`; returns the entries that changed. 'important' is never downgraded. */
export function mergeTags(into: TagSet, add: TagSet | undefined): TagSet {
  const changed: TagSet = {};
  for (const [tag, cls] of Object.entries(add ?? {})) {
    const current = into[tag];
    const next: TagClass = current === 'important' ? 'important' : cls;
    if (current !== next) changed[tag] = into[tag] = next;
  }
  return changed;
}

function mergeProps(into: Properties, add: Properties | undefined): Properties {
  const changed: Properties = {};
  for (const [name, value] of Object.entries(add ?? {})) {
    if (into[name] !== value) changed[name] = into[name] = value;
  }
  return changed;
}

export function createIngest(store: Store, options: IngestOptions) {
  const { components, flows, events } = store;

  function emit(spec: EventSpec, time: Micros, about: { component: number | null; flow: number | null; src: number | null; dst: number | null }): string {
    const id = options.newId();
    events.insert({
      id,
      creationTime: time,
      ...spec,
      componentRowid: about.component,
      flowRowid: about.flow,
      srcComponent: about.src,
      dstComponent: about.dst,
    });
    return id;
  }

  /** Applies component properties (from the sensor or an analyzer); emits "New properties detected". */
  function learnProperties(side: Side, props: Properties | undefined, time: Micros, out: IngestResult): void {
    if (!props || Object.keys(props).length === 0) return;
    const state = components.state(side.rowid);
    const before = normalizedFields(state.properties);
    const changed = mergeProps(state.properties, props);
    if (Object.keys(changed).length === 0) return;
    components.setProperties(side.rowid, state.properties, changed);
    const after = normalizedFields(state.properties);
    components.setFields(side.rowid, after);
    const found = (Object.keys(after) as (keyof NormalizedFields)[])
      .filter((k) => after[k] !== before[k] && EVENT_NAMES[k])
      .map((k) => `${EVENT_NAMES[k]}=${after[k]}`);
    if (found.length > 0) {
      // guide 5.5: the "New properties detected" sample.
      out.events.push(
        emit(
          { severity: 'Low', type: 'Classification', family: 'Property', category: 'Identification', shortMessage: 'New properties detected', message: `Found new normalized properties: ${found.join(', ')}` },
          time,
          { component: side.rowid, flow: null, src: null, dst: null },
        ),
      );
    }
  }

  function endpoint(ep: ObservedEndpoint, time: Micros, out: IngestResult): Side {
    const mac = ep.mac.toLowerCase();
    const ip = ep.ip ?? null;
    const id = componentId(mac, ip);
    let rowid = components.rowid(id);
    const vendor = ep.properties?.['vendor'] ?? null;
    if (rowid === undefined) {
      rowid = components.insert({ id, mac, ip, creationTime: time, lastActiveTime: time });
      out.createdComponents.push(id);
      // guide 6.6.1: the "New component detected" sample.
      const parts = [ip ? `IP ${ip}` : null, `MAC ${mac}`, vendor ? `vendor ${vendor}` : null].filter(Boolean);
      out.events.push(
        emit(
          { severity: 'High', type: 'Classification', family: 'Component', category: 'Identification', shortMessage: 'New component detected', message: `New component detected on the network: ${parts.join(', ')}` },
          time,
          { component: rowid, flow: null, src: null, dst: null },
        ),
      );
    } else {
      components.touch(rowid, time);
    }
    return { rowid, id, label: ip ?? mac };
  }

  function one(o: FlowObservation): IngestResult {
    const out: IngestResult = { flowId: '', isNew: false, createdComponents: [], events: [] };
    const src = endpoint(o.src, o.time, out);
    const dst = endpoint(o.dst, o.time, out);
    learnProperties(src, o.src.properties, o.time, out);
    learnProperties(dst, o.dst.properties, o.time, out);

    const key = {
      srcComponentId: src.id,
      dstComponentId: dst.id,
      ethertype: o.ethertype ?? null,
      protocol: o.protocol ?? null,
      srcPort: o.src.port ?? null,
      dstPort: o.dst.port ?? null,
    };
    const id = flowId(key);
    out.flowId = id;
    let state = flows.state(id);
    if (!state) {
      out.isNew = true;
      const rowid = flows.insert({
        id,
        srcComponent: src.rowid,
        dstComponent: dst.rowid,
        srcMac: o.src.mac.toLowerCase(),
        srcIp: o.src.ip ?? null,
        srcPort: key.srcPort,
        dstMac: o.dst.mac.toLowerCase(),
        dstIp: o.dst.ip ?? null,
        dstPort: key.dstPort,
        ethertype: key.ethertype,
        protocol: key.protocol,
        sensorId: o.sensorId ?? null,
        networkCategory: 'eth',
        firstSeen: o.time,
        lastSeen: o.time,
      });
      state = { rowid, firstSeen: o.time, lastSeen: o.time, networkCategory: 'eth', tags: {}, properties: {} };
    }
    const lastSeenMoved = o.time > state.lastSeen;
    state.firstSeen = Math.min(state.firstSeen, o.time);
    state.lastSeen = Math.max(state.lastSeen, o.time);
    const changedProps = mergeProps(state.properties, o.properties);
    const changedTags: TagSet = {};
    const about = { component: null, flow: state.rowid, src: src.rowid, dst: dst.rowid };

    const analyzers = [knowledgeDbAnalyzer, ...(options.analyzers?.() ?? [])];
    for (const analyze of analyzers) {
      const fx = analyze({ ...key, properties: state.properties, tags: state.tags });
      if (fx.networkCategory) state.networkCategory = fx.networkCategory;
      Object.assign(changedTags, mergeTags(state.tags, fx.flowTags));
      applyComponentTags(src, fx.srcTags);
      applyComponentTags(dst, fx.dstTags);
      learnProperties(src, fx.srcProperties, o.time, out);
      learnProperties(dst, fx.dstProperties, o.time, out);
      for (const spec of fx.events ?? []) out.events.push(emit(spec, o.time, about));
    }
    for (const tag of Object.keys(changedTags)) {
      const op = OPERATION_EVENTS[tag];
      if (op) out.events.push(emit({ ...op, message: `${op.shortMessage}: ${src.label} → ${dst.label}` }, o.time, { ...about, component: dst.rowid }));
    }
    flows.update(state, o.sensorId ?? null, changedTags, changedProps, lastSeenMoved);

    for (const c of o.contents ?? []) {
      flows.addContent(state.rowid, { id: c.id ?? options.newId(), time: c.time ?? o.time, direction: c.direction, content: c.content });
    }
    for (const p of o.packets ?? []) {
      flows.addStats(state.rowid, { direction: p.direction, directionMethod: 'detected', nbPackets: p.nbPackets, l2Bytes: p.l2Bytes, l7Bytes: p.l7Bytes });
    }
    return out;
  }

  function applyComponentTags(side: Side, tags: TagSet | undefined): void {
    if (!tags || Object.keys(tags).length === 0) return;
    const state = components.state(side.rowid);
    const changed = mergeTags(state.tags, tags);
    if (Object.keys(changed).length > 0) components.setTags(side.rowid, state.tags, changed);
  }

  return {
    /** Ingests a batch in one transaction: all of it, or none of it. */
    ingest(observations: readonly FlowObservation[]): IngestResult[] {
      return store.transaction(() => observations.map(one));
    },
  };
}

export type Ingest = ReturnType<typeof createIngest>;
