import { describe, expect, it } from 'vitest';
import { DEVICE_TYPES } from '../../src/ingest/device-rule.js';
import { ACTIVITY_RISKS, DEVICE_TYPE_RISKS, RISK_PARTS, type RiskInput, RiskScoreSchema, riskScore } from '../../src/domain/risk-score.js';
import type { Vulnerability } from '../../src/domain/vulnerability.js';

const vuln = (cve: string, cvss: number, publishTime = 0): Vulnerability => ({
  id: `id-${cve}`,
  cve,
  title: cve,
  summary: '',
  solution: '',
  fullDescription: '',
  cvss,
  cvssTemporal: cvss,
  cvssVersion: 3.1,
  cvssVectorString: '',
  vendorId: '',
  links: [],
  publishTime,
  creationTime: publishTime,
  lastUpdate: publishTime,
});
const base: RiskInput = { deviceType: 'Computer', activityTags: [], group: null, vulnerabilities: [] };
const group = (criticalness: number) => ({ label: 'Filling Line 1', description: 'controllers', criticalness });
const tag = (key: string) => ({ key, label: key.toLowerCase() });

describe('riskScore', () => {
  it('has a part for every device type the device rule gives', () => {
    for (const type of DEVICE_TYPES) expect(DEVICE_TYPE_RISKS[type.toLowerCase()], type).toBeDefined();
  });

  it.each<[string, Partial<RiskInput>, number, number]>([
    ['a computer alone', {}, 10, 10],
    ['a PLC alone', { deviceType: 'PLC' }, 30, 30],
    ['the device type compared without case', { deviceType: '  engineering STATION ' }, 26, 26],
    ['an unknown device type', { deviceType: 'Coffee machine' }, 8, 8],
    ['a group of criticalness 5', { group: group(5) }, 30, 30],
    ['a group of criticalness 0 (1.0 shows it VERY_LOW)', { group: group(0) }, 10, 10],
    ['a criticalness above 5 counts as 5', { group: group(9) }, 30, 30],
    ['the riskiest activity tag only', { activityTags: [tag('SSH'), tag('TELNET'), tag('WEB')] }, 32, 10],
    ['activity tags without risk', { activityTags: [tag('ARP'), tag('NTP')] }, 10, 10],
    ['the worst open vulnerability', { vulnerabilities: [{ vulnerability: vuln('CVE-1', 7.5), acknowledged: false }, { vulnerability: vuln('CVE-2', 9.8), acknowledged: false }] }, 35, 10],
    ['an acknowledged vulnerability does not count', { vulnerabilities: [{ vulnerability: vuln('CVE-2', 9.8), acknowledged: true }, { vulnerability: vuln('CVE-1', 5.0), acknowledged: false }] }, 23, 10],
    ['every part at its worst: 100', { deviceType: 'PLC', group: group(5), activityTags: [tag('INSECURE')], vulnerabilities: [{ vulnerability: vuln('CVE-3', 10), acknowledged: false }] }, 100, 50],
  ])('scores %s', (_, change, score, best) => {
    const r = riskScore({ ...base, ...change });
    expect(r.riskScore).toBe(score);
    expect(r.bestAchievableScore).toBe(best);
    expect(r.deviceTypeRisk.score + r.activitiesRisk.score + r.groupRisk.score + r.vulnerabilitiesRisk.score).toBe(score);
  });

  it('gives the breakdown the document describes, integers only', () => {
    const r = riskScore({
      deviceType: 'HMI',
      activityTags: [tag('WRITE_VAR'), tag('RDP')],
      group: group(3),
      vulnerabilities: [{ vulnerability: vuln('CVE-2021-22681', 9.8), acknowledged: false }],
    });
    expect(RiskScoreSchema.parse(r)).toEqual(r);
    expect(r.deviceTypeRisk).toEqual({ score: 22, deviceType: 'HMI', riskScoreDescription: DEVICE_TYPE_RISKS['hmi']?.description });
    expect(r.activitiesRisk).toEqual({ score: 14, matchingTag: { key: 'RDP', label: 'rdp', riskScoreDescription: ACTIVITY_RISKS['RDP']?.description } });
    expect(r.groupRisk).toEqual({ score: 12, label: 'Filling Line 1', description: 'controllers', criticalness: 3 });
    expect(r.vulnerabilitiesRisk.score).toBe(25);
    expect(r.vulnerabilitiesRisk.mostImpactingVulnerability?.cve).toBe('CVE-2021-22681');
    expect(r.riskScore).toBe(73);
  });

  it('rounds the vulnerability part to an integer', () => {
    const r = riskScore({ ...base, vulnerabilities: [{ vulnerability: vuln('CVE-4', 6.5), acknowledged: false }] });
    expect(r.vulnerabilitiesRisk.score).toBe(16);
    expect(Number.isInteger(r.riskScore)).toBe(true);
  });

  it('has nothing to blame when nothing is open: no matching tag, no vulnerability, an empty group', () => {
    const r = riskScore(base);
    expect(r.activitiesRisk).toEqual({ score: 0, matchingTag: null });
    expect(r.vulnerabilitiesRisk).toEqual({ score: 0, mostImpactingVulnerability: null });
    expect(r.groupRisk).toEqual({ score: 0, label: '', description: '', criticalness: 0 });
  });

  it('breaks a CVSS tie by the most recent publication, then by CVE id', () => {
    const pick = (...vs: Vulnerability[]) =>
      riskScore({ ...base, vulnerabilities: vs.map((vulnerability) => ({ vulnerability, acknowledged: false })) }).vulnerabilitiesRisk.mostImpactingVulnerability?.cve;
    expect(pick(vuln('CVE-A', 9.8, 1), vuln('CVE-B', 9.8, 2))).toBe('CVE-B');
    expect(pick(vuln('CVE-B', 9.8, 2), vuln('CVE-A', 9.8, 2))).toBe('CVE-A');
  });

  it('weighs the four parts as documented: they add up to 100', () => {
    expect(Object.values(RISK_PARTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...Object.values(DEVICE_TYPE_RISKS).map((r) => r.score))).toBe(RISK_PARTS.deviceType);
    expect(Math.max(...Object.values(ACTIVITY_RISKS).map((r) => r.score))).toBe(RISK_PARTS.activities);
  });
});
