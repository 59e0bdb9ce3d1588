/**
 * Cisco 3.0 putRiskScorePeriod: "Set the activity tags period used to compute risk scores", one
 * transaction. Only the tags of activities seen in the period weigh in a device's risk score
 * (src/store/risk-inputs.ts); every device is scored again at once, so that /devices, their
 * risk score breakdown and the dashboard counts follow.
 * divergence: the period ends at the world's newest activity, not at the clock's now: a world
 * built at some time keeps its scores however long ago that was, and the same world gives the
 * same scores. Devices scored later (live ingest, groups, acknowledgements) are scored with the
 * period as it then ends.
 */
import { scoreAllDevices } from '../ingest/risk-scores.js';
import type { Store } from '../store/store.js';

export function setActivityTagsPeriod(store: Store, seconds: number): void {
  store.transaction(() => {
    store.settings.set('risk_score.activity_tags_period', String(seconds));
    scoreAllDevices(store);
  });
}
