/**
 * The one ingest pipeline (DESIGN: "one way in for data"): every flow observation — seeded,
 * posted to the control plane or generated as live traffic — goes through `ingest`, which in
 * one transaction finds or creates the two components (guide 5.2), creates or updates the
 * flow, runs the analyzers and applies their effects, and records the events a Center emits.
 *
 * Within a batch, the components it touches are held in memory and written once at the end of
 * the batch (still inside its transaction): a busy PLC is in most observations of a batch.
 */
import { type FlowKey, flowId } from '../domain/ids.js';
import { type Properties, type TagSet, isEmpty } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { FlowDirection, NetworkCategory } from '../domain/vocabulary.js';
import type { ComponentState, NormalizedFields } from '../store/components.js';
import type { NewEvent } from '../store/events.js';
import type { FlowChange, FlowState, NewFlow } from '../store/flows.js';
import type { Store } from '../store/store.js';
import type { PropertyChanges } from '../engine/effects.js';
import { type Analyzer, type EventSpec, type FlowView, knowledgeDbAnalyzer } from './analyzer.js';
import { componentIds } from './component-ids.js';
import { LIVE_HELD_STATES, MAX_HELD_STATES, componentStates } from './component-states.js';
import { type DerivedFlow, type DerivedSide, createDerived } from './derived.js';
import { OPERATION_EVENTS, newComponentEvent } from './knowledge-db.js';
import { type PacketSums, addPackets, differs, mergeProps, mergeTags } from './merge.js';
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
  /**
   * Hold the state of every component across batches (src/ingest/component-states.ts): the
   * world build. Otherwise at most LIVE_HELD_STATES are held.
   */
  holdStates?: boolean;
  /**
   * Hold activities and external communications back until `flushDeferred`, called once after
   * the last batch (the world build: src/ingest/derived.ts).
   */
  deferDerived?: boolean;
}

/** A component as the batch holds it, with what changed since it was read. */
interface Side extends ComponentState, DerivedSide {
  label: string;
  changedProps: PropertyChanges;
  /** The times as read (or inserted): unchanged components are not written back. */
  read: { creationTime: Micros; lastActiveTime: Micros };
}

/** A flow as the batch holds it; `row` is set while it is new (not yet inserted). */
interface FlowSide extends DerivedFlow {
  id: string;
  state: FlowState;
  src: Side;
  dst: Side;
  /** How many observations of the batch saw it so far. */
  observations?: number;
  row: NewFlow | undefined;
  change: FlowChange;
}

