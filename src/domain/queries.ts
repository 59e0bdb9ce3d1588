/**
 * What a client may ask of a list, version-neutral: the v1 routes parse the guide's query
 * parameters into these, a future v3 surface would parse `page`/`size` into the same.
 */
import type { Micros } from './time.js';
import type { EventCategory, EventFamily, EventType, NetworkCategory, Severity } from './vocabulary.js';

export interface Page {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
}

/** `name` (has the property) or `name=value` (has it with that value). */
export interface PropertyFilter {
  name: string;
  value?: string;
}

/** An IPv4 network, as integers (CIDR). */
export interface Network {
  first: number;
  last: number;
}

export interface ComponentQuery extends Page {
  start?: Micros;
  end?: Micros;
  network?: Network;
  ips?: string[];
  macs?: string[];
  vendors?: string[];
  /** Tag keys; a component must carry each (guide 6.3.1 example: "tagged … and with …"). */
  tags?: string[][];
  properties?: PropertyFilter[];
}

export interface FlowQuery extends Page {
  start?: Micros;
  end?: Micros;
  lastSeenAfter?: Micros;
  ips?: string[];
  macs?: string[];
  ports?: number[];
  /** Each entry is the set of keys one `tag=` value stands for; a flow must match every entry. */
  tags?: string[][];
  properties?: PropertyFilter[];
  from?: string;
  to?: string;
  components?: string[];
  netcats?: NetworkCategory[];
}

export interface EventQuery extends Page {
  start?: Micros;
  end?: Micros;
  severities?: Severity[];
  categories?: EventCategory[];
  families?: EventFamily[];
  types?: EventType[];
  groups?: string[];
  text?: string;
  network?: Network;
  ips?: string[];
  macs?: string[];
  from?: string;
  to?: string;
}

export interface TimeWindow extends Page {
  start?: Micros;
  end?: Micros;
}
