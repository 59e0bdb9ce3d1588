import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupPropertyId } from '../../src/store/groups.js';
import { openStore } from '../../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'ccv-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLC = 'c0000000-0000-5000-8000-000000000001';
const HMI = 'c0000000-0000-5000-8000-000000000002';
const GROUP = 'a0000000-0000-4000-8000-000000000001';

/** A database as 001 left it, with vulnerabilities one row per component. */
function version1(path: string): void {
  const db = new Database(path);
  db.exec(readFileSync(new URL('../../src/store/migrations/001_init.sql', import.meta.url), 'utf8'));
  db.pragma('user_version = 1');
  db.prepare("INSERT INTO component (id, creation_time, last_active_time, mac) VALUES (?, 100, 200, '00:00:00:00:00:01'), (?, 300, 400, '00:00:00:00:00:02')").run(PLC, HMI);
  const vuln = db.prepare(
    `INSERT INTO vulnerability (id, component_rowid, cve, title, summary, solution, cvss, cvss_vector_string, publish_time)
     VALUES (?, ?, ?, 'T', 'S', 'F', ?, ?, ?)`,
  );
  vuln.run('v-2', 1, 'CVE-2019-10929', 8.1, 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 50);
  vuln.run('v-1', 1, 'CVE-2017-12741', 7.5, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 1000);
  vuln.run('v-1', 2, 'CVE-2017-12741', 7.5, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 1000);
  db.prepare("INSERT INTO grp (id, label, color, industrial_impact, creation_time) VALUES (?, 'GROUP SIEMENS', 'BLUE', 'HIGH', 1)").run(GROUP);
  db.prepare("INSERT INTO group_property (group_rowid, position, label, value, last_update) VALUES (1, 0, 'Location', 'Room 214', 2)").run();
  db.close();
}

describe('migration 003 on a database of 001', () => {
  const path = join(dir, 'v1.db');
  version1(path);
  const store = openStore(path);
  afterAll(() => store.close());

  it('splits the vulnerabilities into one catalogue entry per id and one match per component', () => {
    expect(store.vulnerabilities.count()).toBe(2);
    expect(store.vulnerabilities.get('v-1')).toMatchObject({ cve: 'CVE-2017-12741', cvss: 7.5, cvssTemporal: 7.5, cvssVersion: 3.1, links: [], vendorId: '' });
    expect(store.vulnerabilities.get('v-2')?.cvssVersion).toBe(3);
    expect(store.vulnerabilities.affected('v-1').map((a) => a.componentId)).toEqual([PLC, HMI]);
  });

  it('keeps what 1.0 shows of each component, in the same order', () => {
    const shown = (id: string) => store.components.get(id)?.vulnerabilities.map((v) => [v.id, v.cve, v.title, v.summary, v.solution, v.cvss, v.cvssVectorString, v.publishTime]);
    expect(shown(PLC)).toEqual([
      ['v-2', 'CVE-2019-10929', 'T', 'S', 'F', 8.1, 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 50],
      ['v-1', 'CVE-2017-12741', 'T', 'S', 'F', 7.5, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 1000],
    ]);
    expect(shown(HMI)).toEqual([['v-1', 'CVE-2017-12741', 'T', 'S', 'F', 7.5, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 1000]]);
  });

  it('dates each match when both the component and the vulnerability were known', () => {
    expect(store.vulnerabilities.matchesOf([PLC]).map((m) => m.matchingTime)).toEqual([100, 1000]);
    expect(store.vulnerabilities.matchesOf([HMI]).map((m) => m.matchingTime)).toEqual([1000]);
  });

  it("gives the groups their 3.0 fields from the 1.0 ones, and the properties ids", () => {
    expect(store.groups.summary(GROUP)).toMatchObject({
      color: '#1f5fa8',
      criticalness: 4,
      locked: false,
      parentId: null,
      userProperties: [{ id: groupPropertyId(GROUP, 0, null), key: 'Location', value: 'Room 214' }],
    });
  });
});
