/**
 * The presets a Center ships (custom: false), their categories and badges, and the filter values
 * presets use to name tags. "All data" has no filter (category "Basics", badge "Organize", as
 * in the real 4.x instance spec/v3/clients.md §3 quotes); the others filter on the Knowledge DB's
 * tags and on risk scores, so that they hold the same in every scenario. Ids derive from labels.
 */
import { uuidv5 } from '../../domain/ids.js';
import { type Badge, type Category, NO_FILTERS, type Preset, type PresetFilters, UNFILTERED, categoryId } from '../../domain/preset.js';
import { KDB_TAGS } from '../../ingest/knowledge-db.js';
import { KDB_RELEASE } from './entries.js';

const category = (label: string, priorityOrder: number): Category => ({ id: categoryId(label), label, priorityOrder });

export const CATEGORIES = {
  myPreset: category('My preset', 0),
  basics: category('Basics', 1),
  assets: category('Asset management', 2),
  security: category('Security', 3),
} as const;

const badge = (label: string, iconKey: string, description: string): Badge => ({ id: uuidv5(`badge|${label}`), iconKey, label, description });

export const BADGES = {
  organize: badge('Organize', 'organize', 'Get an overview of the network'),
  inventory: badge('Inventory', 'inventory', 'Know the assets of the network'),
  security: badge('Security', 'security', 'Find what puts the network at risk'),
  /** The id, label and description of samples/presets.json. */
  custom: { id: '469f31fb-0712-4692-a9f7-77295590daab', iconKey: 'custom', label: 'Custom', description: 'My personal preset' },
} as const satisfies Record<string, Badge>;

/** A Knowledge DB tag as a preset names it (PresetTag; the category is the tag's). */
export function presetTag(key: string): PresetFilters['tags'][number] {
  const t = KDB_TAGS.find((x) => x.key === key);
  if (!t) throw new Error(`not a Knowledge DB tag: ${key}`);
  return { operator: 'include', value: { id: t.key, label: t.label, type: t.type, category: { id: categoryId(t.category), label: t.category, priority_order: 0 } } };
}

export const exclude = <T extends { operator: 'include' | 'exclude' }>(f: T): T => ({ ...f, operator: 'exclude' });

/** A risk score range filter (bounds included; the id names the range). */
export function riskRange(id: string, min: number, max: number): PresetFilters['riskScores'][number] {
  return { operator: 'include', value: { id, min, max } };
}

/** A preset with every flag unset and no filter: what the shipped and the seeded presets start from. */
export function presetBase(label: string, c: Category, custom: boolean): Preset {
  return {
    id: uuidv5(`preset|${custom ? 'custom|' : ''}${label}`),
    label,
    description: '',
    category: c,
    custom,
    imported: false,
    creatorEmail: '',
    lastUpdate: KDB_RELEASE,
    priorityOrder: 0,
    badges: [custom ? BADGES.custom : BADGES.organize],
    ...UNFILTERED,
  };
}

function shipped(label: string, c: Category, priorityOrder: number, b: Badge, description: string, change: Partial<Preset> = {}): Preset {
  return { ...presetBase(label, c, false), priorityOrder, badges: [b], description, ...change };
}

const tags = (...keys: string[]): PresetFilters => ({ ...NO_FILTERS, tags: keys.map(presetTag) });
/** The industrial protocols: what control systems speak. */
const INDUSTRIAL = ['S7', 'S7PLUS', 'ENIP', 'CIP_IO', 'MODBUS', 'DNP3', 'IEC104', 'OPCUA', 'BACNET', 'PROFINET'];

export const ALL_DATA = shipped('All data', CATEGORIES.basics, 1, BADGES.organize, 'All the data of the Center, without any filter.', { operationalStarred: true });

/** "All data" first; the others in their categories' order. */
export function builtinPresets(): Preset[] {
  const { basics, assets, security } = CATEGORIES;
  return [
    ALL_DATA,
    shipped('Control systems', basics, 2, BADGES.organize, 'Controllers and everything that speaks an industrial protocol.', {
      filters: tags('PLC', 'IO_MODULE', ...INDUSTRIAL),
    }),
    shipped('IT infrastructure', basics, 3, BADGES.organize, 'Servers, network equipment and Windows file sharing and remote desktop.', {
      filters: tags('WINDOWS', 'FILE_SERVER', 'DNS_SERVER', 'WEB_SERVER', 'NET_MANAGEMENT_SERVER', 'SWITCH', 'ROUTER', 'SMB', 'RDP'),
    }),
    shipped('All Controllers', assets, 1, BADGES.inventory, 'Every programmable logic controller.', { filters: tags('PLC') }),
    shipped('Level 0-1', assets, 2, BADGES.inventory, 'The process level: controllers and remote I/O (Purdue levels 0 and 1).', { filters: tags('PLC', 'IO_MODULE') }),
    shipped('Level 3-4', assets, 3, BADGES.inventory, 'Site operations and business: Windows hosts and servers (Purdue levels 3 and 4).', {
      filters: tags('WINDOWS', 'FILE_SERVER', 'DNS_SERVER', 'WEB_SERVER'),
    }),
    shipped('High risk devices', security, 1, BADGES.security, 'Devices with a risk score of 70 or more.', {
      filters: { ...NO_FILTERS, riskScores: [riskRange('high', 70, 100)] },
      securityStarred: true,
    }),
    shipped('Insecure protocols', security, 2, BADGES.security, 'Telnet, SMBv1 and other protocols that expose credentials or commands.', {
      filters: tags('INSECURE', 'TELNET'),
    }),
    shipped('Controller operations', security, 3, BADGES.security, 'Program downloads and uploads, CPU starts and stops.', {
      filters: tags('PROGRAM_DOWNLOAD', 'PROGRAM_UPLOAD', 'START_CPU', 'STOP_CPU'),
    }),
    shipped('External communications', security, 4, BADGES.security, 'Devices that talk to addresses outside the site.', { hasExternalCommunications: 'true' }),
  ];
}
