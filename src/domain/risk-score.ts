/**
 * A device's risk score (API 3.0 `riskScore`, `bestAchievableScore` and the `DeviceRiskScoreStruct`
 * breakdown): what the device is, the riskiest of its activities, how critical its group is, and
 * its worst vulnerability not acknowledged. Pure; integers always.
 *
 * divergence: Cisco describes its score as impact × likelihood without publishing the weights.
 * Ours adds four bounded parts, so that the breakdown sums to the score: device type 0-30,
 * activities 0-25, group 0-20, vulnerabilities 0-25. The best achievable score keeps what a user
 * cannot change (the device type and the group) and assumes activities and vulnerabilities fixed.
 */
import { z } from 'zod';
import { VulnerabilitySchema } from './vulnerability.js';

export const RISK_PARTS = { deviceType: 30, activities: 25, group: 20, vulnerabilities: 25 } as const;

interface Risk {
  score: number;
  description: string;
}

/** By device type (as src/ingest/device-rule.ts names them), compared without case; `other` for a type not listed. */
export const DEVICE_TYPE_RISKS: Readonly<Record<string, Risk>> = {
  plc: { score: 30, description: 'Controllers drive the physical process: a compromise acts on it directly.' },
  rtu: { score: 28, description: 'Remote terminal units switch and protect field equipment.' },
  'engineering station': { score: 26, description: 'Engineering stations can reprogram the controllers.' },
  scada: { score: 24, description: 'SCADA servers supervise and command the process.' },
  hmi: { score: 22, description: 'Operators command the process from HMIs.' },
  'building controller': { score: 18, description: 'Building controllers run heating, ventilation and access.' },
  'io module': { score: 18, description: 'I/O modules read and drive the field signals.' },
  drive: { score: 18, description: 'Drives run motors of the process.' },
  gateway: { score: 16, description: 'Gateways bridge field networks to the control network.' },
  historian: { score: 16, description: 'Historians hold the process data and reach both OT and IT.' },
  switch: { score: 14, description: 'Network equipment carries the process traffic.' },
  router: { score: 14, description: 'Network equipment carries the process traffic.' },
  'network device': { score: 14, description: 'Network equipment carries the process traffic.' },
  server: { score: 12, description: 'Servers host shared services.' },
  computer: { score: 10, description: 'Workstations are common entry points.' },
  printer: { score: 6, description: 'Printers and cameras rarely reach the process.' },
  camera: { score: 6, description: 'Printers and cameras rarely reach the process.' },
  other: { score: 8, description: 'Device type not identified.' },
};

/** By activity tag key: the riskiest one a device takes part in counts. */
export const ACTIVITY_RISKS: Readonly<Record<string, Risk>> = {
  INSECURE: { score: 25, description: 'Insecure protocol or version: credentials or commands in clear text.' },
  SCAN: { score: 25, description: 'Network scanning: reconnaissance of the network.' },
  TELNET: { score: 22, description: 'Telnet sends credentials in clear text.' },
  PROGRAM_DOWNLOAD: { score: 20, description: 'A program was downloaded to a controller.' },
  STOP_CPU: { score: 20, description: 'A controller was stopped.' },
  START_CPU: { score: 18, description: 'A controller was started.' },
  PROGRAM_UPLOAD: { score: 14, description: 'A program was read from a controller.' },
  RDP: { score: 14, description: 'Remote desktop access.' },
  WRITE_VAR: { score: 12, description: 'Process variables were written.' },
  TUNNELING: { score: 12, description: 'Tunnelled traffic hides what it carries.' },
  SMB: { score: 10, description: 'Windows file sharing.' },
  SNMP: { score: 8, description: 'Network management access.' },
  WEB: { score: 6, description: 'Web access.' },
  SSH: { score: 4, description: 'Encrypted remote access.' },
  READ_VAR: { score: 4, description: 'Process variables were read.' },
};

/** Whether a tag can weigh in a device's risk score: only the tags of ACTIVITY_RISKS do. */
export const bearsActivityRisk = (key: string): boolean => Object.hasOwn(ACTIVITY_RISKS, key);

