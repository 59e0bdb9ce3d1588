/**
 * The vocabulary conversations are written in: a long-lived conversation (`persistent`), a
 * short one (`session`), a relationship that recurs as sessions (`relate`), a client polling a
 * controller (`poll`). It keeps the templates, which endpoints have been shown and revealed,
 * the client ports handed out, the flow property table and who reads which controller.
 */
import type { Micros } from '../../domain/time.js';
import type { Random } from '../../random.js';
import type { Relations } from './fit.js';
import { DOMAIN } from './identity.js';
import { KIND, KIND_SPECS, type KindSpec } from './kinds.js';
import { Templates } from './templates.js';
import type { Device, Topology } from './topology.js';

type Props = Record<string, string>;

export interface Client {
  ep: number;
  first: Micros;
  last: Micros;
  write: boolean;
}

export interface BuilderInput {
  flows: number;
  historyStart: Micros;
  end: Micros;
  sensorUntil: readonly Micros[];
}

const HOUR = 3_600_000_000;

/** The conversation a client polls a controller with, by the controller's protocol. */
export const POLL: Readonly<Record<string, number>> = {
  s7: KIND.S7_POLL,
  s7plus: KIND.S7PLUS_POLL,
  enip: KIND.ENIP_POLL,
  modbus: KIND.MODBUS_POLL,
  opcua: KIND.OPCUA,
  dnp3: KIND.DNP3,
  iec104: KIND.IEC104,
  bacnet: KIND.BACNET,
};

export class ConversationBuilder {
  readonly t: Templates;
  readonly covered: Uint8Array;
  readonly revealed: Uint8Array;
  readonly propTable: Props[] = [];
  /** Server endpoint → the clients that read (or write) its data. */
  readonly clients = new Map<number, Client[]>();
  readonly rel: Relations = { src: [], dst: [], kind: [], variant: [], dport: [], w: [] };
  private readonly nextPort: Int32Array;
  private readonly propIndex = new Map<string, number>();

  constructor(
    private readonly topo: Topology,
    private readonly rng: Random,
    private readonly input: BuilderInput,
  ) {
    const n = topo.endpoints.length;
    this.t = new Templates(Math.max(1024, Math.min(input.flows + 1024, 1 << 21)));
    this.covered = new Uint8Array(n);
    this.revealed = new Uint8Array(n);
    this.nextPort = new Int32Array(n);
  }

  private devOf(ep: number): Device | undefined {
    const d = this.topo.endpoints[ep]?.device ?? -1;
    return d >= 0 ? this.topo.devices[d] : undefined;
  }

  startOf(ep: number): Micros {
    return this.devOf(ep)?.start ?? this.input.historyStart;
  }

  /** The sensor of the cell side of a conversation; the core sensor otherwise. */
  private sensorOf(src: number, dst: number): number {
    const s = this.devOf(src);
    const d = this.devOf(dst);
    if (d && d.cell >= 0) return d.sensor;
    return s?.sensor ?? d?.sensor ?? -1;
  }

  clamp(x: number): number {
    return Math.min(this.input.end, Math.max(this.input.historyStart, Math.floor(x)));
  }

  /** The next client port of a host: Windows-like, increasing from a random start. */
  ephemeral(ep: number): number {
    let p = this.nextPort[ep] as number;
    if (p === 0) p = 49152 + this.rng.int(0, 12_000);
    else {
      p += this.rng.int(1, 4);
      if (p > 65535) p -= 16384;
    }
    this.nextPort[ep] = p;
    return p;
  }

  /** The value a flow of this kind requests (a DNS name, an HTTP host, …), drawn for this client and server. */
  private requestOf(spec: KindSpec, variant: number, src: number, dst: number): string | undefined {
    if (!spec.requests) return undefined;
    const client = this.devOf(src);
    const server = this.devOf(dst);
    const net = this.topo.internet.find((h) => h.ep === dst);
    const values = spec.requests.values(
      {
        office: client?.zone === 'it',
        domain: DOMAIN[client?.zone ?? 'it'],
        server: net ? net.name : (server?.hostname.toLowerCase() ?? ''),
        serverDomain: server ? DOMAIN[server.zone] : '',
        serverRole: net ? 'internet' : (server?.fn ?? ''),
        internet: net !== undefined,
      },
      variant,
    );
    return values.length > 0 ? this.rng.pick(values) : undefined;
  }

