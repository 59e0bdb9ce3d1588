/**
 * What a batch of ingest derives beyond components and flows (API 3.0's world): the devices
 * of its components (src/ingest/device-rule.ts), the credentials its flows carry in clear, the
 * activities its flows add to, and the flows that reach a public address.
 *
 * Devices and credentials are kept per batch always: they depend on what the batch learned.
 * Activities and external communications are sums over flows: live ingest keeps them per
 * batch. The world build defers them (`deferred`): activities are summed in memory
 * (./activity-tally.ts) and written at its end, external communications found then in what is
 * stored (`flushDeferred`); both cost a fraction of per-batch writes.
 */
import type { CredentialSpec } from '../domain/credentials.js';
import { isPublicIp } from '../domain/network.js';
import { bearsActivityRisk } from '../domain/risk-score.js';
import type { Micros } from '../domain/time.js';
import { type Properties, type TagSet, isEmpty } from '../domain/types.js';
import { type ActivityDelta, pairKey } from '../store/activities.js';
import type { SeenCredential } from '../store/credentials.js';
import type { Store } from '../store/store.js';
import { ActivityTally } from './activity-tally.js';
import { deviceMacOf, deviceTraits } from './device-rule.js';
import { scoreDevices } from './risk-scores.js';

/** A component as the batch holds it: what this module reads and writes of it. */
export interface DerivedSide {
  rowid: number;
  id: string;
  mac: string;
  ip: string | null;
  /** Its normalized name, when it was written apart from its properties (the fixtures). */
  name?: string | null;
  deviceRowid: number | null;
  /** Made by this batch. */
  created: boolean;
  creationTime: Micros;
  lastActiveTime: Micros;
  tags: TagSet;
  properties: Properties;
  changedTags: TagSet;
  changedProps: Record<string, string | null>;
}

/** A flow as the batch holds it. */
export interface DerivedFlow {
  state: { rowid: number; firstSeen: Micros; lastSeen: Micros };
  isNew: boolean;
  src: DerivedSide;
  dst: DerivedSide;
  change: { changedTags: TagSet };
}

/** Packet counts a batch adds to a flow (one direction). */
export interface DerivedStats {
  flowRowid: number;
  nbPackets: number;
  l2Bytes: number;
}

const NONE: Readonly<Record<string, never>> = Object.freeze({});
const node = (s: DerivedSide): number => s.deviceRowid ?? -s.rowid;

/** Deltas written per statement when the tally is written. */
const TALLY_CHUNK = 20_000;

/** Devices whose risk-bearing activity tags live ingest remembers at most (a few tags each). */
const MAX_KNOWN_RISKY = 10_000;

