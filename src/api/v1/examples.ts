/**
 * The examples of the API documentation: the guide's printed samples, which fixtures/ holds in
 * the 1.0 wire format with their ids (fixtures/README.md), shown as the emulator answers them
 * (times in UTC). Every world holds these objects, so "Try it out" with the documented ids gets
 * these very answers. Where the guide prints no answer, the example is what the emulator answers
 * to the documented request.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { formatTimestamp, parseTimestamp } from '../../domain/time.js';

type Wire = Record<string, unknown>;

const FIXTURES = new URL('../../../fixtures/', import.meta.url);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A fixture value as an answer prints it: the guide's "+02:00" times become UTC. */
function answered(v: unknown): unknown {
  if (typeof v === 'string') {
    const t = RFC3339.test(v) ? parseTimestamp(v) : undefined;
    return t === undefined ? v : formatTimestamp(t);
  }
  if (Array.isArray(v)) return v.map(answered);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, answered(x)]));
  return v;
}

const fixture = <T>(file: string): T => answered(JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'))) as T;

function byId(list: Wire[], id: string): Wire {
  const found = list.find((x) => x['id'] === id);
  if (!found) throw new Error(`fixtures: no object has the id ${id}`);
  return found;
}

const omit = (o: Wire, ...keys: string[]): Wire => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** Why `example` is not a body `schema` would give, or undefined when it is. */
export function exampleMisfit(schema: z.ZodType, description: string, example: unknown): string | undefined {
  const checked = schema.safeParse(example);
  return checked.success ? undefined : `the example of "${description}" does not fit its schema: ${checked.error.message}`;
}

/** Every documented answer by its description (each is unique), for documentedMisfits. */
const documented = new Map<string, { schema: z.ZodType; example: unknown }>();

/**
 * A documented answer: its description and an example body. The example is checked against the
 * schema by the suite (test/openapi.test.ts, documentedMisfits), so that the documentation cannot
 * show a body the route would never give; not at each start, where parsing the examples cost
 * about 45 ms (issue 14).
 */
export function answer<T extends z.ZodType>(schema: T, description: string, example: unknown): T {
  documented.set(description, { schema, example });
  return schema.meta({ description, examples: [example] });
}

/** The documented answers built so far (by the routes registered), and those whose example misfits. */
export function documentedMisfits(): { checked: number; misfits: string[] } {
  const misfits = [...documented].flatMap(([description, { schema, example }]) => exampleMisfit(schema, description, example) ?? []);
  return { checked: documented.size, misfits };
}

// ---- the guide's samples (fixtures/) ----

/** The ids the documentation uses: all of them are in every world. */
export const IDS = {
  /** PLC_3, guide 5.2 / 6.3.1 / 6.3.3. */
  component: '02074cd3-dbe6-52b6-963c-7247ef33a2b1',
  /** S7-400 station_1, guide 6.3.2 and 6.3.11. */
  stationComponent: 'd8cd6083-6c99-5745-9277-78506b623e4d',
  /** The component of the custom-icon examples, guide 6.3.7 / 6.3.8. */
  iconComponent: '9485b49a-39fc-5834-ba14-436e9de26c1b',
  /** The component of the group-membership examples, in no group at first (guide 6.3.9). */
  ungroupedComponent: 'd3ff2bf4-429a-4ff0-8533-4aa72f95bb9d',
  /** The component of guide 6.3.12. */
  variablesComponent: '5ad0ab04-5a74-5f48-8d15-0d46302f9f7b',
  /** The component of guide 6.3.14. */
  cleanedComponent: 'cad069ab-c5bb-4b11-bbdd-b844db789d97',
  /** The flow of guide 6.1 and 6.4.2 to 6.4.4. */
  flow: 'fea763b5-a292-556e-a986-af71bffb45eb',
  /** The flow of guide 6.4.1. */
  listedFlow: 'c2e0d272-28bf-55c6-abd6-52d3f3451289',
  /** GROUP SIEMENS, guide 5.4 / 6.5.1 / 6.5.2. */
  group: '25b745dc-1d93-46ec-8bd8-c647a1d6a46e',
  /** The event of guide 6.6.1. */
  event: 'a400af14-ff97-47a4-ac33-c33cc50eff99',
  /** The event with a downloadable PCAP (fixtures: invented for guide 6.6.2). */
  eventWithData: '4f8c2d19-b6e3-47a0-9d15-c83e7a2f6b58',
  /** The first rule of guide 6.8.2.1 and of 6.8.3.1 (the guide gives both kinds the same ids). */
  rule: 'bd1c1b0b-eb8c-4740-a870-e1fac758ef2b',
} as const;

/** A well-formed id that names nothing, for the 404 examples. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const components = fixture<Wire[]>('components.json');
const flows = fixture<Wire[]>('flows.json');
const groups = fixture<Wire[]>('groups.json');
const events = fixture<Wire[]>('events.json');
const sensors = fixture<Wire[]>('sensors.json');
const variables = fixture<Record<string, Wire[]>>('variables.json');
const icons = fixture<{ key: string; description: string; content_type: string; image_base64: string }[]>('icons.json');
const rules = fixture<{ property: Wire[]; port: Wire[] }>('rules.json');

const component = (id: string): Wire => byId(components, id);
/** A flow without the fixture-only keys (its contents and stats are served by their own routes). */
const flow = (id: string): Wire => omit(byId(flows, id), 'contents', 'stats');
/** A group as the API answers it: its components in full (guide 5.4). */
const group = (id: string): Wire => {
  const g = byId(groups, id);
  return { ...g, components: (g['components'] as string[]).map(component) };
};
const icon = (key: string) => {
  const found = icons.find((i) => i.key === key);
  if (!found) throw new Error(`fixtures: no icon ${key}`);
  return found;
};

const plc3 = component(IDS.component);
const iconComponent = component(IDS.iconComponent);

/** guide 6.3.13: the vendor list as printed. */
const VENDORS = [
  '3COM CORPORATION',
  'ABB Oy / Medium Voltage Products',
  'APPLICOM INTERNATIONAL',
  'APRIL',
  'Cisco Systems, Inc',
  'Dell Inc.',
  'DIGITAL ELECTRONICS CORP.',
  'Fisher-Rosemount Systems Inc.',
  'Hewlett Packard',
  'ipcas GmbH',
  'Rockwell Automation',
  'Siemens AG,',
  'Siemens AG - Industrial Automation - EWA',
  'Siemens Electrical Apparatus Ltd., Suzhou Chengdu Branch',
  'SQUARE D COMPANY',
  'Super Micro Computer, Inc.',
  'TELEMECANIQUE ELECTRIQUE',
];

/** The group that the documented POST /group body creates (the guide prints no answer). */
const CREATED_GROUP = {
  id: '5c0a7ee4-1f5d-4c3b-9a57-2d8e6b1f0c93',
  creation_time: '2026-11-01T12:00:00Z',
  label: 'Room 214',
  description: 'All the PLCs installed in Room 214 of Floor 1',
  comments: "Sentryo Sensor's in left servers rack",
  color: 'RED',
  industrial_impact: 'VERY_LOW',
  properties: [],
  components: [{ ...component(IDS.ungroupedComponent), group: 'Room 214' }],
};

const webCustom = { tag: 'WEB_CUSTOM', label: 'Web Custom', desc: 'Web protocols of the plant', type: 'flow', category: 'My tag', IT: true, OT: false };

export const EXAMPLES = {
  /** guide 6.2.1: the two sensors it prints, keyed by id. */
  sensors: Object.fromEntries(['318198cc-f826-4977-b510-10c2ffe37367', '9b2a4bbd-2dbe-49d0-9555-782ae81a41be'].map((id) => [id, byId(sensors, id)])),
  /** guide 6.3.1 */
  components: [plc3],
  /** guide 6.3.2 */
  component: component(IDS.stationComponent),
  /** guide 6.3.3 */
  customNamed: [{ ...plc3, custom_name: 'My PLC' }],
  /** guide 6.3.4 */
  customNameDeleted: [plc3],
  /** guide 6.3.7 */
  customIconed: { ...iconComponent, custom_icon: 'cisco' },
  /** guide 6.3.8 */
  customIconDeleted: iconComponent,
  /** guide 6.3.11: the flows of S7-400 station_1. */
  componentFlows: [flow(IDS.flow)],
  /** guide 6.3.12 */
  componentVariables: variables[IDS.variablesComponent] ?? [],
  vendors: VENDORS,
  /** guide 6.3.5: the icons it lists. */
  icons: icons.filter((i) => !['netgear', 'cisco'].includes(i.key)).map((i) => ({ key: i.key, description: i.description })),
  /** guide 6.3.6 */
  icon: (({ key, description, image_base64, content_type }) => ({ key, description, image: image_base64, 'content-type': content_type }))(icon('netgear')),
  /** guide 6.4.1 */
  flows: [flow(IDS.listedFlow)],
  /** guide 6.4.2 */
  flow: flow(IDS.flow),
  /** guide 6.4.3 */
  flowContent: byId(flows, IDS.flow)['contents'],
  /** guide 6.4.4 */
  flowStats: byId(flows, IDS.flow)['stats'],
  /** guide 6.5.1 */
  groups: [group(IDS.group)],
  /** guide 6.5.2 */
  group: group(IDS.group),
  createdGroup: CREATED_GROUP,
  /** guide 6.6.1 */
  events: [byId(events, IDS.event)],
  /** guide 6.7.1: the two components it prints. */
  variables: Object.fromEntries(['14796b0e-d2f4-51f1-a2c1-8e67a5f05bbb', '62208e8c-ab62-5b57-aa5f-a9bfe7e4d96a'].map((id) => [id, variables[id] ?? []])),
  /** guide 6.8.1.1 */
  tags: fixture<Wire[]>('tags.json'),
  /** guide 6.8.1.2, with every field the emulator gives. */
  tag: { tag: 'WEB', label: 'Web', desc: 'Web protocols', type: 'flow', category: 'Protocol', IT: true, OT: true },
  /** guide 6.8.1.3, the documented body's tag. */
  createdTag: webCustom,
  /** guide 6.8.1.4 */
  updatedTag: { ...webCustom, label: 'Web Custom Updated' },
  /** guide 6.8.2.1 and 6.8.3.1 */
  propertyRules: rules.property,
  portRules: rules.port,
} as const;
