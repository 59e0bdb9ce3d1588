/**
 * A variable as API 3.0 shows it (Cisco's Variable): the 1.0 variable (guide 5.6) with the
 * protocol it is read in and a category. Version-neutral.
 *
 * divergence: the world keeps neither. The protocol is the industrial protocol tag of the
 * activity between the holder and an author (layer 2 and infrastructure protocols only when
 * there is no other); the category is what the address names in its protocol's own terms (a
 * data block, a holding register…), "Tag" for a symbolic name.
 */
import type { Device } from './devices.js';
import type { Component, Variable } from './types.js';

export interface VariableView {
  variable: Variable;
  protocol: string;
  category: string;
}

export interface VariablesOf {
  variables: VariableView[];
  /** The components that read or write them, by id. */
  authors: Map<string, Component>;
  /** The devices of those components, by component id. */
  devices: Map<string, Pick<Device, 'id' | 'label' | 'customLabel' | 'icon'>>;
}

const CATEGORIES: readonly [RegExp, string][] = [
  [/^DB\d+\./, 'Data block'],
  [/^M[BWD]? ?\d/, 'Memory'],
  [/^[IE][BWD]? ?\d/, 'Input'],
  [/^[QA][BWD]? ?\d/, 'Output'],
  [/^Coil /, 'Coil'],
  [/^HR /, 'Holding register'],
  [/^IR /, 'Input register'],
  [/^BI /, 'Binary input'],
  [/^AI /, 'Analog input'],
  [/^IOA /, 'Information object'],
  [/^AV /, 'Analog value'],
  [/^ns=\d+;/, 'Node'],
];

export function variableCategory(name: string): string {
  return CATEGORIES.find(([re]) => re.test(name))?.[1] ?? 'Tag';
}

/** Protocols that carry no process variables: chosen only when nothing else is there. */
const INFRASTRUCTURE = new Set(['ARP', 'LLDP', 'DHCP', 'DNS', 'NTP', 'SNMP', 'SSH', 'TELNET', 'WEB', 'SMB', 'RDP', 'FTP', 'TUNNELING']);

/** The protocol of a variable, from the protocol tags (key → label) of the activity it is accessed in. */
export function variableProtocol(protocolTags: ReadonlyMap<string, string>): string {
  const keys = [...protocolTags.keys()].sort();
  const key = keys.find((k) => !INFRASTRUCTURE.has(k)) ?? keys[0];
  return key === undefined ? '' : (protocolTags.get(key) as string);
}
