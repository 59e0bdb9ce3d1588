import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseScore, cvssVersion, temporalScore } from '../../../src/domain/cvss.js';
import { uuidv5 } from '../../../src/domain/ids.js';
import { VulnerabilitySchema } from '../../../src/domain/vulnerability.js';
import { ADVISORY_VENDORS } from '../../../src/seed/knowledge/advisory-texts.js';
import { SYNTHETIC_ENTRIES, knowledgeCatalogue, syntheticEntries } from '../../../src/seed/knowledge/catalogue.js';
import { KDB_RELEASE } from '../../../src/seed/knowledge/entries.js';
import { CVES } from '../../../src/seed/plant/cves.js';

const catalogue = knowledgeCatalogue();
const synthetic = catalogue.filter((v) => /^CVE-\d{4}-9\d{6}$/.test(v.cve));

describe('knowledgeCatalogue', () => {
  it('holds the plant\'s real advisories and a few thousand synthetic ones, each id once', () => {
    expect(catalogue).toHaveLength(CVES.length + SYNTHETIC_ENTRIES);
    expect(synthetic).toHaveLength(SYNTHETIC_ENTRIES);
    expect(new Set(catalogue.map((v) => v.id)).size).toBe(catalogue.length);
    expect(new Set(synthetic.map((v) => v.cve)).size).toBe(synthetic.length);
  });

  it('keeps the real advisories under the ids and texts 1.0 prints', () => {
    for (const c of CVES) {
      const v = catalogue.find((x) => x.cve === c.cve);
      expect(v, c.cve).toMatchObject({ id: uuidv5(`vulnerability|${c.cve}`), title: c.title, summary: c.summary, solution: c.solution, cvss: c.cvss, cvssVectorString: c.vector });
      expect(v?.publishTime).toBe(Date.parse(`${c.published}T00:00:00Z`) * 1000);
      expect(v?.links[0]?.link).toBe(`https://nvd.nist.gov/vuln/detail/${c.cve}`);
    }
  });

  it('is the same Knowledge DB in every process and scenario: the same ids and CVEs, in the same order', () => {
    const digest = createHash('sha256').update(catalogue.map((v) => `${v.id} ${v.cve}`).join('\n')).digest('hex');
    expect(digest).toBe('01033f77de2ae5b280ba48a8a20c70ff7a562a5abeb53b4e1f6fa27bb40edb96');
    expect(knowledgeCatalogue()).toBe(catalogue);
    expect(syntheticEntries(50)).toEqual(syntheticEntries(50));
  });

  it('lists entries in the order they entered the Knowledge DB', () => {
    for (let i = 1; i < catalogue.length; i++) expect((catalogue[i] as { creationTime: number }).creationTime).toBeGreaterThanOrEqual((catalogue[i - 1] as { creationTime: number }).creationTime);
  });

  it('gives every entry the shape of the domain, and times in order: published, entered, updated, before the release', () => {
    for (const v of catalogue) {
      expect(VulnerabilitySchema.parse(v)).toEqual(v);
      expect(v.creationTime, v.cve).toBeGreaterThanOrEqual(Math.min(v.publishTime, KDB_RELEASE));
      expect(v.lastUpdate, v.cve).toBeGreaterThanOrEqual(v.creationTime);
      expect(v.lastUpdate, v.cve).toBeLessThanOrEqual(KDB_RELEASE);
      expect(v.links.map((l) => l.order)).toEqual(v.links.map((_, i) => i));
    }
  });

  it('scores each synthetic entry from its own vector: base, temporal, version', () => {
    for (const v of synthetic) {
      expect(v.cvss, v.cve).toBe(baseScore(v.cvssVectorString));
      expect(v.cvssTemporal, v.cve).toBe(temporalScore(v.cvss, v.cvssVectorString));
      expect(v.cvssVersion, v.cve).toBe(cvssVersion(v.cvssVectorString));
      expect(v.cvssVersion).toBe(Number(v.cve.slice(4, 8)) <= 2018 ? 3 : 3.1);
    }
  });

  it('spreads the synthetic entries over vendors, years and severities, as a real Knowledge DB', () => {
    const years = new Set(synthetic.map((v) => v.cve.slice(4, 8)));
    expect([...years].sort()).toEqual(['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    for (const vendor of ADVISORY_VENDORS.filter((v) => v.weight >= 4)) {
      expect(synthetic.filter((v) => vendor.products.some((p) => v.summary.includes(p))).length, vendor.name).toBeGreaterThan(50);
    }
    expect(synthetic.filter((v) => v.cvss >= 9).length).toBeGreaterThan(100);
    expect(synthetic.filter((v) => v.cvss < 7).length).toBeGreaterThan(100);
  });
});
