/**
 * The domain objects the store returns and the serializers shape. Version-neutral: camelCase,
 * times in microseconds, no wire-format decisions (those live in src/api/v1/serialize.ts).
 */
import type { ActiveDiscoveryInterface, SensorLocation } from './sensor.js';
import type { Micros } from './time.js';
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
  TagType,
  VariableAccessType,
} from './vocabulary.js';
import type { Vulnerability } from './vulnerability.js';

/** A Knowledge DB entry (src/domain/vulnerability.ts); guide 5.2 prints eight of its fields. */
export type { Vulnerability };

export type Properties = Record<string, string>;
/** Tag key → class, e.g. { PLC: 'info' }. */
export type TagSet = Record<string, TagClass>;

/** Whether an object (a TagSet, a set of property changes) has no entries, without listing them. */
export function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export interface Sensor {
  id: string;
  name: string;
  serialNumber: string;
  ip: string;
  model: string;
  hardwareType: string;
  version: string;
  status: string;
  processingStatus: string;
  captureMode: CaptureMode;
  customInput: string;
  autoConfig: boolean;
  sshReachable: boolean;
  sshReachableLastUpdate: Micros | null;
  creationTime: Micros;
  lastActiveTime: Micros;
  uptime: string;
  snortEnabled: boolean;
  recording: boolean;
  recordingLastStart: Micros | null;
  recordingLastStop: Micros | null;
  recordingLastSize: number;
  statistics: boolean;
  hasPresets: boolean;
  flowRateDay: number;
  flowCountDay: number;
  flowsPercentage: string;
  /** Where it is (API 3.0 PUT /sensors/{id}/location); null or absent: nowhere given. */
  location?: SensorLocation | null;
  /** Its active discovery interfaces (API 3.0); absent: none. */
  activeDiscovery?: ActiveDiscoveryInterface[];
}

/** guide 5.2: the normalized fields "may be missing": absent ones are null. */
export interface Component {
  id: string;
  creationTime: Micros;
  lastActiveTime: Micros;
  ip: string | null;
  mac: string;
  name: string | null;
  modelName: string | null;
  modelRef: string | null;
  fwVersion: string | null;
  hwVersion: string | null;
  serialNumber: string | null;
  vendorName: string | null;
  projectName: string | null;
  projectVersion: string | null;
  customName: string | null;
  customIcon: string | null;
  /** The label of the component's group (guide 5.2), or null. */
  group: string | null;
  groupId: string | null;
  tags: TagSet;
  properties: Properties;
  vulnerabilities: Vulnerability[];
}

export interface FlowEndpoint {
  mac: string;
  ip: string | null;
  port: number | null;
  componentId: string;
}

export interface Flow {
  id: string;
  src: FlowEndpoint;
  dst: FlowEndpoint;
  ethertype: string | null;
  protocol: string | null;
  sensorId: string | null;
  networkCategory: NetworkCategory;
  tags: TagSet;
  properties: Properties;
  firstSeen: Micros;
  lastSeen: Micros;
}

export interface FlowContent {
  id: string;
  flowId: string;
  time: Micros;
  direction: FlowDirection;
  content: Properties;
}

export interface FlowStats {
  flowId: string;
  direction: FlowDirection;
  directionMethod: DirectionMethod;
  nbPackets: number;
  l2Bytes: number;
  l7Bytes: number;
}

export interface GroupProperty {
  position: number;
  label: string;
  value: string;
  lastUpdate: Micros;
}

export interface Group {
  id: string;
  creationTime: Micros;
  label: string;
  description: string;
  comments: string;
  color: GroupColor;
  industrialImpact: IndustrialImpact;
  properties: GroupProperty[];
  components: Component[];
}

export interface Event {
  id: string;
  creationTime: Micros;
  severity: Severity;
  type: EventType;
  family: EventFamily;
  category: EventCategory;
  shortMessage: string;
  message: string;
  componentId: string | null;
  flowId: string | null;
  hasData: boolean;
}

export interface EventData {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface VariableAccess {
  type: VariableAccessType;
  first: Micros;
  last: Micros;
}

export interface VariableAuthor {
  componentId: string;
  name: string;
  read: VariableAccess | null;
  write: VariableAccess | null;
}

export interface Variable {
  id: string;
  /** The component that holds the variable (a PLC). */
  componentId: string;
  name: string;
  authors: VariableAuthor[];
}

export interface Tag {
  key: string;
  label: string;
  description: string;
  category: string;
  type: TagType;
  it: boolean;
  ot: boolean;
  /** Knowledge DB tags cannot be changed through the API (guide 6.8.1.5). */
  origin: 'kdb' | 'api';
}

export interface Icon {
  key: string;
  description: string;
  contentType: string;
  image: Buffer;
}
