/**
 * A device's risk score by part (Cisco's `DeviceRiskScoreStruct`), from the pure
 * src/domain/risk-score.ts. CDN reads `deviceTypeRisk.{score,device.deviceType,riskScoreDescription}`,
 * `activitiesRisk.{score,matchingTag.label,matchingTag.riskScoreDescription}` and
 * `groupRisk.{score,label,description,criticalness}` as `x['k']`: without a matching tag,
 * `matchingTag` is a zero-valued tag (as Go prints an empty struct; README quirk 10 shows such an
 * object for a group), never null. `vulnerabilitiesRisk.mostImpactingVulnerability` is null
 * without one (CDN skips a falsy one).
 */
import type { Activity } from '../../../domain/activities.js';
import type { Device } from '../../../domain/devices.js';
import type { RiskScore } from '../../../domain/risk-score.js';
import type { Micros } from '../../../domain/time.js';
import type { Component } from '../../../domain/types.js';
import type { DeviceRiskScoreSchema } from '../schemas/devices.js';
import type { DetailedTagSchema } from '../schemas/tags.js';
import { activity } from './activities.js';
import { vulnerabilityDetail } from './catalogue.js';
import { type Lookups, type Wire, lightDevice, ms, tag } from './common.js';
import { tagDomain } from './tags.js';

const NO_TAG: Wire<typeof DetailedTagSchema> = {
  id: '',
  label: '',
  type: '',
  important: false,
  category: { id: '', label: '', priority_order: 0 },
  description: '',
  domain: '',
  riskScoreDescription: '',
  nbOccurences: 0,
};

export interface RiskScoreContext {
  device: Device;
  score: RiskScore;
  /** The device's activities (with one of its components at an end). */
  activities: readonly Activity[];
  component(id: string): Component | undefined;
  /** When the score was computed. */
  computedAt: Micros;
}

export function deviceRiskScore(x: RiskScoreContext, l: Lookups): Wire<typeof DeviceRiskScoreSchema> {
  const { score } = x;
  const matching = score.activitiesRisk.matchingTag;
  const carrying = matching === null ? [] : x.activities.filter((a) => matching.key in a.tags);
  // The latest of the activities that carry the matching tag.
  const latest = carrying.reduce<Activity | undefined>((best, a) => (best === undefined || a.lastActivity > best.lastActivity ? a : best), undefined);
  const left = latest && x.component(latest.leftId);
  const right = latest && x.component(latest.rightId);
  return {
    deviceTypeRisk: { score: score.deviceTypeRisk.score, device: lightDevice(x.device, l), riskScoreDescription: score.deviceTypeRisk.riskScoreDescription },
    activitiesRisk: {
      score: score.activitiesRisk.score,
      matchingTag:
        matching === null
          ? NO_TAG
          : {
              ...tag(matching.key, carrying.some((a) => a.tags[matching.key] === 'important'), l),
              label: matching.label,
              description: l.tags.get(matching.key)?.description ?? '',
              domain: tagDomain(l.tags.get(matching.key) ?? { it: false, ot: false }),
              riskScoreDescription: matching.riskScoreDescription,
              nbOccurences: carrying.length,
            },
      mostImpactingActivity: latest && left && right ? activity(latest, left, right, l) : null,
    },
    groupRisk: score.groupRisk,
    vulnerabilitiesRisk: {
      score: score.vulnerabilitiesRisk.score,
      mostImpactingVulnerability: score.vulnerabilitiesRisk.mostImpactingVulnerability === null ? null : vulnerabilityDetail(score.vulnerabilitiesRisk.mostImpactingVulnerability),
    },
    deviceEngineLastRun: ms(x.computedAt),
  };
}
