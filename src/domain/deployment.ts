/**
 * Deployment keys (Cisco 3.0 "Deployments"): a named budget of sensor enrolments. Each JWT the
 * Center generates under a deployment counts one use; a disabled, expired or used-up deployment
 * generates none.
 */
import type { Micros } from './time.js';

export interface Deployment {
  id: string;
  name: string;
  enable: boolean;
  creationTime: Micros;
  /** null: it never expires. */
  expirationTime: Micros | null;
  /** 0: no limit. */
  maxUsageCount: number;
  usageCount: number;
  /** The outcome of the last JWT generation; null before the first. */
  lastStatus: { success: boolean; error: string; time: Micros } | null;
}

/** Why a deployment cannot generate `count` JWTs now, or null when it can. */
export function unusable(d: Deployment, now: Micros, count: number): string | null {
  if (!d.enable) return `The deployment "${d.name}" is disabled`;
  if (d.expirationTime !== null && d.expirationTime <= now) return `The deployment "${d.name}" has expired`;
  if (d.maxUsageCount > 0 && d.usageCount + count > d.maxUsageCount) {
    const left = Math.max(0, d.maxUsageCount - d.usageCount);
    return left === 0
      ? `The deployment "${d.name}" is used up (${d.usageCount} of ${d.maxUsageCount} uses)`
      : `The deployment "${d.name}" has ${left} use${left > 1 ? 's' : ''} left, not ${count} (${d.usageCount} of ${d.maxUsageCount} uses)`;
  }
  return null;
}
