import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseScore, cvssVersion, roundUp, temporalScore, vectorMetrics } from '../../src/domain/cvss.js';

interface Recorded {
  cve: string;
  CVSS: number;
  CVSSVersion: number;
  CVSSTemporal?: number;
  CVSSVectorString?: string;
  cvssVectorString?: string;
}
const recorded = (file: string) => (JSON.parse(readFileSync(new URL(`../../fixtures/v3/${file}`, import.meta.url), 'utf8')) as { sample: Recorded[] }).sample;

describe('cvssVersion', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 3.1],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 3],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 2],
  ])('%s is version %s', (vector, version) => {
    expect(cvssVersion(vector)).toBe(version);
  });
});

describe('vectorMetrics', () => {
  it('reads the metrics, without the version prefix', () => {
    expect(vectorMetrics('CVSS:3.1/AV:N/AC:L/E:U')).toEqual({ AV: 'N', AC: 'L', E: 'U' });
  });
});

describe('roundUp', () => {
  it.each([
    [4.02, 4.1],
    [4.0, 4.0],
    [4.000001, 4.0],
    [8.645, 8.7],
  ])('rounds %s up to %s (CVSS v3.1 section 7.4)', (x, y) => {
    expect(roundUp(x)).toBe(y);
  });
});

describe('baseScore', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
    ['CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 6.5],
    ['CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
    ['CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H', 9.1],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
  ])('%s scores %s', (vector, score) => {
    expect(baseScore(vector)).toBe(score);
  });

  it('gives nothing for a vector without its base metrics', () => {
    expect(baseScore('CVSS:3.1/AV:N/AC:L')).toBeUndefined();
    expect(baseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeUndefined();
  });

  it('scores the vectors of the recorded Center as it did', () => {
    const all = [...recorded('vulnerabilities.json'), ...recorded('component_vulnerabilities.json')];
    for (const v of all) expect(baseScore(v.CVSSVectorString ?? v.cvssVectorString ?? ''), v.cve).toBe(v.CVSS);
  });
});

describe('temporalScore', () => {
  it('applies exploit maturity, remediation level and report confidence, as the recorded Center did', () => {
    for (const v of recorded('component_vulnerabilities.json')) {
      expect(temporalScore(v.CVSS, v.CVSSVectorString as string), v.cve).toBe(v.CVSSTemporal);
      expect(cvssVersion(v.CVSSVectorString as string)).toBe(v.CVSSVersion);
    }
  });

  it('keeps the base score when the vector has no temporal metric', () => {
    expect(temporalScore(9.8, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
  });
});
