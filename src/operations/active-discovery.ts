/**
 * Active discovery (Cisco 3.0 "ActiveDiscovery": createProfile, editProfile, deleteProfile,
 * runOnceProfile, startSchedulingProfile, stopSchedulingProfile, createPolicy, updatePolicy,
 * deletePolicy). No packet is sent: a run is a scan record made at once on the injected clock.
 * Each operation is one transaction and throws ApiErrors before its first write.
 */
import type { Clock } from '../clock.js';
import { type AdPolicy, type AdProfile, type AdProtocol, runScan } from '../domain/active-discovery.js';
import { msFromMicros } from '../domain/time.js';
import { ApiError, errors } from '../errors.js';
import type { Store } from '../store/store.js';

export interface ActiveDiscoveryContext {
  store: Store;
  clock: Clock;
  newId: () => string;
}

export const activeDiscoveryErrors = {
  /** divergence: Cisco documents no 409; names are unique without case. */
  profileNameTaken: (name: string) => new ApiError(409, `An active discovery profile with the name "${name}" already exists`),
  policyNameTaken: (name: string) => new ApiError(409, `An active discovery policy with the name "${name}" already exists`),
  /** Cisco's 400 "invalid payload", naming the field. */
  field: (field: string, why: string) => new ApiError(400, `Invalid body field "${field}": ${why}`),
};

/** What a profile body gives (Cisco's ActiveDiscoveryProfile, its writable fields); absent fields stay on an edit. */
export type ProfileFields = Partial<Omit<AdProfile, 'id' | 'scheduled'>>;
export type PolicyFields = Partial<Omit<AdPolicy, 'id' | 'broadcast' | 'unicast'>> & {
  broadcast?: (Omit<AdProtocol, 'id'> & { id?: string })[];
  unicast?: (Omit<AdProtocol, 'id'> & { id?: string })[];
};

function profileOf(store: Store, id: string): AdProfile {
  const p = store.activeDiscovery.profile(id);
  if (!p) throw errors.notFound('Active discovery profile', id);
  return p;
}
function policyOf(store: Store, id: string): AdPolicy {
  const p = store.activeDiscovery.policy(id);
  if (!p) throw errors.notFound('Active discovery policy', id);
  return p;
}

/**
 * The references a profile holds must exist: its policy, presets and sensors (Cisco's 400
 * "invalid payload", naming the item). divergence: a sensor named must have active discovery
 * on (interfaces set through POST /sensors/active-discovery); the document does not say.
 */
function checkProfile(store: Store, p: AdProfile): void {
  const taken = store.activeDiscovery.profileNamed(p.name);
  if (taken !== undefined && taken !== p.id) throw activeDiscoveryErrors.profileNameTaken(p.name);
  if (p.policyId !== null && !store.activeDiscovery.policy(p.policyId)) throw activeDiscoveryErrors.field('policyId', `unknown policy ${p.policyId}`);
  p.presetIds.forEach((id, i) => {
    if (!store.presets.get(id)) throw activeDiscoveryErrors.field(`presets.${i}.id`, `unknown preset ${id}`);
  });
  p.sensorIds.forEach((id, i) => {
    const s = store.sensors.get(id);
    if (!s) throw activeDiscoveryErrors.field(`sensors.${i}.id`, `unknown sensor ${id}`);
    if ((s.activeDiscovery ?? []).length === 0) throw activeDiscoveryErrors.field(`sensors.${i}.id`, `active discovery is disabled on the sensor ${id} (POST /sensors/active-discovery)`);
  });
  if (p.startTime > 0 && p.endTime > 0 && p.endTime < p.startTime) throw activeDiscoveryErrors.field('endTime', 'must not be before startTime');
}

const distinct = (ids: readonly string[]) => [...new Set(ids)];

/** divergence: a new profile is NOT_SCHEDULED (start schedules it); `allSensorSelected` drops the sensors given. */
export function createProfile(ctx: ActiveDiscoveryContext, f: ProfileFields & { name: string }): AdProfile {
  return ctx.store.transaction(() => {
    const all = f.allSensorSelected ?? false;
    const p: AdProfile = {
      id: ctx.newId(),
      name: f.name,
      policyId: f.policyId || null,
      allSensorSelected: all,
      sensorIds: all ? [] : distinct(f.sensorIds ?? []),
      presetIds: distinct(f.presetIds ?? []),
      ipRanges: f.ipRanges ?? [],
      ipTargets: f.ipTargets ?? [],
      runOnce: f.runOnce ?? '',
      scanFrequency: f.scanFrequency ?? '',
      scheduled: false,
      startTime: f.startTime ?? 0,
      endTime: f.endTime ?? 0,
    };
    checkProfile(ctx.store, p);
    ctx.store.activeDiscovery.saveProfile(p, true);
    return p;
  });
}

/** The fields given replace, absent ones stay (the scheduling state and last scan too). */
export function editProfile(ctx: ActiveDiscoveryContext, id: string, f: ProfileFields): void {
  ctx.store.transaction(() => {
    const old = profileOf(ctx.store, id);
    const defined = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as ProfileFields;
    const p: AdProfile = { ...old, ...defined, id, scheduled: old.scheduled };
    if (f.policyId !== undefined) p.policyId = f.policyId || null;
    p.sensorIds = p.allSensorSelected ? [] : distinct(p.sensorIds);
    p.presetIds = distinct(p.presetIds);
    checkProfile(ctx.store, p);
    ctx.store.activeDiscovery.saveProfile(p, false);
  });
}

