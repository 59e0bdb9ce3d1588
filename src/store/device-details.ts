/**
 * What API 3.0 shows of devices and network nodes beyond the device rows (src/store/devices.ts):
 * their components in full, each with its counters, the tags of its flows, the sensors that saw
 * them and its user properties; a device's union of those; the vulnerabilities of its components,
 * one per catalogue entry. Read for a page (or a chunk of a stream) of devices at once: a few
 * grouped statements over the indexes, not a query per device.
 */
import type { ComponentFacts, Device, DeviceDetail, NodeCounts } from '../domain/devices.js';
import type { Component, TagSet, Vulnerability } from '../domain/types.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import type { NodeCountsRepo } from './node-counts.js';
import type { UserPropertyRepo } from './user-properties.js';

const IN_JSON = 'SELECT value FROM json_each(?)';

/** Adds a tag set to a union ('important' wins). */
function addTags(into: TagSet, tags: TagSet): void {
  for (const [tag, cls] of Object.entries(tags)) if (into[tag] !== 'important') into[tag] = cls;
}

function addDistinct(into: string[], values: readonly string[]): void {
  for (const v of values) if (!into.includes(v)) into.push(v);
}

export function createDeviceDetailRepo(db: Db, components: ComponentRepo, nodeCounts: NodeCountsRepo, userProperties: UserPropertyRepo) {
  const membersStmt = db.prepare(
    `SELECT c.rowid, d.id AS device_id FROM component c JOIN device d ON d.rowid = c.device_rowid
     WHERE d.id IN (${IN_JSON}) ORDER BY c.rowid`,
  );
  // An activity of the component: the tags of its flows, 'important' first (it sorts before 'info').
  const flowTagsStmt = db.prepare(
    `WITH m(c) AS (${IN_JSON}),
     x(c, a) AS (SELECT m.c, a.rowid FROM m JOIN activity a ON a.left_component = m.c
                 UNION SELECT m.c, a.rowid FROM m JOIN activity a ON a.right_component = m.c)
     SELECT x.c AS component, t.tag, min(t.class) AS class FROM x JOIN activity_tag t ON t.activity_rowid = x.a GROUP BY 1, 2`,
  );
  const sensorsStmt = db.prepare(
    `WITH m(c) AS (${IN_JSON})
     SELECT m.c AS component, s.name FROM m JOIN flow f ON f.src_component = m.c JOIN sensor s ON s.id = f.sensor_id
     UNION SELECT m.c, s.name FROM m JOIN flow f ON f.dst_component = m.c JOIN sensor s ON s.id = f.sensor_id ORDER BY 1, 2`,
  );
  const rowidsOf = db.prepare(`SELECT id, rowid FROM component WHERE id IN (${IN_JSON})`).raw();

  /** The facts of these components, by rowid. */
  function factsOf(rowids: readonly number[], ids: ReadonlyMap<number, string>): Map<number, ComponentFacts> {
    const counts = nodeCounts.of(new Map(rowids.map((r) => [r, [r]])));
    const out = new Map<number, ComponentFacts>(
      rowids.map((r) => [r, { counts: counts.get(r) as NodeCounts, flowsTags: {}, sensorNames: [], userProperties: [] }]),
    );
    if (rowids.length === 0) return out;
    const json = JSON.stringify(rowids);
    for (const t of flowTagsStmt.all(json) as { component: number; tag: string; class: TagSet[string] }[]) {
      const f = out.get(t.component);
      if (f) f.flowsTags[t.tag] = t.class;
    }
    for (const s of sensorsStmt.all(json) as { component: number; name: string }[]) out.get(s.component)?.sensorNames.push(s.name);
    const props = userProperties.ofOwners('component', [...ids.values()]);
    for (const [rowid, id] of ids) {
      const f = out.get(rowid);
      if (f) f.userProperties = props.get(id) ?? [];
    }
    return out;
  }

  return {
    /** The details of these devices, in the order given. */
    of(devices: readonly Device[]): DeviceDetail[] {
      if (devices.length === 0) return [];
      const members = membersStmt.all(JSON.stringify(devices.map((d) => d.id))) as { rowid: number; device_id: string }[];
      const rowids = members.map((m) => m.rowid);
      const comps = components.byRowids(rowids);
      const ids = new Map(rowids.map((r, i) => [r, (comps[i] as Component).id]));
      const facts = factsOf(rowids, ids);
      const byDevice = new Map<string, DeviceDetail['components']>(devices.map((d) => [d.id, []]));
      members.forEach((m, i) => byDevice.get(m.device_id)?.push({ component: comps[i] as Component, facts: facts.get(m.rowid) as ComponentFacts }));
      const props = userProperties.ofOwners('device', devices.map((d) => d.id));
      return devices.map((device) => {
        const parts = byDevice.get(device.id) ?? [];
        const flowsTags: TagSet = {};
        const sensorNames: string[] = [];
        const vulnerabilities = new Map<string, Vulnerability>();
        for (const { component, facts: f } of parts) {
          addTags(flowsTags, f.flowsTags);
          addDistinct(sensorNames, f.sensorNames);
          for (const v of component.vulnerabilities) if (!vulnerabilities.has(v.id)) vulnerabilities.set(v.id, v);
        }
        return { device, components: parts, flowsTags, sensorNames: sensorNames.sort(), userProperties: props.get(device.id) ?? [], vulnerabilities: [...vulnerabilities.values()] };
      });
    },

    /** The details of devices read as the caller iterates, a chunk of devices at a time (a stream of every device). */
    *inChunks(devices: Iterable<Device>, chunk = 200): Generator<DeviceDetail> {
      let held: Device[] = [];
      for (const d of devices) {
        held.push(d);
        if (held.length >= chunk) {
          yield* this.of(held);
          held = [];
        }
      }
      yield* this.of(held);
    },

    /** The facts of components (those of network nodes without a device), by component id. */
    ofComponents(list: readonly Component[]): Map<string, ComponentFacts> {
      if (list.length === 0) return new Map();
      const rowids = new Map((rowidsOf.all(JSON.stringify(list.map((c) => c.id))) as [string, number][]).map(([id, rowid]) => [rowid, id]));
      const facts = factsOf([...rowids.keys()], rowids);
      return new Map([...rowids].map(([rowid, id]) => [id, facts.get(rowid) as ComponentFacts]));
    },

  };
}

export type DeviceDetailRepo = ReturnType<typeof createDeviceDetailRepo>;