export function createIngest(store: Store, options: IngestOptions) {
  const { components, flows, events } = store;
  const idOf = componentIds();
  // All of them held across batches only where asked (the world build): a server's ingest would
  // keep every component of a large plant in memory; it keeps a bounded number.
  const held = componentStates(store.versionNow, (ids) => components.states(ids), options.holdStates ? MAX_HELD_STATES : LIVE_HELD_STATES);
  const derived = createDerived(store, options.deferDerived === true);

  /** One batch: what it has read, held in memory and written back once by `flush`. */
  function batch(observations: readonly FlowObservation[]) {
    const sides = new Map<string, Side>();
    const flowSides = new Map<string, FlowSide>();
    // Written at the end, in the order they were emitted (a new flow's row does not exist yet).
    const pendingEvents: NewEvent[] = [];
    const contents: { flowRowid: number; id: string; time: Micros; direction: FlowDirection; content: Properties }[] = [];
    const stats: PacketSums = new Map();
    // The analyzers are read once per batch: a batch is one transaction, and a rule changed
    // meanwhile applies from the next one.
    const analyzers = [knowledgeDbAnalyzer, ...(options.analyzers?.() ?? [])];
    const more = derived.batch();

    // Ids first, then one read for all the components and flows the batch names.
    const keys = observations.map((o) => {
      const src = idOf(o.src.mac, o.src.ip ?? null);
      const dst = idOf(o.dst.mac, o.dst.ip ?? null);
      const key: FlowKey = { srcComponentId: src, dstComponentId: dst, ethertype: o.ethertype ?? null, protocol: o.protocol ?? null, srcPort: o.src.port ?? null, dstPort: o.dst.port ?? null };
      return { key, flowId: flowId(key) };
    });
    const knownComponents = held.get([...new Set(keys.flatMap((k) => [k.key.srcComponentId, k.key.dstComponentId]))]);
    const knownFlows = flows.states([...new Set(keys.map((k) => k.flowId))]);
    // Inside the write transaction nobody else inserts: new flows are numbered from here.
    let nextFlowRowid = flows.maxRowid() + 1;

    function emit(spec: EventSpec, time: Micros, about: { component: number | null; flow: number | null; src: number | null; dst: number | null }): string {
      const id = options.newId();
      if (about.flow !== null) more.event(about.flow);
      pendingEvents.push({ id, creationTime: time, ...spec, componentRowid: about.component, flowRowid: about.flow, srcComponent: about.src, dstComponent: about.dst });
      return id;
    }

    function endpoint(id: string, ep: ObservedEndpoint, time: Micros, out: IngestResult): Side {
      let side = sides.get(id);
      if (!side) {
        const mac = ep.mac.toLowerCase();
        const ip = ep.ip ?? null;
        const state = knownComponents.get(id);
        if (state) {
          // Spelled out, in the same order as below: one object shape for every side (a spread made
          // a slow object, and this was the pipeline's costliest line).
          const { rowid, creationTime, lastActiveTime, tags, properties, deviceRowid } = state;
          side = { rowid, creationTime, lastActiveTime, tags, properties, deviceRowid, id, mac, ip, created: false, label: ip ?? mac, changedTags: {}, changedProps: {}, read: { creationTime, lastActiveTime } };
        } else {
          const deviceRowid = derived.deviceOfNew(mac, ip, time);
          const rowid = components.insert({ id, mac, ip, creationTime: time, lastActiveTime: time, deviceRowid });
          side = { rowid, creationTime: time, lastActiveTime: time, tags: {}, properties: {}, deviceRowid, id, mac, ip, created: true, label: ip ?? mac, changedTags: {}, changedProps: {}, read: { creationTime: time, lastActiveTime: time } };
          out.createdComponents.push(id);
          out.events.push(emit(newComponentEvent(ip, mac, ep.properties?.['vendor']), time, { component: rowid, flow: null, src: null, dst: null }));
        }
        sides.set(id, side);
      }
      if (time > side.lastActiveTime) side.lastActiveTime = time;
      if (time < side.creationTime) side.creationTime = time;
      return side;
    }

    /** The flow as the batch holds it: read once, or new (numbered, inserted by `flush`). */
    function flowSide(id: string, key: FlowKey, o: FlowObservation, src: Side, dst: Side): FlowSide {
      let side = flowSides.get(id);
      if (!side) {
        const known = knownFlows.get(id);
        const state: FlowState = known ?? { rowid: nextFlowRowid++, firstSeen: o.time, lastSeen: o.time, networkCategory: 'eth', tags: {}, properties: {} };
        side = {
          id,
          state,
          src,
          dst,
          isNew: known === undefined,
          row: known
            ? undefined
            : { id, srcComponent: src.rowid, dstComponent: dst.rowid, srcMac: o.src.mac.toLowerCase(), srcIp: o.src.ip ?? null, srcPort: key.srcPort, dstMac: o.dst.mac.toLowerCase(), dstIp: o.dst.ip ?? null, dstPort: key.dstPort, ethertype: key.ethertype, protocol: key.protocol, sensorId: null, networkCategory: state.networkCategory, firstSeen: o.time, lastSeen: o.time },
          change: { sensorId: null, changedTags: {}, changedProps: {}, lastSeenMoved: false, categoryChanged: false },
        };
        flowSides.set(id, side);
      }
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

    function one(o: FlowObservation, index: number): IngestResult {
      const out: IngestResult = { flowId: '', isNew: false, createdComponents: [], events: [] };
      const { key, flowId: id } = keys[index] as { key: FlowKey; flowId: string };
      const src = endpoint(key.srcComponentId, o.src, o.time, out);
      const dst = endpoint(key.dstComponentId, o.dst, o.time, out);
      learn(src, o.src.properties, o.time, out);
      learn(dst, o.dst.properties, o.time, out);

      out.flowId = id;
      const flow = flowSide(id, key, o, src, dst);
      // New: never seen before this observation (a flow new to the batch is so only once).
      out.isNew = flow.isNew && flow.observations === undefined;
      flow.observations = (flow.observations ?? 0) + 1;
      const { state, change } = flow;
      if (o.time > state.lastSeen) {
        state.lastSeen = o.time;
        change.lastSeenMoved = true;
      }
      if (o.time < state.firstSeen) state.firstSeen = o.time;
      if (o.sensorId) change.sensorId = o.sensorId;
      // A sensor's flow properties are strings only, so nothing here is a removal.
      Object.assign(change.changedProps, mergeProps(state.properties, o.properties));
      const changedTags: TagSet = {};
      const pending: EventSpec[] = [];

      let netcat: NetworkCategory = state.networkCategory;
      // Spelled out, not spread: a spread made a slow object on this hot path.
      const { ethertype, protocol, srcPort, dstPort } = key;
      const view: FlowView = { ethertype, protocol, srcPort, dstPort, properties: state.properties, tags: state.tags };
      for (const analyze of analyzers) {
        const fx = analyze(view);
        if (fx.networkCategory) netcat = fx.networkCategory;
        Object.assign(changedTags, mergeTags(state.tags, fx.flowTags));
        tag(src, fx.srcTags);
        tag(dst, fx.dstTags);
        learn(src, fx.srcProperties, o.time, out);
        learn(dst, fx.dstProperties, o.time, out);
        pending.push(...(fx.events ?? []));
        if (fx.dstCredentials) for (const c of fx.dstCredentials) more.credential(dst.rowid, c, o.time);
      }
      if (netcat !== state.networkCategory) change.categoryChanged = true;
      state.networkCategory = netcat;
      Object.assign(change.changedTags, changedTags);

      const about = { component: null, flow: state.rowid, src: src.rowid, dst: dst.rowid };
      for (const spec of pending) out.events.push(emit(spec, o.time, about));
      for (const t of Object.keys(changedTags)) {
        const op = OPERATION_EVENTS[t];
        if (op) out.events.push(emit({ ...op, message: `${op.shortMessage}: ${src.label} → ${dst.label}` }, o.time, { ...about, component: dst.rowid }));
      }
      for (const c of o.contents ?? []) {
        contents.push({ flowRowid: state.rowid, id: c.id ?? options.newId(), time: c.time ?? o.time, direction: c.direction, content: c.content });
      }
      if (o.packets) addPackets(stats, state.rowid, o.packets);
      return out;
    }

    /** Writes everything back: components, then flows (new ones and their child rows), then what hangs off them. */
    function flush(): void {
      for (const side of sides.values()) {
        if (side.creationTime === side.read.creationTime && side.lastActiveTime === side.read.lastActiveTime && isEmpty(side.changedTags) && isEmpty(side.changedProps)) continue;
        components.save(side, side.changedTags, side.changedProps);
        if (!isEmpty(side.changedProps)) components.setFields(side.rowid, normalizedFields(side.properties));
      }
      more.flushDevices(sides.values());
      const created: { rowid: number; flow: NewFlow; tags: TagSet; properties: Properties }[] = [];
      for (const { state, row, change } of flowSides.values()) {
        if (row) {
          created.push({ rowid: state.rowid, flow: { ...row, sensorId: change.sensorId, networkCategory: state.networkCategory, firstSeen: state.firstSeen, lastSeen: state.lastSeen }, tags: state.tags, properties: state.properties });
        } else {
          flows.update(state, change);
        }
      }
      flows.insertMany(created);
      for (const c of contents) flows.addContent(c.flowRowid, c);
      for (const s of stats.values()) flows.addStats(s.flowRowid, s, s.position);
      for (const e of pendingEvents) events.insert(e);
      more.flush(flowSides.values(), stats.values());
      // Last: the version it records must include every write of the batch.
      held.keep(sides.values());
    }

    return { one, flush };
  }

  return {
    /** What was written without ingest (the fixtures, an older world): devices, activities, external communications. */
    adopt(): void {
      store.transaction(() => derived.adopt());
    },

    /** With `deferDerived`, after the last batch: writes what the batches held back (one transaction). */
    flushDeferred(): void {
      store.transaction(() => derived.flushDeferred());
    },

    /** Ingests a batch in one transaction: all of it, or none of it. */
    ingest(observations: readonly FlowObservation[]): IngestResult[] {
      try {
        return store.transaction(() => {
          const b = batch(observations);
          const results = observations.map(b.one);
          b.flush();
          return results;
        });
      } catch (err) {
        // Its states may have changed in place, even where no write of it moved the version (an
        // ingest inside an outer transaction that goes on).
        held.forget();
        derived.forget();
        throw err;
      }
    },
  };
}

export type Ingest = ReturnType<typeof createIngest>;