export function deleteProfile(ctx: ActiveDiscoveryContext, id: string): void {
  ctx.store.transaction(() => {
    if (!ctx.store.activeDiscovery.deleteProfile(id)) throw errors.notFound('Active discovery profile', id);
  });
}

/**
 * The sensors a run uses: those named, or with `allSensorSelected` every sensor whose active
 * discovery is on (divergence: the document does not say which "all" are).
 */
export function profileSensorIds(store: Store, p: AdProfile): string[] {
  if (!p.allSensorSelected) return p.sensorIds;
  return store.sensors.list().filter((s) => (s.activeDiscovery ?? []).length > 0).map((s) => s.id);
}

function recordScan(ctx: ActiveDiscoveryContext, p: AdProfile): void {
  const now = ctx.clock.now();
  const policy = p.policyId === null ? undefined : ctx.store.activeDiscovery.policy(p.policyId);
  const sensors = profileSensorIds(ctx.store, p).flatMap((id) => {
    const s = ctx.store.sensors.get(id);
    return s ? [{ name: s.name, enabled: (s.activeDiscovery ?? []).length > 0 }] : [];
  });
  ctx.store.activeDiscovery.putScan(p.id, runScan(p, policy, sensors, msFromMicros(now), now, ctx.newId));
}

/** Cisco runOnceProfile. divergence: the scan is done at once (no packet is sent) and replaces the last one. */
export function runProfileOnce(ctx: ActiveDiscoveryContext, id: string): void {
  ctx.store.transaction(() => recordScan(ctx, profileOf(ctx.store, id)));
}

/**
 * Cisco startSchedulingProfile: "Set active discovery profile state to SCHEDULED". divergence:
 * the schedule's first run is recorded at once (no later run ever happens); starting a scheduled
 * profile again changes nothing.
 */
export function startProfile(ctx: ActiveDiscoveryContext, id: string): void {
  ctx.store.transaction(() => {
    const p = profileOf(ctx.store, id);
    if (p.scheduled) return;
    ctx.store.activeDiscovery.saveProfile({ ...p, scheduled: true }, false);
    recordScan(ctx, p);
  });
}

/** Cisco stopSchedulingProfile: NOT_SCHEDULED; the last scan stays. */
export function stopProfile(ctx: ActiveDiscoveryContext, id: string): void {
  ctx.store.transaction(() => {
    const p = profileOf(ctx.store, id);
    ctx.store.activeDiscovery.saveProfile({ ...p, scheduled: false }, false);
  });
}

/** divergence: a protocol listed twice in one list (without case) is a 400; a protocol without an id gets one. */
function protocols(ctx: ActiveDiscoveryContext, field: string, list: PolicyFields['broadcast']): AdProtocol[] {
  const seen = new Set<string>();
  return (list ?? []).map((x, i) => {
    const key = x.protocol.toLowerCase();
    if (seen.has(key)) throw activeDiscoveryErrors.field(`${field}.${i}.protocol`, `"${x.protocol}" is listed twice`);
    seen.add(key);
    return { id: x.id || ctx.newId(), protocol: x.protocol, enabled: x.enabled, parameters: x.parameters };
  });
}

function checkPolicyName(store: Store, name: string, own: string | null): void {
  const taken = store.activeDiscovery.policyNamed(name);
  if (taken !== undefined && taken !== own) throw activeDiscoveryErrors.policyNameTaken(name);
}

export function createPolicy(ctx: ActiveDiscoveryContext, f: PolicyFields & { name: string }): AdPolicy {
  return ctx.store.transaction(() => {
    checkPolicyName(ctx.store, f.name, null);
    const p: AdPolicy = { id: ctx.newId(), name: f.name, broadcast: protocols(ctx, 'broadcast', f.broadcast), unicast: protocols(ctx, 'unicast', f.unicast) };
    ctx.store.activeDiscovery.insertPolicy(p);
    return p;
  });
}

/** divergence: PUT merges: the fields given replace, absent ones stay. */
export function updatePolicy(ctx: ActiveDiscoveryContext, id: string, f: PolicyFields): void {
  ctx.store.transaction(() => {
    const old = policyOf(ctx.store, id);
    if (f.name !== undefined) checkPolicyName(ctx.store, f.name, id);
    ctx.store.activeDiscovery.updatePolicy({
      id,
      name: f.name ?? old.name,
      broadcast: f.broadcast ? protocols(ctx, 'broadcast', f.broadcast) : old.broadcast,
      unicast: f.unicast ? protocols(ctx, 'unicast', f.unicast) : old.unicast,
    });
  });
}

/** divergence: the profiles using it are left without a policy (their runs record an ERROR scan); Cisco does not say. */
export function deletePolicy(ctx: ActiveDiscoveryContext, id: string): void {
  ctx.store.transaction(() => {
    if (!ctx.store.activeDiscovery.deletePolicy(id)) throw errors.notFound('Active discovery policy', id);
  });
}
