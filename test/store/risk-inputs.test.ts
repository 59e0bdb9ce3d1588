import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceId } from '../../src/domain/ids.js';
import { riskScore } from '../../src/domain/risk-score.js';
import { createIngest } from '../../src/ingest/pipeline.js';
import { Random } from '../../src/random.js';
import { loadProfile } from '../../src/seed/profile.js';
import { buildWorld } from '../../src/seed/world.js';
import { openStore, type Store } from '../../src/store/store.js';
import { DC, FS, PC1, T0, seen, trafficStore } from './traffic-helpers.js';

describe('riskInputs on hand-made traffic', () => {
  it("gathers a device's type and the tags of its activities, and the live ingest stores the score they give", () => {
    const store = trafficStore([seen(T0, PC1, { ...FS, port: 445 })]);
    const fs = deviceId(FS.mac);
    const [before] = store.riskInputs.of([fs]);
    expect(before?.input.activityTags.map((t) => t.key)).toContain('SMB');
    expect(before?.input.activityTags.map((t) => t.key)).not.toContain('TELNET');
    expect(store.devices.get(fs)?.riskScore).toBe(riskScore(before!.input).riskScore);

    // A Telnet flow to the file server: its activities get a riskier tag; ingest scores it again.
    createIngest(store, { newId: () => new Random(9).uuid4() }).ingest([seen(T0 + 10, PC1, { ...FS, port: 23 })]);
    const [after] = store.riskInputs.of([fs]);
    expect(after?.input.activityTags.map((t) => t.key)).toEqual(expect.arrayContaining(['SMB', 'TELNET', 'INSECURE']));
    const score = riskScore(after!.input);
    expect(score.activitiesRisk.score).toBeGreaterThan(riskScore(before!.input).activitiesRisk.score);
    expect(store.devices.get(fs)?.riskScore).toBe(score.riskScore);
    expect(store.devices.get(fs)?.bestAchievableScore).toBe(score.bestAchievableScore);
    // The client end of the flow was scored as well.
    const pc = deviceId(PC1.mac);
    expect(store.devices.get(pc)?.riskScore).toBe(riskScore(store.riskInputs.of([pc])[0]!.input).riskScore);
  });

  it('leaves out unknown ids, and reads the devices in rowid order', () => {
    const store = trafficStore([seen(T0, PC1, { ...DC, port: 53 }), seen(T0, PC1, { ...FS, port: 445 })]);
    const ids = store.riskInputs.of([deviceId(FS.mac), '00000000-0000-4000-8000-000000000000', deviceId(PC1.mac)]).map((x) => x.id);
    expect(ids.sort()).toEqual([deviceId(FS.mac), deviceId(PC1.mac)].sort());
    expect([...store.riskInputs.all()].map((x) => x.id)).toHaveLength(store.devices.count());
  });
});

describe('riskInputs on the `small` world', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore(':memory:');
    buildWorld(store, { profile: { ...loadProfile('small'), now: undefined }, end: Date.UTC(2026, 0, 15, 12) * 1000 });
  });
  afterAll(() => store.close());

  it("stores every device's risk score and best achievable score as riskScore() gives them from its inputs", () => {
    const inputs = [...store.riskInputs.all()];
    expect(inputs).toHaveLength(store.devices.count());
    const scores = new Set<number>();
    for (const { id, input } of inputs) {
      const d = store.devices.get(id);
      const s = riskScore(input);
      expect([d?.riskScore, d?.bestAchievableScore], id).toEqual([s.riskScore, s.bestAchievableScore]);
      scores.add(s.riskScore);
    }
    // Not one score for all: the inputs tell devices apart.
    expect(scores.size).toBeGreaterThan(5);
  });

  it("takes a device's group, its vulnerabilities one per entry, and the acknowledgements on that device (per CVE: every entry of an acknowledged CVE)", () => {
    const inputs = [...store.riskInputs.all()];
    const grouped = inputs.filter((x) => x.input.group !== null);
    expect(grouped.length).toBeGreaterThan(inputs.length / 2);
    for (const { id, input } of grouped) expect(input.group?.label).toBe(store.devices.get(id)?.group?.label);

    const acks = store.db.prepare('SELECT device_id, v.id FROM vulnerability_ack a JOIN vulnerability v ON v.rowid = a.vulnerability_rowid').raw().all() as [string, string][];
    expect(acks.length).toBeGreaterThan(0);
    for (const [device, vulnerability] of acks) {
      const input = inputs.find((x) => x.id === device)?.input;
      expect(input?.vulnerabilities.find((v) => v.vulnerability.id === vulnerability)?.acknowledged).toBe(true);
    }
    for (const { id, input } of inputs) {
      const ids = input.vulnerabilities.map((v) => v.vulnerability.id);
      expect(new Set(ids).size).toBe(ids.length);
      const components = store.devices.components(id)?.map((c) => c.id) ?? [];
      expect(new Set(ids)).toEqual(new Set(store.vulnerabilities.matchesOf(components).map((m) => m.vulnerability.id)));
      const ackedCves = new Set(store.vulnerabilities.acksOf(id).map((a) => a.cve));
      expect(input.vulnerabilities.filter((v) => v.acknowledged).map((v) => v.vulnerability.id)).toEqual(
        input.vulnerabilities.filter((v) => ackedCves.has(v.vulnerability.cve)).map((v) => v.vulnerability.id),
      );
    }
  });

  it('counts an acknowledgement for every catalogue entry of its CVE', () => {
    const [device, vulnerabilityRowid] = store.db.prepare('SELECT device_id, vulnerability_rowid FROM vulnerability_ack LIMIT 1').raw().get() as [string, number];
    const component = store.db.prepare('SELECT c.rowid FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE d.id = ? LIMIT 1').pluck().get(device) as number;
    // A second advisory of the same CVE, matched on the same device.
    const copy = store.db
      .prepare(
        `INSERT INTO vulnerability (id, cve, title, summary, solution, cvss, cvss_temporal, cvss_version, cvss_vector_string, publish_time, creation_time, last_update)
         SELECT 'second-advisory', cve, title, summary, solution, cvss, cvss_temporal, cvss_version, cvss_vector_string, publish_time, creation_time, last_update
         FROM vulnerability WHERE rowid = ?`,
      )
      .run(vulnerabilityRowid).lastInsertRowid;
    store.db.prepare('INSERT INTO vulnerability_match (component_rowid, vulnerability_rowid, matching_time) VALUES (?, ?, 0)').run(component, copy);
    const input = store.riskInputs.of([device])[0]?.input;
    expect(input?.vulnerabilities.find((v) => v.vulnerability.id === 'second-advisory')?.acknowledged).toBe(true);
  });
});
