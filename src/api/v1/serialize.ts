/**
 * Domain objects → the JSON shapes the 1.0 guide prints: snake_case, RFC 3339 times with
 * microseconds, tags as { label: class }. Fields a Center has not filled are left out
 * (guide 5.2: "may be missing if no Flows allows the CCV to fill them").
 */
import { formatTimestamp as ts } from '../../domain/time.js';
import type {
  Component,
  Event,
  Flow,
  FlowContent,
  FlowEndpoint,
  FlowStats,
  Group,
  Icon,
  Sensor,
  Tag,
  TagSet,
  Variable,
  VariableAccess,
  Vulnerability,
} from '../../domain/types.js';

type Json = Record<string, unknown>;
export type TagLabels = ReadonlyMap<string, string>;

/**
 * Copies the members that are not null or undefined, in order. (Deleting keys instead would
 * turn the object into a slow dictionary for JSON.stringify.)
 */
function compact(o: Json): Json {
  const out: Json = {};
  for (const k in o) if (o[k] !== null && o[k] !== undefined) out[k] = o[k];
  return out;
}

const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);

/** Tags print by label (guide 6.3.1: "PLC", 6.4.1: "Start CPU"). */
export function tags(set: TagSet, labels: TagLabels): Json {
  const out: Json = {};
  for (const [key, cls] of Object.entries(set)) out[labels.get(key) ?? key] = cls;
  return out;
}

export function vulnerability(v: Vulnerability): Json {
  return {
    id: v.id,
    cve: v.cve,
    title: v.title,
    summary: v.summary,
    solution: v.solution,
    cvss: v.cvss,
    cvss_vector_string: v.cvssVectorString,
    publish_time: ts(v.publishTime),
  };
}

/** guide 5.2 and 6.3.3 (custom_name follows creation_time there). */
export function component(c: Component, labels: TagLabels): Json {
  return compact({
    id: c.id,
    creation_time: ts(c.creationTime),
    custom_name: c.customName,
    last_active_time: ts(c.lastActiveTime),
    ip: c.ip,
    mac: c.mac,
    name: c.name,
    model_name: c.modelName,
    model_ref: c.modelRef,
    fw_version: c.fwVersion,
    hw_version: c.hwVersion,
    serial_number: c.serialNumber,
    vendor_name: c.vendorName,
    project_name: c.projectName,
    project_version: c.projectVersion,
    custom_icon: c.customIcon,
    tags: nonEmpty(tags(c.tags, labels)),
    properties: nonEmpty(c.properties),
    group: c.group,
    vulnerabilities: c.vulnerabilities.length > 0 ? c.vulnerabilities.map(vulnerability) : undefined,
  });
}

function endpoint(e: FlowEndpoint): Json {
  return compact({ mac: e.mac, ip: e.ip, port: e.port, component: { id: e.componentId } });
}

/** guide 5.3 */
export function flow(f: Flow, labels: TagLabels): Json {
  return compact({
    id: f.id,
    src: endpoint(f.src),
    dst: endpoint(f.dst),
    ethertype: f.ethertype,
    protocol: f.protocol,
    sensor_id: f.sensorId,
    network_category: f.networkCategory,
    tags: tags(f.tags, labels),
    properties: f.properties,
    first_seen: ts(f.firstSeen),
    last_seen: ts(f.lastSeen),
  });
}

/** guide 6.4.3 */
export function flowContent(c: FlowContent): Json {
  return { id: c.id, time: ts(c.time), direction: c.direction, content: c.content };
}

/** guide 5.3.1 */
export function flowStats(s: FlowStats): Json {
  return {
    flow_id: s.flowId,
    direction: s.direction,
    direction_method: s.directionMethod,
    nb_packets: s.nbPackets,
    l2_bytes: s.l2Bytes,
    l7_bytes: s.l7Bytes,
  };
}

/** guide 5.4 */
export function group(g: Group, labels: TagLabels): Json {
  return {
    id: g.id,
    creation_time: ts(g.creationTime),
    label: g.label,
    description: g.description,
    comments: g.comments,
    color: g.color,
    industrial_impact: g.industrialImpact,
    properties: g.properties.map((p) => ({ last_update: ts(p.lastUpdate), position: p.position, label: p.label, value: p.value })),
    components: g.components.map((c) => component(c, labels)),
  };
}

/** guide 5.5 */
export function event(e: Event): Json {
  return compact({
    id: e.id,
    creation_time: ts(e.creationTime),
    severity: e.severity,
    type: e.type,
    family: e.family,
    category: e.category,
    short_message: e.shortMessage,
    message: e.message,
    component: e.componentId ? { id: e.componentId } : null,
    flow: e.flowId ? { id: e.flowId } : null,
  });
}

/** guide 5.1 and 6.2.1 (the union of both samples' fields). */
export function sensor(s: Sensor): Json {
  const time = (v: number | null) => (v === null ? null : ts(v));
  return {
    id: s.id,
    name: s.name,
    version: s.version,
    model: s.model,
    hardware_type: s.hardwareType,
    status: s.status,
    processing_status: s.processingStatus,
    filter: { capture_mode: s.captureMode, custom_input: s.customInput },
    serial_number: s.serialNumber,
    auto_config: s.autoConfig,
    ssh_reachable: s.sshReachable,
    ssh_reachable_last_update: s.sshReachableLastUpdate === null ? null : Math.floor(s.sshReachableLastUpdate / 1000),
    creation_time: ts(s.creationTime),
    last_active_time: ts(s.lastActiveTime),
    uptime: s.uptime,
    snort_enabled: s.snortEnabled,
    ip: s.ip,
    recording: s.recording,
    recording_last_start: time(s.recordingLastStart),
    recording_last_stop: time(s.recordingLastStop),
    recording_last_size: s.recordingLastSize,
    statistics: s.statistics,
    has_presets: s.hasPresets,
    flow_rate_day: s.flowRateDay,
    flow_count_day: s.flowCountDay,
    flows_percentage: s.flowsPercentage,
  };
}

function access(a: VariableAccess | null): Json | undefined {
  return a ? { first: ts(a.first), last: ts(a.last), type: a.type } : undefined;
}

/** guide 5.6 */
export function variable(v: Variable): Json {
  return {
    id: v.id,
    name: v.name,
    authors: v.authors.map((a) => compact({ id: a.componentId, name: a.name, read: access(a.read), write: access(a.write) })),
  };
}

/** guide 6.8.1.1 */
export function tagSummary(t: Tag): Json {
  return { tag: t.key, label: t.label, desc: t.description };
}

/** guide 6.8.1.2 prints {tag, label}; the other fields a tag is created with follow. */
export function tagDetail(t: Tag): Json {
  return { tag: t.key, label: t.label, desc: t.description, type: t.type, category: t.category, IT: t.it, OT: t.ot };
}

/** guide 6.3.6 */
export function icon(i: Icon): Json {
  return { key: i.key, description: i.description, image: i.image.toString('base64'), 'content-type': i.contentType };
}