  private propsFor(kind: number, variant: number, dst: number, request: string | undefined): number {
    const spec = KIND_SPECS[kind];
    if (!spec || spec.ops) return -1;
    const base = spec.variants[variant % spec.variants.length] ?? {};
    const prefix = spec.identityPrefix;
    const key = `${kind}|${variant}${prefix ? `|${dst}` : ''}${request === undefined ? '' : `|${request}`}`;
    let idx = this.propIndex.get(key);
    if (idx === undefined) {
      const p: Props = {};
      const identity = prefix ? this.topo.endpoints[dst]?.props : undefined;
      if (prefix && identity) for (const [k, v] of Object.entries(identity)) if (k.startsWith(prefix)) p[k] = v;
      Object.assign(p, base);
      if (request !== undefined && spec.requests) p[spec.requests.property] = request;
      idx = Object.keys(p).length === 0 ? -1 : this.propTable.push(p) - 1;
      this.propIndex.set(key, idx);
    }
    return idx;
  }

  /** One flow: its life is clamped to the history, to both devices' presence and to its sensor's. */
  add(src: number, dst: number, kind: number, variant: number, sport: number, dport: number, start: number, stop: number, reps: number): number {
    const spec = KIND_SPECS[kind];
    if (!spec || src < 0 || dst < 0) return -1;
    const { end, sensorUntil } = this.input;
    const sensor = this.sensorOf(src, dst);
    const until = sensor >= 0 ? (sensorUntil[sensor] ?? end) : end;
    const lo = this.clamp(Math.max(this.startOf(src), this.startOf(dst)));
    let a = this.clamp(Math.max(start, lo));
    let b = this.clamp(Math.min(stop, until));
    if (a > b) a = b = this.clamp(Math.max(lo, Math.min(a, until)));
    if (b < a) b = a;
    const essential = !this.covered[src] || !this.covered[dst];
    this.covered[src] = 1;
    this.covered[dst] = 1;
    if (spec.revealSrc) this.revealed[src] = 1;
    if (spec.revealDst) this.revealed[dst] = 1;
    const sp = spec.protocol === null ? -1 : (spec.sport ?? (sport >= 0 ? sport : this.ephemeral(src)));
    const dp = spec.protocol === null ? -1 : spec.dport >= 0 ? spec.dport : dport;
    const props = this.propsFor(kind, variant, dst, this.requestOf(spec, variant, src, dst));
    return this.t.add(src, dst, kind, variant, sp, dp, a, b, reps, props, sensor, essential);
  }

  /** A conversation that lasts the whole history (a poll, cyclic I/O, SNMP): first and last seen. */
  persistent = (src: number, dst: number, kind: number, variant = 0, dport = -1): number => {
    const lo = Math.max(this.startOf(src), this.startOf(dst));
    return this.add(src, dst, kind, variant, -1, dport, lo + this.rng.next() * 6 * HOUR, this.input.end - this.rng.next() * 2 * HOUR, 2);
  };

  /** One short conversation at a random moment of the history. */
  session = (src: number, dst: number, kind: number, variant = 0, dport = -1): number => {
    const spec = KIND_SPECS[kind];
    if (!spec) return -1;
    const lo = Math.max(this.startOf(src), this.startOf(dst));
    const t0 = lo + this.rng.next() * (this.input.end - lo);
    const dur = (spec.session[0] + this.rng.next() * (spec.session[1] - spec.session[0])) * 1_000_000;
    return this.add(src, dst, kind, variant, -1, dport, t0, t0 + dur, 1);
  };

  /** A relationship that recurs as short sessions, each with a fresh client port. */
  relate = (src: number, dst: number, kind: number, variant: number, w: number, dport = -1): void => {
    // A protocol with a fixed client port (BACnet, NTP, CIP I/O) reuses one flow: no new sessions.
    if (src < 0 || dst < 0 || w <= 0 || KIND_SPECS[kind]?.sport !== undefined) return;
    const r = this.rel;
    r.src.push(src);
    r.dst.push(dst);
    r.kind.push(kind);
    r.variant.push(variant);
    r.dport.push(dport);
    r.w.push(w);
  };

  /** A client polling a controller in its protocol; it reads (and sometimes writes) its variables. */
  poll = (client: number, server: Device, writeChance: number, sessionWeight: number, variant?: number): void => {
    const kind = POLL[server.model.protocol];
    if (kind === undefined || client < 0 || server.ipEp < 0) return;
    const write = variant === undefined && this.rng.chance(writeChance);
    const v = variant ?? (write ? 1 : 0);
    const i = this.persistent(client, server.ipEp, kind, v);
    this.relate(client, server.ipEp, kind, v, sessionWeight);
    if (i < 0) return;
    let list = this.clients.get(server.ipEp);
    if (!list) this.clients.set(server.ipEp, (list = []));
    list.push({ ep: client, first: this.t.start[i] as number, last: this.t.stop[i] as number, write });
  };
}
