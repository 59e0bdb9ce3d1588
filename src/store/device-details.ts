/**
 * What API 3.0 shows of devices beyond the device rows (src/store/devices.ts): their components
 * in full as a component's own answer shows them (src/store/component-views.ts), the union of
 * their flow tags and sensors, the device's user properties, and the vulnerabilities of its
 * components, one per catalogue entry. Read for a page (or a chunk of a stream) of devices at
 * once: a few grouped statements, not a query per device.
 */
import type { ComponentDetail } from '../domain/component-view.js';
import type { Device, DeviceDetail } from '../domain/devices.js';
import type { TagSet, Vulnerability } from '../domain/types.js';
import type { ComponentViewRepo } from './component-views.js';
import type { Db } from './db.js';
import type { UserPropertyRepo } from './user-properties.js';

/** Adds a tag set to a union ('important' wins). */
function addTags(into: TagSet, tags: TagSet): void {
  for (const [tag, cls] of Object.entries(tags)) if (into[tag] !== 'important') into[tag] = cls;
}

export function createDeviceDetailRepo(db: Db, componentViews: ComponentViewRepo, userProperties: UserPropertyRepo) {
  const membersStmt = db.prepare(
    `SELECT c.rowid, d.id AS device_id FROM component c JOIN device d ON d.rowid = c.device_rowid
     WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY c.rowid`,
  );

  return {
    /** The details of these devices, in the order given. */
    of(devices: readonly Device[]): DeviceDetail[] {
      if (devices.length === 0) return [];
      const members = membersStmt.all(JSON.stringify(devices.map((d) => d.id))) as { rowid: number; device_id: string }[];
      const views = componentViews.details(members.map((m) => m.rowid));
      const byDevice = new Map<string, ComponentDetail[]>(devices.map((d) => [d.id, []]));
      members.forEach((m, i) => byDevice.get(m.device_id)?.push(views[i] as ComponentDetail));
      const props = userProperties.ofOwners('device', devices.map((d) => d.id));
      return devices.map((device) => {
        const components = byDevice.get(device.id) ?? [];
        const flowsTags: TagSet = {};
        const sensorNames = new Set<string>();
        const vulnerabilities = new Map<string, Vulnerability>();
        for (const v of components) {
          addTags(flowsTags, v.flowsTags);
          for (const name of v.sensorNames) sensorNames.add(name);
          for (const x of v.component.vulnerabilities) if (!vulnerabilities.has(x.id)) vulnerabilities.set(x.id, x);
        }
        return { device, components, flowsTags, sensorNames: [...sensorNames].sort(), userProperties: props.get(device.id) ?? [], vulnerabilities: [...vulnerabilities.values()] };
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
  };
}

export type DeviceDetailRepo = ReturnType<typeof createDeviceDetailRepo>;
