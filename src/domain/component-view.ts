/**
 * What API 3.0 shows of a component beyond the component itself (Cisco's ComponentFields and
 * Component): its device, its counters, the tags of its flows, its user properties.
 * Version-neutral; the wire shape is the serializers' business.
 */
import type { Device } from './devices.js';
import type { Component, TagSet } from './types.js';
import type { UserProperty } from './user-property.js';

/** A device as other objects nest it (Cisco's LightDevice): no components, no counters. */
export type DeviceLight = Pick<Device, 'id' | 'label' | 'customLabel' | 'deviceType' | 'icon' | 'ip' | 'mac' | 'tags' | 'group'>;

export interface ComponentCounts {
  /** Flows it is an end of. */
  flows: number;
  /** Events about it (its own, or as an end of their flow). */
  events: number;
  /** Variables it holds. */
  variables: number;
  credentials: number;
  externalCommunications: number;
  /** Vulnerabilities matched to it. */
  vulnerabilities: number;
  /** Security insight requests it made: flows it opened that carry a DNS name, an HTTP host or an SMB share. */
  requests: number;
}

export interface ComponentView {
  component: Component;
  device: DeviceLight | null;
  counts: ComponentCounts;
  /** The union of its flows' tags ('important' wins). */
  flowsTags: TagSet;
  userProperties: UserProperty[];
  /** Its device's user properties, or null when it has no device. */
  deviceUserProperties: UserProperty[] | null;
}

/** A component on its own (GET /components/{id}): also the sensors that saw its flows. */
export interface ComponentDetail extends ComponentView {
  sensorNames: string[];
}
