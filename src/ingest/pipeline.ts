/**
 * The one ingest pipeline (DESIGN: "one way in for data"): every flow observation — seeded,
 * posted to the control plane or generated as live traffic — goes through `ingest`, which in
 * one transaction finds or creates the two components (guide 5.2), creates or updates the
 * flow, runs the analyzers and applies their effects, and records the events a Center emits.
 *
 * Within a batch, the components it touches are held in memory and written once at the end of
 * the batch (still inside its transaction): a busy PLC is in most observations of a batch.
 */
import { componentId, flowId } from '../domain/ids.js';
import type { Properties, TagSet } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { NetworkCategory, TagClass } from '../domain/vocabulary.js';
import type { ComponentState, NormalizedFields } from '../store/components.js';
import type { FlowState } from '../store/flows.js';
import type { Store } from '../store/store.js';
import type { PropertyChanges } from '../engine/effects.js';
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

/** A component as the batch holds it, with what changed since it was read. */
interface Side extends ComponentState {
  id: string;
  label: string;
  changedTags: TagSet;
  changedProps: PropertyChanges;
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

/** Merges `add` into `into` (null removes a property); returns the entries that changed. */
function mergeProps(into: Properties, add: PropertyChanges | undefined): PropertyChanges {
  const changed: PropertyChanges = {};
  for (const [name, value] of Object.entries(add ?? {})) {
    if (value === null) {
      if (name in into) {
        delete into[name];
        changed[name] = null;
      }
    } else if (into[name] !== value) changed[name] = into[name] = value;
  }
  return changed;
}

/** Whether `add` would change anything in `into` (most observations repeat what is known). */
function differs(into: Properties, add: PropertyChanges): boolean {
  for (const name in add) if ((into[name] ?? null) !== add[name]) return true;
  return false;
}

const isEmpty = (o: object): boolean => {
  for (const _ in o) return false;
  return true;
};

export function createIngest(store: Store, options: IngestOptions) {
  const { components, flows, events } = store;

  function emit(spec: EventSpec, time: Micros, about: { component: number | null; flow: number | null; src: number | null; dst: number | null }): string {
    const id = options.newId();
    events.insert({ id, creationTime: time, ...spec, componentRowid: about.component, flowRowid: about.flow, srcComponent: about.src, dstComponent: about.dst });
    return id;
  }

  /** One batch: the components it has read, written back by `flush`. */
  function batch() {
    const sides = new Map<string, Side>();
    // The analyzers are read once per batch: a batch is one transaction, and a rule changed
    // meanwhile applies from the next one.
    const analyzers = [knowledgeDbAnalyzer, ...(options.analyzers?.() ?? [])];

    function endpoint(ep: ObservedEndpoint, time: Micros, out: IngestResult): Side {
      const mac = ep.mac.toLowerCase();
      const ip = ep.ip ?? null;
      const key = `${mac}|${ip ?? ''}`;
      let side = sides.get(key);
      if (!side) {
        const id = componentId(mac, ip);
        const state = components.state(id);
        if (state) {
          side = { ...state, id, label: ip ?? mac, changedTags: {}, changedProps: {} };
        } else {
          const rowid = components.insert({ id, mac, ip, creationTime: time, lastActiveTime: time });
          side = { rowid, creationTime: time, lastActiveTime: time, tags: {}, properties: {}, id, label: ip ?? mac, changedTags: {}, changedProps: {} };
          out.createdComponents.push(id);
          // guide 6.6.1: the "New component detected" sample.
          const vendor = ep.properties?.['vendor'];
          const parts = [ip ? `IP ${ip}` : null, `MAC ${mac}`, vendor ? `vendor ${vendor}` : null].filter(Boolean);
          out.events.push(
            emit(
              { severity: 'High', type: 'Classification', family: 'Component', category: 'Identification', shortMessage: 'New component detected', message: `New component detected on the network: ${parts.join(', ')}` },
              time,
              { component: rowid, flow: null, src: null, dst: null },
            ),
          );
        }
        sides.set(key, side);
      }
      if (time > side.lastActiveTime) side.lastActiveTime = time;
      if (time < side.creationTime) side.creationTime = time;
      return side;
    }

    /** Component properties from the sensor or an analyzer; "New properties detected" (guide 5.5). */
    function learn(side: Side, props: PropertyChanges | undefined, time: Micros, out: IngestResult): void {
      if (!props || !differs(side.properties, props)) return;
      const before = normalizedFields(side.properties);
      const changed = mergeProps(side.properties, props);
      if (isEmpty(changed)) return;
      Object.assign(side.changedProps, changed);
      const after = normalizedFields(side.properties);
      const found = (Object.keys(after) as (keyof NormalizedFields)[])
        .filter((k) => after[k] !== before[k] && EVENT_NAMES[k])
        .map((k) => `${EVENT_NAMES[k]}=${after[k]}`);
      if (found.length > 0) {
        out.events.push(
          emit(
            { severity: 'Low', type: 'Classification', family: 'Property', category: 'Identification', shortMessage: 'New properties detected', message: `Found new normalized properties: ${found.join(', ')}` },
            time,
            { component: side.rowid, flow: null, src: null, dst: null },
          ),
        );
      }
    }

    function tag(side: Side, tags: TagSet | undefined): void {
      if (tags && !isEmpty(tags)) Object.assign(side.changedTags, mergeTags(side.tags, tags));
    }

    function one(o: FlowObservation): IngestResult {
      const out: IngestResult = { flowId: '', isNew: false, createdComponents: [], events: [] };
      const src = endpoint(o.src, o.time, out);
      const dst = endpoint(o.dst, o.time, out);
      learn(src, o.src.properties, o.time, out);
      learn(dst, o.dst.properties, o.time, out);

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
      const existing = flows.state(id);
      out.isNew = existing === undefined;
      const state: FlowState = existing ?? { rowid: 0, firstSeen: o.time, lastSeen: o.time, networkCategory: 'eth', tags: {}, properties: {} };
      const lastSeenMoved = o.time > state.lastSeen;
      if (o.time < state.firstSeen) state.firstSeen = o.time;
      if (lastSeenMoved) state.lastSeen = o.time;
      // A sensor's flow properties are strings only, so nothing here is a removal.
      const changedProps = mergeProps(state.properties, o.properties) as Properties;
      const changedTags: TagSet = {};
      const pending: EventSpec[] = [];

      let netcat: NetworkCategory = state.networkCategory;
      const view = { ...key, properties: state.properties, tags: state.tags };
      for (const analyze of analyzers) {
        const fx = analyze(view);
        if (fx.networkCategory) netcat = fx.networkCategory;
        Object.assign(changedTags, mergeTags(state.tags, fx.flowTags));
        tag(src, fx.srcTags);
        tag(dst, fx.dstTags);
        learn(src, fx.srcProperties, o.time, out);
        learn(dst, fx.dstProperties, o.time, out);
        pending.push(...(fx.events ?? []));
      }
      const categoryChanged = netcat !== state.networkCategory;
      state.networkCategory = netcat;

      if (existing) {
        flows.update(state, { sensorId: o.sensorId ?? null, changedTags, changedProps, lastSeenMoved, categoryChanged });
      } else {
        state.rowid = flows.insert(
          {
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
            networkCategory: netcat,
            firstSeen: state.firstSeen,
            lastSeen: state.lastSeen,
          },
          state.tags,
          state.properties,
        );
      }
      const about = { component: null, flow: state.rowid, src: src.rowid, dst: dst.rowid };
      for (const spec of pending) out.events.push(emit(spec, o.time, about));
      for (const t of Object.keys(changedTags)) {
        const op = OPERATION_EVENTS[t];
        if (op) out.events.push(emit({ ...op, message: `${op.shortMessage}: ${src.label} → ${dst.label}` }, o.time, { ...about, component: dst.rowid }));
      }
      for (const c of o.contents ?? []) {
        flows.addContent(state.rowid, { id: c.id ?? options.newId(), time: c.time ?? o.time, direction: c.direction, content: c.content });
      }
      for (const p of o.packets ?? []) {
        flows.addStats(state.rowid, { direction: p.direction, directionMethod: 'detected', nbPackets: p.nbPackets, l2Bytes: p.l2Bytes, l7Bytes: p.l7Bytes });
      }
      return out;
    }

    function flush(): void {
      for (const side of sides.values()) {
        components.save(side, side.changedTags, side.changedProps);
        if (!isEmpty(side.changedProps)) components.setFields(side.rowid, normalizedFields(side.properties));
      }
    }

    return { one, flush };
  }

  return {
    /** Ingests a batch in one transaction: all of it, or none of it. */
    ingest(observations: readonly FlowObservation[]): IngestResult[] {
      return store.transaction(() => {
        const b = batch();
        const results = observations.map(b.one);
        b.flush();
        return results;
      });
    },
  };
}

export type Ingest = ReturnType<typeof createIngest>;
