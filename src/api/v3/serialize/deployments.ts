/** Deployments → 3.0 (../schemas/deployments.ts): DeploymentKeyResponse. */
import type { Deployment } from '../../../domain/deployment.js';
import { msFromMicros } from '../../../domain/time.js';
import type { DeploymentKeyResponseSchema } from '../schemas/deployments.js';
import { type Wire, isoSecond } from './common.js';

/**
 * divergence: `deploymentTokens` is always [] (the document does not say which application
 * tokens a deployment holds; the emulator's JWTs are answered by /deployments/jwt). Before the
 * first JWT, `lastDeploymentStatus` is {success: false, error: "", lastUpdateTime: 0}.
 */
export function deploymentKey(d: Deployment): Wire<typeof DeploymentKeyResponseSchema> {
  return {
    id: d.id,
    name: d.name,
    enable: d.enable,
    creationDate: isoSecond(d.creationTime),
    expirationDate: d.expirationTime === null ? '' : isoSecond(d.expirationTime),
    maxUsageCount: d.maxUsageCount,
    usageCount: d.usageCount,
    lastDeploymentStatus: d.lastStatus
      ? { success: d.lastStatus.success, error: d.lastStatus.error, lastUpdateTime: msFromMicros(d.lastStatus.time) }
      : { success: false, error: '', lastUpdateTime: 0 },
    deploymentTokens: [],
  };
}
