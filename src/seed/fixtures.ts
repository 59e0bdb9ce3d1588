/**
 * The guide's printed examples, loaded into every world with their ids and values (DESIGN:
 * "the guide's examples are fixtures"), so that each example request gets the guide's answer.
 * The files in fixtures/ are in the 1.0 wire format, as the guide prints them; this module reads
 * them back into domain objects and writes them through the repositories.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTimestamp, type Micros } from '../domain/time.js';
import type { PortRule, PropertyRule } from '../domain/rules.js';
import type { Properties, Sensor, TagSet } from '../domain/types.js';
import type { MatchReason } from '../domain/vulnerability.js';
import type {
  CaptureMode,
  DirectionMethod,
  EventCategory,
  EventFamily,
  EventType,
  FlowDirection,
  GroupColor,
  IndustrialImpact,
  NetworkCategory,
  Severity,
  TagClass,
} from '../domain/vocabulary.js';
import type { Store } from '../store/store.js';
import { knowledgeEntry, matchingTime, nvdLink } from './knowledge/entries.js';

const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

type Wire = Record<string, unknown>;

function read<T>(file: string): T {
  return JSON.parse(readFileSync(FIXTURES_DIR + file, 'utf8')) as T;
}

function time(v: unknown): Micros {
  const t = typeof v === 'string' ? parseTimestamp(v) : undefined;
  if (t === undefined) throw new Error(`fixtures: not a timestamp: ${JSON.stringify(v)}`);
  return t;
}

const optTime = (v: unknown): Micros | null => (v === null || v === undefined ? null : time(v));
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Tags print by label; the store keeps keys. */
function tagKeys(store: Store, tags: Record<string, string> | undefined): TagSet {
  const out: TagSet = {};
  for (const [label, cls] of Object.entries(tags ?? {})) {
    const key = store.tags.resolve(label)[0];
    if (!key) throw new Error(`fixtures: unknown tag "${label}"`);
    out[key] = (cls === 'important' ? 'important' : 'info') satisfies TagClass;
  }
  return out;
}

export interface FixtureIcon {
  key: string;
  description: string;
  content_type: string;
  image_base64: string;
}

/** The icons of guide 6.3.5–6.3.7. They are part of the Knowledge DB, loaded before the rest. */
export function loadFixtureIcons(store: Store): void {
  for (const i of read<FixtureIcon[]>('icons.json')) {
    store.icons.insert({ key: i.key, description: i.description, contentType: i.content_type, image: Buffer.from(i.image_base64, 'base64') });
  }
}

function loadSensors(store: Store): void {
  for (const s of read<Wire[]>('sensors.json')) {
    const filter = (s['filter'] ?? {}) as { capture_mode?: CaptureMode; custom_input?: string };
    const sensor: Sensor = {
      id: s['id'] as string,
      name: s['name'] as string,
      serialNumber: s['serial_number'] as string,
      ip: s['ip'] as string,
      model: (s['model'] as string | undefined) ?? '',
      hardwareType: (s['hardware_type'] as string | undefined) ?? '',
      version: s['version'] as string,
      status: s['status'] as string,
      processingStatus: (s['processing_status'] as string | undefined) ?? '',
      captureMode: filter.capture_mode ?? 'all',
      customInput: filter.custom_input ?? '',
      autoConfig: s['auto_config'] === true,
      sshReachable: s['ssh_reachable'] === true,
      sshReachableLastUpdate: typeof s['ssh_reachable_last_update'] === 'number' ? s['ssh_reachable_last_update'] * 1000 : null,
      creationTime: time(s['creation_time']),
      lastActiveTime: time(s['last_active_time']),
      uptime: (s['uptime'] as string | undefined) ?? '',
      snortEnabled: s['snort_enabled'] === true,
      recording: s['recording'] === true,
      recordingLastStart: optTime(s['recording_last_start']),
      recordingLastStop: optTime(s['recording_last_stop']),
      recordingLastSize: (s['recording_last_size'] as number | undefined) ?? 0,
      statistics: s['statistics'] === true,
      hasPresets: s['has_presets'] === true,
      flowRateDay: (s['flow_rate_day'] as number | undefined) ?? 0,
      flowCountDay: (s['flow_count_day'] as number | undefined) ?? 0,
      flowsPercentage: (s['flows_percentage'] as string | undefined) ?? '',
    };
    store.sensors.insert(sensor);
  }
}

