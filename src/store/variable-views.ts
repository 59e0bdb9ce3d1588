/**
 * The variables a component holds, as API 3.0 shows them (src/domain/variable-view.ts): with the
 * protocol tags of the activities between the holder and their authors, and the authors
 * themselves, in a few statements.
 */
import { type VariablesOf, variableCategory, variableProtocol } from '../domain/variable-view.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import type { DeviceRepo } from './devices.js';
import type { VariableRepo } from './variables.js';

export function createVariableViewRepo(db: Db, variables: VariableRepo, components: ComponentRepo, devices: DeviceRepo) {
  const holderRowid = db.prepare('SELECT rowid FROM component WHERE id = ?').pluck();
  const protocolTags = db.prepare(
    `SELECT iif(a.left_component = @h, a.right_component, a.left_component) AS other, g.key, g.label
     FROM activity a JOIN activity_tag t ON t.activity_rowid = a.rowid JOIN tag g ON g.key = t.tag AND g.category = 'Protocol'
     WHERE a.left_component = @h UNION SELECT a.left_component, g.key, g.label
     FROM activity a JOIN activity_tag t ON t.activity_rowid = a.rowid JOIN tag g ON g.key = t.tag AND g.category = 'Protocol'
     WHERE a.right_component = @h`,
  );
  const authorRows = db.prepare('SELECT id, rowid FROM component WHERE id IN (SELECT value FROM json_each(?))');

  const repo = {
    /** The variables a component holds, in the order they were found; undefined for an unknown component. */
    ofComponent(componentId: string): VariablesOf | undefined {
      const h = holderRowid.get(componentId) as number | undefined;
      if (h === undefined) return undefined;
      const held = variables.ofComponent(h);
      const rowidOf = new Map(
        (authorRows.all(JSON.stringify([...new Set(held.flatMap((v) => v.authors.map((a) => a.componentId)))])) as { id: string; rowid: number }[]).map((r) => [r.id, r.rowid]),
      );
      const authors = new Map(components.byRowids([...rowidOf.values()]).map((c) => [c.id, c]));
      // The protocol tags of the holder's activities, by the rowid of the other end.
      const tags = new Map<number, Map<string, string>>();
      for (const r of protocolTags.all({ h }) as { other: number; key: string; label: string }[]) {
        const set = tags.get(r.other) ?? new Map<string, string>();
        set.set(r.key, r.label);
        tags.set(r.other, set);
      }
      const tagsWith = (authorId: string) => tags.get(rowidOf.get(authorId) ?? 0);
      return {
        variables: held.map((variable) => {
          const author = variable.authors.find((a) => tagsWith(a.componentId) !== undefined);
          return { variable, protocol: author ? variableProtocol(tagsWith(author.componentId) as Map<string, string>) : '', category: variableCategory(variable.name) };
        }),
        authors,
        devices: devices.summariesOf([...authors.keys()]),
      };
    },

    /** The variables a device's components hold, component by component; undefined for an unknown device. */
    ofDevice(deviceId: string): VariablesOf | undefined {
      const held = devices.components(deviceId);
      if (held === undefined) return undefined;
      const out: VariablesOf = { variables: [], authors: new Map(), devices: new Map() };
      for (const c of held) {
        const of = repo.ofComponent(c.id) as VariablesOf;
        out.variables.push(...of.variables);
        for (const [id, a] of of.authors) out.authors.set(id, a);
        for (const [id, d] of of.devices) out.devices.set(id, d);
      }
      return out;
    },
  };
  return repo;
}

export type VariableViewRepo = ReturnType<typeof createVariableViewRepo>;