export function createDerived(store: Store, deferred: boolean) {
  const { devices, activities, credentials, externalCommunications } = store;
  const tally = deferred ? new ActivityTally() : undefined;
  // The risk-bearing tags of each device's activities as live ingest last read them to score it,
  // while nothing but this ingest has written since (the store version, as component states).
  // A batch that gives a device's activity a tag it already had elsewhere does not change its
  // score's inputs, so the device is not scored again. In the pipeline bench's new conversations
  // (100 rules: a new activity per flow, many tagged WEB or SSH by the rules), the devices scored
  // per batch went from about 245 to 50-70 in its last ten batches (18 422 → 12 237 in all 50).
  const knownRisky = new Map<number, ReadonlySet<string>>();
  let knownAt: string | undefined;

  return {
    /** The device of a component about to be made, when its address alone makes one (a registered OUI); else null. */
    deviceOfNew(mac: string, ip: string | null, time: Micros): number | null {
      const key = deviceMacOf(mac, ip, NONE, NONE);
      return key === null ? null : devices.ensure(key, time);
    },

    /**
     * What was written without ingest (the guide's fixtures, or a world of an earlier version):
     * its components get the devices ingest would give them, and every activity and external
     * communication is computed again from the flows. Not while deferred sums are held.
     */
    adopt(): void {
      if (tally && tally.size > 0) throw new Error('adopt: deferred activities are held (flushDeferred first)');
      const sides = devices.orphans().map((c): DerivedSide => ({ ...c, deviceRowid: null, created: true, changedTags: {}, changedProps: {} }));
      this.batch().flushDevices(sides);
      activities.rebuild();
      externalCommunications.rebuild();
    },

    /** With `deferred`, after the last batch: writes the activities held, and the external communications. */
    flushDeferred(): void {
      if (!tally) return;
      const node = devices.componentNodes();
      for (const chunk of tally.deltas(node, TALLY_CHUNK)) activities.applyDeltas(chunk);
      externalCommunications.rebuild();
    },

    /** A batch failed: what it read may not be what was kept. */
    forget(): void {
      knownRisky.clear();
      knownAt = undefined;
    },

    batch() {
      const seen = new Map<string, SeenCredential>();
      const eventsByFlow = new Map<number, number>();
      // Live ingest scores again the devices it made or changed, and those whose activities got
      // a risk-bearing tag the device's activities did not have yet.
      const toScore = new Set<number>();
      const riskyAdded = new Map<number, Set<string>>();
      if (!deferred && store.versionNow() !== knownAt) knownRisky.clear();

      /** Devices for the components that now have what makes one; every device told what its components learned. */
      function flushDevices(sides: Iterable<DerivedSide>): void {
        for (const s of sides) {
          const learned = s.created || !isEmpty(s.changedTags) || !isEmpty(s.changedProps);
          if (s.deviceRowid === null && learned) {
            const key = deviceMacOf(s.mac, s.ip, s.properties, s.tags);
            if (key !== null) {
              s.deviceRowid = devices.ensure(key, s.created ? s.creationTime : s.lastActiveTime);
              devices.attach(s.rowid, s.deviceRowid);
              // Its activities (live ingest made them) now end at the device.
              if (!deferred && !s.created) activities.rekey(s.rowid);
            }
          }
          if (s.deviceRowid !== null && learned) {
            devices.applyTraits(s.deviceRowid, s.rowid, deviceTraits(s));
            toScore.add(s.deviceRowid);
          }
        }
      }

      /** What the flows the batch touched add to their activities, and the new ones that reach a public address. */
      function flushTraffic(flows: Iterable<DerivedFlow>, stats: Iterable<DerivedStats>): void {
        const byFlow = new Map<number, ActivityDelta>();
        const deltas = new Map<number, ActivityDelta>();
        const external: { flowRowid: number; internal: number; external: number }[] = [];
        for (const f of flows) {
          const { src, dst, state } = f;
          const [l, r] = src.id <= dst.id ? [src, dst] : [dst, src];
          const key = pairKey(l.rowid, r.rowid);
          let d = deltas.get(key);
          if (!d) {
            const [a, b] = [node(l), node(r)];
            d = { left: l.rowid, right: r.rowid, nodeA: Math.min(a, b), nodeB: Math.max(a, b), first: state.firstSeen, last: state.lastSeen, flows: 0, packets: 0, bytes: 0, events: 0, tags: {} };
            deltas.set(key, d);
          }
          d.first = Math.min(d.first, state.firstSeen);
          d.last = Math.max(d.last, state.lastSeen);
          d.events += eventsByFlow.get(state.rowid) ?? 0;
          for (const tag in f.change.changedTags) if (d.tags[tag] !== 'important') d.tags[tag] = f.change.changedTags[tag] as TagSet[string];
          // Only a tag of ACTIVITY_RISKS can change a score (src/domain/risk-score.ts).
          if (!tally) {
            for (const tag in f.change.changedTags) {
              if (!bearsActivityRisk(tag)) continue;
              for (const n of [d.nodeA, d.nodeB]) {
                if (n <= 0) continue;
                let added = riskyAdded.get(n);
                if (!added) riskyAdded.set(n, (added = new Set()));
                added.add(tag);
              }
            }
          }
          byFlow.set(state.rowid, d);
          if (!f.isNew) continue;
          d.flows++;
          if (tally) continue; // the build finds external communications at its end
          const [srcPublic, dstPublic] = [src.ip !== null && isPublicIp(src.ip), dst.ip !== null && isPublicIp(dst.ip)];
          if (srcPublic !== dstPublic) external.push({ flowRowid: state.rowid, internal: srcPublic ? dst.rowid : src.rowid, external: srcPublic ? src.rowid : dst.rowid });
        }
        for (const s of stats) {
          const d = byFlow.get(s.flowRowid);
          if (d) [d.packets, d.bytes] = [d.packets + s.nbPackets, d.bytes + s.l2Bytes];
        }
        if (tally) {
          for (const d of deltas.values()) tally.add(d);
        } else {
          activities.applyDeltas([...deltas.values()]);
          externalCommunications.record(external);
        }
      }

      return {
        /** A credential a flow carried, accepted by `componentRowid` at `time`. */
        credential(componentRowid: number, c: CredentialSpec, time: Micros): void {
          const key = `${componentRowid}|${c.protocol}|${c.username}`;
          const s = seen.get(key);
          if (!s) seen.set(key, { componentRowid, ...c, first: time, last: time });
          else if (time >= s.last) [s.password, s.algo, s.last] = [c.password, c.algo, time];
          else s.first = Math.min(s.first, time);
        },

        /** An event the batch emitted about a flow. */
        event(flowRowid: number): void {
          eventsByFlow.set(flowRowid, (eventsByFlow.get(flowRowid) ?? 0) + 1);
        },

        /** After the components are written: their devices. */
        flushDevices,

        /** After the flows, their stats and events are written: the rest. */
        flush(flows: Iterable<DerivedFlow>, stats: Iterable<DerivedStats>): void {
          flushTraffic(flows, stats);
          credentials.record([...seen.values()]);
          // The world build scores every device at its end (src/seed/world.ts).
          if (deferred) return;
          for (const [n, tags] of riskyAdded) {
            const known = knownRisky.get(n);
            if (!known || [...tags].some((t) => !known.has(t))) toScore.add(n);
          }
          if (toScore.size > 0) {
            const inputs = store.riskInputs.ofRowids([...toScore]);
            if (knownRisky.size + inputs.length > MAX_KNOWN_RISKY) knownRisky.clear();
            for (const i of inputs) knownRisky.set(i.rowid, new Set(i.input.activityTags.map((t) => t.key)));
            scoreDevices(store, inputs);
          }
          // Last write of the batch (the pipeline writes nothing after this).
          knownAt = store.versionNow();
        },
      };
    },
  };
}

export type Derived = ReturnType<typeof createDerived>;
