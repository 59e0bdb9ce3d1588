/**
 * Devices' risk scores (API 3.0 `riskScore`, `bestAchievableScore`), computed by the pure
 * src/domain/risk-score.ts from what the store gathers (src/store/risk-inputs.ts) and stored on
 * the devices: by the world build for every device once its groups, vulnerabilities and
 * acknowledgements are there, and by live ingest for the devices a batch made, changed or gave
 * new activity tags.
 */
import { riskScore } from '../domain/risk-score.js';
import type { DeviceRiskInput } from '../store/risk-inputs.js';
import type { Store } from '../store/store.js';

/**
 * Scores the devices of `inputs` and stores the scores that changed; returns how many were
 * scored. Live ingest scores again every device an activity of its batch gave a risk-bearing
 * tag, and most already had it: in the 31st batch of the pipeline bench's new conversations,
 * 74 of the 244 scores changed (an update is a statement, and its row's page written again).
 */
export function scoreDevices(store: Store, inputs: Iterable<DeviceRiskInput>): number {
  let scored = 0;
  for (const { id, input, stored } of inputs) {
    const score = riskScore(input);
    if (score.riskScore !== stored.riskScore || score.bestAchievableScore !== stored.bestAchievableScore) {
      store.devices.setRiskScore(id, score.riskScore, score.bestAchievableScore);
    }
    scored++;
  }
  return scored;
}

/** Scores every device of the world again (in one transaction). */
export function scoreAllDevices(store: Store): number {
  return store.transaction(() => scoreDevices(store, store.riskInputs.all()));
}