function loadComponents(store: Store): void {
  for (const c of read<Wire[]>('components.json')) {
    const rowid = store.components.insert({
      id: c['id'] as string,
      mac: c['mac'] as string,
      ip: str(c['ip']),
      creationTime: time(c['creation_time']),
      lastActiveTime: time(c['last_active_time']),
      name: str(c['name']),
      modelName: str(c['model_name']),
      modelRef: str(c['model_ref']),
      fwVersion: str(c['fw_version']),
      hwVersion: str(c['hw_version']),
      serialNumber: str(c['serial_number']),
      vendorName: str(c['vendor_name']),
      projectName: str(c['project_name']),
      projectVersion: str(c['project_version']),
    });
    const props = (c['properties'] ?? {}) as Properties;
    store.components.setProperties(rowid, props, props);
    const tags = tagKeys(store, c['tags'] as Record<string, string> | undefined);
    store.components.setTags(rowid, tags, tags);
    // The guide prints eight fields of each; the Knowledge DB entry derives the others from them.
    // The match rests on the identity fields the component has.
    const reasons: MatchReason[] = [];
    if (c['model_ref']) reasons.push('model-ref');
    if (c['fw_version']) reasons.push('fw-version');
    for (const v of (c['vulnerabilities'] ?? []) as Wire[]) {
      const entry = knowledgeEntry({
        id: v['id'] as string,
        cve: v['cve'] as string,
        title: v['title'] as string,
        summary: v['summary'] as string,
        solution: v['solution'] as string,
        cvss: v['cvss'] as number,
        vector: v['cvss_vector_string'] as string,
        publishTime: time(v['publish_time']),
        links: [nvdLink(v['cve'] as string)],
      });
      store.vulnerabilities.insert(entry);
      const id = c['id'] as string;
      store.vulnerabilities.match(id, entry.id, matchingTime(time(c['creation_time']), entry.creationTime, `${id}|${entry.id}`), reasons);
    }
  }
}

function rowidOf(store: Store, id: string, where: string): number {
  const rowid = store.components.rowid(id);
  if (rowid === undefined) throw new Error(`fixtures: ${where} names an unknown component ${id}`);
  return rowid;
}

function loadGroups(store: Store): void {
  for (const g of read<Wire[]>('groups.json')) {
    const props = (g['properties'] ?? []) as Wire[];
    store.groups.insert(
      {
        id: g['id'] as string,
        creationTime: time(g['creation_time']),
        label: g['label'] as string,
        description: (g['description'] as string | undefined) ?? '',
        comments: (g['comments'] as string | undefined) ?? '',
        color: g['color'] as GroupColor,
        industrialImpact: (g['industrial_impact'] as IndustrialImpact | undefined) ?? 'VERY_LOW',
        properties: props.map((p) => ({
          position: p['position'] as number,
          label: p['label'] as string,
          value: p['value'] as string,
          lastUpdate: time(p['last_update']),
        })),
      },
      ((g['components'] ?? []) as string[]).map((id) => rowidOf(store, id, `group ${String(g['label'])}`)),
    );
  }
}

interface WireEndpoint {
  mac: string;
  ip?: string;
  port?: number;
  component: { id: string };
}

