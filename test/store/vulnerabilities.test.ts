import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Vulnerability } from '../../src/domain/vulnerability.js';
import { openStore, type Store } from '../../src/store/store.js';

const entry = (n: number, change: Partial<Vulnerability> = {}): Vulnerability => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  cve: `CVE-2021-${1000 + n}`,
  title: `Entry ${n}`,
  summary: 's',
  solution: 'fix',
  fullDescription: '',
  cvss: n,
  cvssTemporal: n - 0.5,
  cvssVersion: 3.1,
  cvssVectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  vendorId: n === 2 ? 'SSA-000002' : '',
  links: [{ id: `link-${n}`, title: 'nvd.nist.gov', link: `https://nvd.nist.gov/vuln/detail/CVE-2021-${1000 + n}`, order: 0 }],
  publishTime: (10 - n) * 1_000_000,
  creationTime: 20_000_000 + n,
  lastUpdate: 30_000_000 + n,
  ...change,
});
const PLC = 'c0000000-0000-5000-8000-000000000001';
const HMI = 'c0000000-0000-5000-8000-000000000002';
const DEVICE = 'd0000000-0000-5000-8000-000000000001';

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
  store.components.insert({ id: PLC, mac: '00:00:00:00:00:01', ip: '10.0.0.1', creationTime: 1, lastActiveTime: 2 });
  store.components.insert({ id: HMI, mac: '00:00:00:00:00:02', ip: '10.0.0.2', creationTime: 1, lastActiveTime: 2 });
  for (const n of [1, 2, 3, 4, 5]) store.vulnerabilities.insert(entry(n));
  store.vulnerabilities.insert(entry(6, { cve: 'CVE-2021-1002' }));
});
afterEach(() => store.close());

const cves = (vs: { cve: string }[]) => vs.map((v) => v.cve);

