import { describe, expect, it } from 'vitest';
import { MICROS_PER_DAY, MICROS_PER_SECOND } from '../../../src/domain/time.js';
import { KDB_RELEASE, knowledgeEntry, matchingTime, stableHash } from '../../../src/seed/knowledge/entries.js';

const spec = {
  id: 'b2ace7ce-afb7-4a8d-b30d-936a2b8712a3',
  cve: 'CVE-2021-22681',
  title: 'Insufficiently protected credentials in Logix controllers',
  summary: 's',
  solution: 'f',
  cvss: 9.8,
  vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C',
  publishTime: Date.UTC(2021, 1, 24, 23) * 1000,
};

describe('knowledgeEntry', () => {
  it('derives the CVSS version and temporal score from the vector (the recorded Center: 3.1 and 8.5)', () => {
    const v = knowledgeEntry(spec);
    expect(v).toMatchObject({ id: spec.id, cve: spec.cve, cvss: 9.8, cvssTemporal: 8.5, cvssVersion: 3.1, vendorId: '', fullDescription: '', links: [] });
  });

  it('enters the advisory 1 to 30 days after publication, updates it later, never after the release', () => {
    const v = knowledgeEntry(spec);
    expect(v.creationTime - v.publishTime).toBeGreaterThanOrEqual(MICROS_PER_DAY);
    expect(v.creationTime - v.publishTime).toBeLessThan(31 * MICROS_PER_DAY);
    expect(v.lastUpdate).toBeGreaterThanOrEqual(v.creationTime);
    const late = knowledgeEntry({ ...spec, publishTime: KDB_RELEASE - MICROS_PER_SECOND });
    expect(late.creationTime).toBe(KDB_RELEASE);
    expect(late.lastUpdate).toBe(KDB_RELEASE);
  });

  it('numbers the links in order, with stable ids unless given', () => {
    const v = knowledgeEntry({ ...spec, links: [{ title: 'a', link: 'https://a' }, { id: 'given', title: 'b', link: 'https://b' }] });
    expect(v.links.map((l) => [l.title, l.order])).toEqual([['a', 0], ['b', 1]]);
    expect(v.links[1]?.id).toBe('given');
    expect(knowledgeEntry({ ...spec, links: [{ title: 'a', link: 'https://a' }] }).links[0]?.id).toBe(v.links[0]?.id);
  });
});

describe('matchingTime', () => {
  it('dates a match within the hour after both the component and the entry were known', () => {
    const t = matchingTime(1_000 * MICROS_PER_SECOND, 2_000 * MICROS_PER_SECOND, 'k');
    expect(t).toBeGreaterThanOrEqual(2_000 * MICROS_PER_SECOND);
    expect(t).toBeLessThan(5_600 * MICROS_PER_SECOND);
    expect(matchingTime(9_000 * MICROS_PER_SECOND, 2_000 * MICROS_PER_SECOND, 'k')).toBe(t + 7_000 * MICROS_PER_SECOND);
  });

  it('is never after the end of the history', () => {
    expect(matchingTime(10, 20, 'k', 15)).toBe(15);
  });
});

describe('stableHash', () => {
  it('is FNV-1a, the same everywhere', () => {
    expect(stableHash('')).toBe(0x811c9dc5);
    expect(stableHash('a')).toBe(0xe40c292c);
  });
});