/** The tags that can weigh in a risk score. */
export const RISK_BEARING_TAGS: readonly string[] = Object.keys(ACTIVITY_RISKS);

export const RiskInputSchema = z.object({
  deviceType: z.string(),
  /** The tags of the device's activities (flows): key and label. */
  activityTags: z.array(z.object({ key: z.string(), label: z.string() })),
  group: z.object({ label: z.string(), description: z.string(), criticalness: z.number().int() }).nullable(),
  vulnerabilities: z.array(z.object({ vulnerability: VulnerabilitySchema, acknowledged: z.boolean() })),
});
export type RiskInput = z.infer<typeof RiskInputSchema>;

const score = z.number().int();
export const RiskScoreSchema = z.object({
  riskScore: score.min(0).max(100),
  bestAchievableScore: score.min(0).max(100),
  deviceTypeRisk: z.object({ score, deviceType: z.string(), riskScoreDescription: z.string() }),
  activitiesRisk: z.object({
    score,
    matchingTag: z.object({ key: z.string(), label: z.string(), riskScoreDescription: z.string() }).nullable(),
  }),
  groupRisk: z.object({ score, label: z.string(), description: z.string(), criticalness: z.number().int() }),
  vulnerabilitiesRisk: z.object({ score, mostImpactingVulnerability: VulnerabilitySchema.nullable() }),
});
export type RiskScore = z.infer<typeof RiskScoreSchema>;

const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);

export function riskScore(input: RiskInput): RiskScore {
  const type = DEVICE_TYPE_RISKS[input.deviceType.trim().toLowerCase()] ?? (DEVICE_TYPE_RISKS['other'] as Risk);

  let tag: RiskScore['activitiesRisk']['matchingTag'] = null;
  let activities = 0;
  for (const t of input.activityTags) {
    const risk = ACTIVITY_RISKS[t.key];
    if (risk && (risk.score > activities || (risk.score === activities && tag !== null && t.label < tag.label))) {
      activities = risk.score;
      tag = { key: t.key, label: t.label, riskScoreDescription: risk.description };
    }
  }

  const criticalness = input.group ? clamp(input.group.criticalness, 5) : 0;
  const group = criticalness * (RISK_PARTS.group / 5);

  // The worst open vulnerability: highest CVSS, then the most recently published, then the CVE id.
  let worst: RiskScore['vulnerabilitiesRisk']['mostImpactingVulnerability'] = null;
  for (const { vulnerability: v, acknowledged } of input.vulnerabilities) {
    if (acknowledged) continue;
    if (
      worst === null ||
      v.cvss > worst.cvss ||
      (v.cvss === worst.cvss && (v.publishTime > worst.publishTime || (v.publishTime === worst.publishTime && v.cve < worst.cve)))
    ) {
      worst = v;
    }
  }
  const vulnerabilities = worst === null ? 0 : Math.round(clamp(worst.cvss, 10) * (RISK_PARTS.vulnerabilities / 10));

  const best = type.score + group;
  return {
    riskScore: clamp(best + activities + vulnerabilities, 100),
    bestAchievableScore: clamp(best, 100),
    deviceTypeRisk: { score: type.score, deviceType: input.deviceType, riskScoreDescription: type.description },
    activitiesRisk: { score: activities, matchingTag: tag },
    groupRisk: {
      score: group,
      label: input.group?.label ?? '',
      description: input.group?.description ?? '',
      criticalness: input.group?.criticalness ?? 0,
    },
    vulnerabilitiesRisk: { score: vulnerabilities, mostImpactingVulnerability: worst },
  };
}

/** The risk levels a Center shows (its dashboard widget: low, medium, high): the lowest score of each. */
export const RISK_LEVELS = { medium: 40, high: 70 } as const;
export type RiskLevel = 'low' | 'medium' | 'high';

export const riskLevel = (score: number): RiskLevel => (score >= RISK_LEVELS.high ? 'high' : score >= RISK_LEVELS.medium ? 'medium' : 'low');
