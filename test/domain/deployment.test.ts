/** src/domain/deployment.ts: when a deployment generates JWTs, and why not. */
import { describe, expect, it } from 'vitest';
import { type Deployment, unusable } from '../../src/domain/deployment.js';

const NOW = 1_000_000;
const D: Deployment = { id: 'd', name: 'Site', enable: true, creationTime: 0, expirationTime: null, maxUsageCount: 0, usageCount: 0, lastStatus: null };

describe('unusable', () => {
  const cases: [string, Partial<Deployment>, number, string | null][] = [
    ['no limit, no expiry', { usageCount: 500 }, 10, null],
    ['disabled', { enable: false }, 1, 'The deployment "Site" is disabled'],
    ['expired at this instant', { expirationTime: NOW }, 1, 'The deployment "Site" has expired'],
    ['expiring later', { expirationTime: NOW + 1 }, 1, null],
    ['the last uses', { maxUsageCount: 3, usageCount: 1 }, 2, null],
    ['one use too many', { maxUsageCount: 3, usageCount: 1 }, 3, 'The deployment "Site" has 2 uses left, not 3 (1 of 3 uses)'],
    ['used up', { maxUsageCount: 3, usageCount: 3 }, 1, 'The deployment "Site" is used up (3 of 3 uses)'],
    ['used past its limit (lowered since)', { maxUsageCount: 2, usageCount: 5 }, 1, 'The deployment "Site" is used up (5 of 2 uses)'],
  ];
  it.each(cases)('%s', (_, over, count, expected) => {
    expect(unusable({ ...D, ...over }, NOW, count)).toBe(expected);
  });
});
