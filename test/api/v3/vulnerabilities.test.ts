/** GET /api/3.0/vulnerabilities (the catalogue) and /vulnerabilities/{id}. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VulnerabilityDetailListSchema } from '../../../src/api/v3/schemas/catalogue.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, expectSorted, testCenter, type TestCenter } from '../../helpers.js';
import { recorded, shapeGaps } from './shape.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

interface Detail {
  id: string;
  cve: string;
  title: string;
  CVSS: number;
  CVSSVersion: number;
  publishTime: number;
  [field: string]: unknown;
}

const list = (query = '') => c.json3<Detail[]>(`/vulnerabilities${query}`);

describe('GET /vulnerabilities', () => {
  it('answers the whole catalogue without paging (most entries match nothing)', async () => {
    const all = await list();
    expect(all).toHaveLength(c.store.vulnerabilities.count());
    expect(all.length).toBeGreaterThan(1000);
    expect(new Set(all.map((v) => v.id)).size).toBe(all.length);
  });

  it('answers the shape of a real Center: CVSS upper case, cvssVectorString lower case, publishTime in ms', async () => {
    const page = await list('?page=1&size=50');
    const sk = recorded('GET /api/3.0/vulnerabilities');
    for (const v of page) expect(shapeGaps(v, sk), v.cve).toEqual([]);
    expectShape(VulnerabilityDetailListSchema, page);
    const first = page[0] as Detail;
    const stored = c.store.vulnerabilities.get(first.id);
    expect(first.publishTime).toBe(Math.floor((stored?.publishTime ?? 0) / 1000));
    expect(first['cvssVectorString']).toBe(stored?.cvssVectorString);
    expect(first).not.toHaveProperty('CVSSVectorString');
  });

  it('pages: two pages are the first rows of a page twice their size; a page past the end is []', async () => {
    const [one, two, both] = await Promise.all([list('?page=1&size=7'), list('?page=2&size=7'), list('?page=1&size=14')]);
    expect([...one, ...two]).toEqual(both);
    expect(one).toHaveLength(7);
    const last = Math.ceil(c.store.vulnerabilities.count() / 1000) + 1;
    expect(await list(`?page=${last}&size=1000`)).toEqual([]);
  });

  it('finds a CVE with filter=cve: exactly, without case (CDN, UZ)', async () => {
    const [found] = await list('?filter=cve:cve-2021-22681');
    expect(found?.cve).toBe('CVE-2021-22681');
    expect(await list('?filter=cve:CVE-2021-2268')).toEqual([]);
    expect(await list('?filter=cve:CVE-2021-22681')).toHaveLength(c.store.vulnerabilities.count({ cve: 'CVE-2021-22681' }));
  });

  it('filters on a title substring and on a CVSS score', async () => {
    const titled = await list('?filter=title:rockwell');
    expect(titled.length).toBeGreaterThan(0);
    expect(titled.every((v) => v.title.toLowerCase().includes('rockwell'))).toBe(true);
    const critical = await list('?filter=CVSS:9.8');
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.every((v) => v.CVSS === 9.8)).toBe(true);
  });

  it.each([
    ['publishTime', 'asc'],
    ['publishTime:DESC', 'desc'],
    ['CVSS:desc', 'desc'],
    ['CVSSVersion', 'asc'],
  ] as const)('sorts on %s', async (sort, order) => {
    const rows = await list(`?sort=${sort}`);
    const field = sort.split(':')[0] as 'publishTime' | 'CVSS' | 'CVSSVersion';
    expectSorted(rows.map((v) => v[field]), order);
  });

  it('sorts on cve, then by the second key', async () => {
    const rows = await list('?sort=cve,CVSS:DESC&page=1&size=200');
    const cves = rows.map((v) => v.cve);
    expect(cves).toEqual([...cves].sort());
  });

  it('answers 400 naming a field it cannot sort or filter on', async () => {
    expectError3(await c.v3('GET', '/vulnerabilities?sort=summary'), 400, /cannot sort on "summary"/);
    expectError3(await c.v3('GET', '/vulnerabilities?filter=summary:x'), 400, /cannot filter on "summary"/);
    expectError3(await c.v3('GET', '/vulnerabilities?page=0'), 400, /page/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/vulnerabilities?token=${TOKEN}` }), 401);
  });
});

describe('GET /vulnerabilities/{id}', () => {
  it('answers an array of the one entry, as the list prints it', async () => {
    const [first] = await list('?filter=cve:CVE-2021-22681');
    const one = await c.json3<Detail[]>(`/vulnerabilities/${first?.id}`);
    expect(one).toEqual([first]);
    expectShape(VulnerabilityDetailListSchema, one);
  });

  it('answers 404 for an unknown id', async () => {
    expectError3(await c.v3('GET', `/vulnerabilities/${UNKNOWN}`), 404, /Vulnerability not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('GET', '/vulnerabilities/CVE-2021-22681'), 400, /vulnerability/);
  });
});
