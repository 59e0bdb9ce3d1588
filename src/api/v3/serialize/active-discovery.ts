/** Active discovery → 3.0 (../schemas/active-discovery.ts). */
import type { AdPolicy, AdProfile, AdScan } from '../../../domain/active-discovery.js';
import { msFromMicros } from '../../../domain/time.js';
import { profileSensorIds } from '../../../operations/active-discovery.js';
import type { Store } from '../../../store/store.js';
import type { ActiveDiscoveryPolicySchema, ActiveDiscoveryProfileSchema, ActiveDiscoveryScanConsolidatedReportSchema } from '../schemas/active-discovery.js';
import type { Wire } from './common.js';

/** Sensors and presets show their names of now. */
export function adProfile(store: Store, p: AdProfile): Wire<typeof ActiveDiscoveryProfileSchema> {
  const scan = store.activeDiscovery.lastScan(p.id);
  return {
    id: p.id,
    name: p.name,
    allSensorSelected: p.allSensorSelected,
    sensors: profileSensorIds(store, p).flatMap((id) => {
      const s = store.sensors.get(id);
      return s ? [{ id, name: s.name }] : [];
    }),
    presets: p.presetIds.flatMap((id) => {
      const preset = store.presets.get(id);
      return preset ? [{ id, label: preset.label }] : [];
    }),
    policyId: p.policyId ?? '',
    ipRanges: p.ipRanges,
    ipTargets: p.ipTargets,
    runOnce: p.runOnce,
    scanFrequency: p.scanFrequency,
    schedulingStatus: p.scheduled ? 'SCHEDULED' : 'NOT_SCHEDULED',
    startTime: p.startTime,
    endTime: p.endTime,
    lastStartTimeScan: scan ? msFromMicros(scan.startTime) : 0,
    lastStartTimeScanStatus: scan?.status ?? '',
  };
}

export function adPolicy(store: Store, p: AdPolicy): Wire<typeof ActiveDiscoveryPolicySchema> {
  return { id: p.id, name: p.name, broadcast: p.broadcast, unicast: p.unicast, relatedProfiles: store.activeDiscovery.profilesOf(p.id) };
}

export function adScan(s: AdScan): Wire<typeof ActiveDiscoveryScanConsolidatedReportSchema> {
  return { scanID: s.id, startDate: msFromMicros(s.startTime), endDate: msFromMicros(s.endTime), status: s.status, statusText: s.statusText, scanRequests: s.requests };
}
