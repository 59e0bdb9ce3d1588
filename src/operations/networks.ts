/**
 * Custom networks written (Cisco's "CustomNetwork": createCustomNetworks, updateCustomNetworks,
 * deleteCustomNetworkSettingsList, validateCustomNetworks; clients.md 1.2 #38, #39, #44). Each
 * bulk write is one transaction: when one item is wrong, none is written. GET /networks/ reads
 * the result.
 */
import { type CustomNetwork, type CustomNetworkType, overlaps, parseCidr } from '../domain/custom-network.js';
import type { Network } from '../domain/queries.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';
import { dropFromPresets } from './presets.js';

export interface NetworkContext {
  store: Store;
  newId: () => string;
}

/** What a client sends for one network; on an update, absent fields stay as they are. */
export interface NetworkFields {
  name?: string;
  type?: CustomNetworkType;
  /** A CIDR network (the route's schema checks the form). */
  ipRange?: string;
  vlanId?: number | null;
  duplicated?: boolean;
  splitDevicesPerSensor?: boolean;
}

/** Cisco's CheckCustomNetworkResult. */
export interface CheckResult {
  nbCmpToRemove: number;
  nbExternalCommToRemove: number;
}

const rangeOf = (n: CustomNetwork): Network => parseCidr(n.ipRange) as Network;

/**
 * The networks after the write must not overlap, except on different VLANs or when both are
 * marked `duplicated` (the same range used at several sites).
 * divergence: Cisco's document states no rule; this is the one its `duplicated` and `vlanId` imply.
 * A clash is a 400 naming the later item (its index in the body) and the network it overlaps.
 */
function checkOverlaps(result: readonly CustomNetwork[], written: ReadonlyMap<string, number>): void {
  for (const [id, index] of written) {
    const n = result.find((x) => x.id === id) as CustomNetwork;
    const clash = result.find(
      (o) => (written.get(o.id) ?? -1) < index && overlaps(rangeOf(n), rangeOf(o)) && o.vlanId === n.vlanId && !(o.duplicated && n.duplicated),
    );
    if (clash) throw errors.badRequest(`Invalid body field "${index}.ipRange": ${n.ipRange} overlaps custom network "${clash.name}" (${clash.ipRange})`);
  }
}

/** The world's networks after creating these (ids given) and updating those; throws the 400/404 of the first wrong item. */
function plan(store: Store, creates: readonly CustomNetwork[], updates: readonly (NetworkFields & { id: string })[]): { created: CustomNetwork[]; updated: CustomNetwork[] } {
  const current = new Map(store.customNetworks.list().map((n) => [n.id, n]));
  const written = new Map<string, number>();
  const updated = updates.map((u, i) => {
    const was = current.get(u.id);
    if (!was) throw errors.notFound('Custom network', u.id);
    if (written.has(u.id)) throw errors.badRequest(`Invalid body field "${i}.id": ${u.id} is given twice`);
    const n: CustomNetwork = { ...was, ...Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined)) };
    current.set(n.id, n);
    written.set(n.id, i);
    return n;
  });
  creates.forEach((n, i) => {
    current.set(n.id, n);
    written.set(n.id, i);
  });
  checkOverlaps([...current.values()], written);
  return { created: [...creates], updated };
}

const withDefaults = (ctx: NetworkContext, f: NetworkFields & Required<Pick<NetworkFields, 'name' | 'type' | 'ipRange'>>): CustomNetwork => ({
  id: ctx.newId(),
  name: f.name,
  type: f.type,
  ipRange: f.ipRange,
  vlanId: f.vlanId ?? null,
  duplicated: f.duplicated ?? false,
  splitDevicesPerSensor: f.splitDevicesPerSensor ?? false,
});

export type NewNetwork = NetworkFields & Required<Pick<NetworkFields, 'name' | 'type' | 'ipRange'>>;

/** Creates networks, in the order given (GET /networks/ lists them last); their new ids. */
export function createNetworks(ctx: NetworkContext, items: readonly NewNetwork[]): string[] {
  return ctx.store.transaction(() => {
    const { created } = plan(ctx.store, items.map((f) => withDefaults(ctx, f)), []);
    for (const n of created) ctx.store.customNetworks.insert(n);
    return created.map((n) => n.id);
  });
}

/** Updates networks by id (absent fields stay); 404 for an unknown one. */
export function updateNetworks(ctx: NetworkContext, items: readonly (NetworkFields & { id: string })[]): void {
  ctx.store.transaction(() => {
    for (const n of plan(ctx.store, [], items).updated) ctx.store.customNetworks.update(n);
  });
}

/** Deletes networks by id; 404 for an unknown one (and none is deleted). The presets filtering on one no longer name it. */
export function deleteNetworks(ctx: NetworkContext, ids: readonly string[]): void {
  ctx.store.transaction(() => {
    for (const id of new Set(ids)) if (!ctx.store.customNetworks.remove(id)) throw errors.notFound('Custom network', id);
    dropFromPresets(ctx.store, { networks: ids });
  });
}

/**
 * Checks networks as POST (isCreate) or PUT /networks/ would, writing nothing, and counts what
 * they would take away: the components in an External range (they become external addresses),
 * and the external communications whose external end falls in an internal range.
 * divergence: Cisco's document only names the counts (CheckCustomNetworkResult); this is what
 * they mean in the Center's custom network settings.
 */
export function checkNetworks(ctx: NetworkContext, items: readonly (NetworkFields & { id?: string })[], isCreate: boolean): CheckResult {
  return ctx.store.transaction(() => {
    let result: CustomNetwork[];
    if (isCreate) {
      result = plan(ctx.store, items.map((f, i) => withDefaults(ctx, required(f, i))), []).created;
    } else {
      result = plan(ctx.store, [], items.map((f, i) => ({ ...f, id: f.id ?? missingId(i) }))).updated;
    }
    const of = (types: readonly CustomNetworkType[]) => result.filter((n) => types.includes(n.type)).map(rangeOf);
    return {
      nbCmpToRemove: ctx.store.customNetworks.componentsIn(of(['External'])),
      nbExternalCommToRemove: ctx.store.customNetworks.externalCommunicationsIn(of(['OT Internal', 'IT Internal'])),
    };
  });
}

function missingId(index: number): never {
  throw errors.badRequest(`Invalid body field "${index}.id": is mandatory`);
}

/** The fields a new network must have; 400 naming the first missing one. */
export function required(f: NetworkFields, index: number): NewNetwork {
  for (const key of ['name', 'type', 'ipRange'] as const) if (f[key] === undefined) throw errors.badRequest(`Invalid body field "${index}.${key}": is mandatory`);
  return f as NewNetwork;
}