describe('vulnerabilities: the catalogue', () => {
  it('gives an entry back whole, by id', () => {
    expect(store.vulnerabilities.get(entry(2).id)).toEqual(entry(2));
    expect(store.vulnerabilities.get('nope')).toBeUndefined();
  });

  it('keeps the first entry of an id: inserting it again changes nothing', () => {
    expect(store.vulnerabilities.insert(entry(2, { title: 'Another' }))).toBe(false);
    expect(store.vulnerabilities.get(entry(2).id)?.title).toBe('Entry 2');
  });

  it('pages in the order entries came, by default', () => {
    expect(cves(store.vulnerabilities.page({ limit: 3, offset: 0 }))).toEqual(['CVE-2021-1001', 'CVE-2021-1002', 'CVE-2021-1003']);
    expect(cves(store.vulnerabilities.page({ limit: 3, offset: 4 }))).toEqual(['CVE-2021-1005', 'CVE-2021-1002']);
    expect(store.vulnerabilities.page({ limit: 3, offset: 6 })).toEqual([]);
    expect(store.vulnerabilities.count()).toBe(6);
  });

  it('filters on a CVE id, in any case: every advisory of that CVE', () => {
    const found = store.vulnerabilities.page({ limit: 10, offset: 0, cve: 'cve-2021-1002' });
    expect(found.map((v) => v.id)).toEqual([entry(2).id, entry(6).id]);
    expect(store.vulnerabilities.count({ cve: 'CVE-2021-1002' })).toBe(2);
    expect(store.vulnerabilities.count({ cve: 'CVE-1999-0001' })).toBe(0);
  });

  it('sorts on the fields asked, in order, ties by arrival', () => {
    expect(store.vulnerabilities.page({ limit: 10, offset: 0, sort: [{ field: 'cvss', order: 'desc' }] }).map((v) => v.cvss)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(store.vulnerabilities.page({ limit: 10, offset: 0, sort: [{ field: 'publishTime', order: 'asc' }] }).map((v) => v.cvss)).toEqual([6, 5, 4, 3, 2, 1]);
    const byCve = store.vulnerabilities.page({ limit: 10, offset: 0, sort: [{ field: 'cve', order: 'asc' }, { field: 'cvss', order: 'desc' }] });
    expect(byCve.map((v) => v.cvss)).toEqual([1, 6, 2, 3, 4, 5]);
  });
});

describe('vulnerabilities: matches', () => {
  it('records a match with its time and reasons, and gives it with the catalogue entry', () => {
    expect(store.vulnerabilities.match(PLC, entry(3).id, 42, ['model-ref', 'fw-version'])).toBe(true);
    expect(store.vulnerabilities.matchesOf([PLC])).toEqual([{ componentId: PLC, vulnerability: entry(3), matchingTime: 42, reasons: ['model-ref', 'fw-version'] }]);
  });

  it('refuses an unknown component or entry, and a match that exists', () => {
    expect(store.vulnerabilities.match('nope', entry(3).id, 1, [])).toBe(false);
    expect(store.vulnerabilities.match(PLC, 'nope', 1, [])).toBe(false);
    expect(store.vulnerabilities.match(PLC, entry(3).id, 1, [])).toBe(true);
    expect(store.vulnerabilities.match(PLC, entry(3).id, 2, [])).toBe(false);
  });

  it('gives the matches of several components, each in the order they were matched', () => {
    store.vulnerabilities.match(PLC, entry(5).id, 1, ['model-ref']);
    store.vulnerabilities.match(HMI, entry(1).id, 2, ['os-name']);
    store.vulnerabilities.match(PLC, entry(1).id, 3, ['model-ref']);
    expect(store.vulnerabilities.matchesOf([PLC, HMI]).map((m) => [m.componentId, m.vulnerability.cve])).toEqual([
      [PLC, 'CVE-2021-1005'],
      [HMI, 'CVE-2021-1001'],
      [PLC, 'CVE-2021-1001'],
    ]);
    expect(store.vulnerabilities.matchesOf([HMI]).map((m) => m.vulnerability.cve)).toEqual(['CVE-2021-1001']);
    expect(store.vulnerabilities.matchesOf([])).toEqual([]);
  });

  it('orders a component\'s 1.0 vulnerabilities as they were matched, not as the catalogue holds them', () => {
    store.vulnerabilities.match(PLC, entry(5).id, 1, []);
    store.vulnerabilities.match(PLC, entry(1).id, 2, []);
    expect(store.components.get(PLC)?.vulnerabilities.map((v) => v.cve)).toEqual(['CVE-2021-1005', 'CVE-2021-1001']);
  });

  it('lists the components a vulnerability affects', () => {
    store.vulnerabilities.match(HMI, entry(1).id, 2, ['os-name']);
    store.vulnerabilities.match(PLC, entry(1).id, 3, ['model-ref']);
    expect(store.vulnerabilities.affected(entry(1).id)).toEqual([
      { componentId: PLC, matchingTime: 3, reasons: ['model-ref'] },
      { componentId: HMI, matchingTime: 2, reasons: ['os-name'] },
    ]);
    expect(store.vulnerabilities.affected(entry(4).id)).toEqual([]);
  });

  it('feeds the 1.0 component view, which its removal (guide 6.3.14) empties while the catalogue and acknowledgements stay', () => {
    store.vulnerabilities.match(PLC, entry(2).id, 1, []);
    store.vulnerabilities.acknowledge(DEVICE, entry(2).id, { time: 5, author: 'a', comment: 'c' });
    expect(store.components.get(PLC)?.vulnerabilities).toEqual([entry(2)]);
    store.components.clearVulnerabilities([store.components.rowid(PLC) as number]);
    expect(store.components.get(PLC)?.vulnerabilities).toEqual([]);
    expect(store.vulnerabilities.get(entry(2).id)).toEqual(entry(2));
    expect(store.vulnerabilities.acksOf(DEVICE)).toHaveLength(1);
  });
});

describe('vulnerabilities: acknowledgements', () => {
  it('acknowledges per device and vulnerability; again replaces it', () => {
    expect(store.vulnerabilities.acknowledge(DEVICE, entry(2).id, { time: 5, author: 'j.martin@example.com', comment: 'patch planned' })).toBe(true);
    expect(store.vulnerabilities.acknowledge(DEVICE, entry(2).id, { time: 6, author: 'a.schmidt@example.com', comment: 'patched' })).toBe(true);
    expect(store.vulnerabilities.acknowledge(DEVICE, entry(1).id, { time: 7, author: 'a', comment: '' })).toBe(true);
    expect(store.vulnerabilities.acksOf(DEVICE)).toEqual([
      { deviceId: DEVICE, vulnerabilityId: entry(1).id, cve: 'CVE-2021-1001', time: 7, author: 'a', comment: '' },
      { deviceId: DEVICE, vulnerabilityId: entry(2).id, cve: 'CVE-2021-1002', time: 6, author: 'a.schmidt@example.com', comment: 'patched' },
    ]);
    expect(store.vulnerabilities.acksFor(entry(2).id).map((a) => a.deviceId)).toEqual([DEVICE]);
    expect(store.vulnerabilities.acksOf('other')).toEqual([]);
  });

  it('refuses an unknown entry; withdraws an acknowledgement once', () => {
    expect(store.vulnerabilities.acknowledge(DEVICE, 'nope', { time: 1, author: 'a', comment: '' })).toBe(false);
    store.vulnerabilities.acknowledge(DEVICE, entry(2).id, { time: 5, author: 'a', comment: '' });
    expect(store.vulnerabilities.unacknowledge(DEVICE, entry(2).id)).toBe(true);
    expect(store.vulnerabilities.unacknowledge(DEVICE, entry(2).id)).toBe(false);
    expect(store.vulnerabilities.acksOf(DEVICE)).toEqual([]);
  });
});
