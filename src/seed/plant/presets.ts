/**
 * The presets users made for this plant ("My preset", custom: true), on its real groups,
 * sensors, networks and tags, so that each keeps part of the plant, not all of it, and the
 * state of the data the Center computed for every preset (shipped ones included).
 */
import { colorHexOf } from '../../domain/group-appearance.js';
import type { CustomNetwork } from '../../domain/custom-network.js';
import { NO_FILTERS, type Preset, type PresetDataInfo, type PresetFilters } from '../../domain/preset.js';
import { MICROS_PER_DAY, MICROS_PER_MS, type Micros } from '../../domain/time.js';
import type { Sensor } from '../../domain/types.js';
import { stableHash } from '../knowledge/entries.js';
import { CATEGORIES, builtinPresets, exclude, presetBase, presetTag, riskRange } from '../knowledge/presets.js';
import type { PlantGroup } from './extras.js';
import type { Cell } from './topology.js';

export interface PlantPreset {
  preset: Preset;
  dataInfo: PresetDataInfo;
}

interface PresetInput {
  groups: readonly PlantGroup[];
  sensors: readonly Sensor[];
  networks: readonly CustomNetwork[];
  cells: readonly Cell[];
  historyStart: Micros;
  end: Micros;
}

const AUTHORS = ['j.martin@example.com', 'a.schmidt@example.com', 'l.rossi@example.com'];

function groupFilter(g: PlantGroup): PresetFilters['groups'][number] {
  return { operator: 'include', value: { id: g.id, label: g.label, color: Number.parseInt(colorHexOf(g.color).slice(1), 16), parentId: '', children: [] } };
}

function sensorFilter(s: Sensor): PresetFilters['sensors'][number] {
  return { operator: 'include', value: { id: s.id, label: s.name, ip: s.ip, serialNumber: s.serialNumber, captureMode: s.captureMode, centerId: null } };
}

function networkFilter(n: CustomNetwork): PresetFilters['networks'][number] {
  return { operator: 'include', value: { id: n.id, subnet: n.ipRange, vlan: n.vlanId } };
}

/** The users' presets; one is left out when the plant lacks what it names (no cell, no sensor). */
function customPresets({ groups, sensors, networks, cells }: PresetInput): Preset[] {
  const out: { label: string; description: string; change: Partial<Preset> }[] = [];
  const network = (name: string) => networks.find((n) => n.name === name);
  const firstCell = cells[0];
  const cellGroup = firstCell && groups.find((g) => g.label === firstCell.name);
  if (firstCell && cellGroup) {
    out.push({
      label: `${firstCell.name} controllers`,
      description: `The PLCs of ${firstCell.name}.`,
      change: { filters: { ...NO_FILTERS, groups: [groupFilter(cellGroup)], tags: [presetTag('PLC')] } },
    });
  }
  const core = sensors[0];
  if (core) {
    out.push({ label: `Seen by ${core.name}`, description: 'What the core sensor sees.', change: { filters: { ...NO_FILTERS, sensors: [sensorFilter(core)] } } });
  }
  const controlRoom = network('Control Room');
  if (controlRoom) {
    out.push({ label: 'Control room', description: 'SCADA, historians and engineering stations.', change: { filters: { ...NO_FILTERS, networks: [networkFilter(controlRoom)] } } });
  }
  const cellNetworks = cells.slice(0, 3).map((c) => networks.find((n) => n.ipRange === `${c.subnet}.0/24`)).filter((n): n is CustomNetwork => n !== undefined);
  if (cellNetworks.length > 0) {
    out.push({
      label: 'Cells without switches',
      description: 'The production cells, network equipment left out.',
      change: { filters: { ...NO_FILTERS, networks: cellNetworks.map(networkFilter), tags: [exclude(presetTag('SWITCH'))] } },
    });
  }
  out.push({ label: 'Ungrouped', description: 'Components nobody has put in a group yet.', change: { groupless: 'true' } });
  const offices = network('Office Network');
  if (offices) {
    out.push({
      label: 'File sharing outside the offices',
      description: 'SMB in the control room, the DMZ and the cells.',
      change: { filters: { ...NO_FILTERS, tags: [presetTag('SMB')], networks: [exclude(networkFilter(offices))] } },
    });
  }
  out.push({ label: 'Medium risk', description: 'Risk scores from 40 to 69.', change: { filters: { ...NO_FILTERS, riskScores: [riskRange('medium', 40, 69)] } } });
  return out.map((p) => ({ ...presetBase(p.label, CATEGORIES.myPreset, true), description: p.description, ...p.change }));
}

/** Every preset of the world: the shipped ones, then the users', each with the data the Center last computed for it. */
export function buildPresets(input: PresetInput): PlantPreset[] {
  const custom = customPresets(input).map((p, i) => ({
    ...p,
    creatorEmail: AUTHORS[i % AUTHORS.length] as string,
    lastUpdate: Math.max(input.historyStart, input.end - (i + 1) * 2 * MICROS_PER_DAY - (stableHash(p.id) % 86_400_000) * MICROS_PER_MS),
  }));
  return [...builtinPresets(), ...custom].map((preset, i) => {
    const h = stableHash(preset.id);
    return {
      preset,
      dataInfo: {
        presetDataAvailable: true,
        lastRefresh: input.end - (5 + 7 * i) * 60_000 * MICROS_PER_MS,
        lastRefreshDuration: 150 + (h % 3000),
        refreshInProgress: false,
        forceRefreshRequested: false,
      },
    };
  });
}