function loadFlows(store: Store): void {
  for (const f of read<Wire[]>('flows.json')) {
    const src = f['src'] as WireEndpoint;
    const dst = f['dst'] as WireEndpoint;
    const tags = tagKeys(store, f['tags'] as Record<string, string> | undefined);
    const rowid = store.flows.insert({
      id: f['id'] as string,
      srcComponent: rowidOf(store, src.component.id, `flow ${String(f['id'])}`),
      dstComponent: rowidOf(store, dst.component.id, `flow ${String(f['id'])}`),
      srcMac: src.mac,
      srcIp: src.ip ?? null,
      srcPort: src.port ?? null,
      dstMac: dst.mac,
      dstIp: dst.ip ?? null,
      dstPort: dst.port ?? null,
      ethertype: str(f['ethertype']),
      protocol: str(f['protocol']),
      sensorId: str(f['sensor_id']),
      networkCategory: f['network_category'] as NetworkCategory,
      firstSeen: time(f['first_seen']),
      lastSeen: time(f['last_seen']),
    }, tags, (f['properties'] ?? {}) as Properties);
    for (const c of (f['contents'] ?? []) as Wire[]) {
      store.flows.addContent(rowid, {
        id: c['id'] as string,
        time: time(c['time']),
        direction: c['direction'] as FlowDirection,
        content: c['content'] as Properties,
      });
    }
    ((f['stats'] ?? []) as Wire[]).forEach((s, position) => {
      store.flows.addStats(
        rowid,
        {
          direction: s['direction'] as FlowDirection,
          directionMethod: s['direction_method'] as DirectionMethod,
          nbPackets: s['nb_packets'] as number,
          l2Bytes: s['l2_bytes'] as number,
          l7Bytes: s['l7_bytes'] as number,
        },
        position,
      );
    });
  }
}

function loadEvents(store: Store): void {
  for (const e of read<Wire[]>('events.json')) {
    const componentId = (e['component'] as { id: string } | undefined)?.id;
    const flowId = (e['flow'] as { id: string } | undefined)?.id;
    const flowRowid = flowId === undefined ? null : (store.flows.rowid(flowId) ?? null);
    // An event about a flow is also about the flow's two ends (the `from`/`to` filters).
    const flow = flowId === undefined ? undefined : store.flows.get(flowId);
    const end = (id: string | undefined) => (id === undefined ? null : (store.components.rowid(id) ?? null));
    const data = e['data'] as { filename: string; content_type: string; base64: string } | undefined;
    store.events.insert(
      {
        id: e['id'] as string,
        creationTime: time(e['creation_time']),
        severity: e['severity'] as Severity,
        type: e['type'] as EventType,
        family: e['family'] as EventFamily,
        category: e['category'] as EventCategory,
        shortMessage: e['short_message'] as string,
        message: e['message'] as string,
        componentRowid: componentId === undefined ? null : rowidOf(store, componentId, `event ${String(e['id'])}`),
        flowRowid,
        srcComponent: end(flow?.src.componentId),
        dstComponent: end(flow?.dst.componentId),
      },
      data && { filename: data.filename, contentType: data.content_type, data: Buffer.from(data.base64, 'base64') },
    );
  }
}

interface WireVariable {
  id: string;
  name: string;
  authors: { id: string; read?: { first: string; last: string }; write?: { first: string; last: string } }[];
}

function loadVariables(store: Store): void {
  for (const [holder, variables] of Object.entries(read<Record<string, WireVariable[]>>('variables.json'))) {
    const holderRowid = rowidOf(store, holder, 'variables');
    for (const v of variables) {
      const rowid = store.variables.insert(v.id, holderRowid, v.name);
      for (const a of v.authors) {
        const author = rowidOf(store, a.id, `variable ${v.id}`);
        if (a.read) store.variables.recordAccess(rowid, author, 'read', time(a.read.first), time(a.read.last));
        if (a.write) store.variables.recordAccess(rowid, author, 'write', time(a.write.first), time(a.write.last));
      }
    }
  }
}

function loadRules(store: Store): void {
  const rules = read<{ property: PropertyRule[]; port: PortRule[] }>('rules.json');
  for (const r of rules.property) store.propertyRules.insert(r);
  for (const r of rules.port) store.portRules.insert(r);
}

/** Loads every fixture but the icons (see loadFixtureIcons). Runs inside the caller's transaction. */
export function loadFixtures(store: Store): void {
  loadSensors(store);
  loadComponents(store);
  loadGroups(store);
  loadFlows(store);
  loadEvents(store);
  loadVariables(store);
  loadRules(store);
}
