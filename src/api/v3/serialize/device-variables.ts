/**
 * Variables in the 3.0 shape (Cisco's `Variable`): who accessed each (the component, and its
 * device when it has one), first and last access in ms, the access types. A device's are the
 * union of the variables its components hold (GET /devices/{id}/variables).
 * Kept small: the component form (R1's serialize/variables.ts) is unified with it at merge.
 */
import type { Component, Variable, VariableAccess } from '../../../domain/types.js';
import type { DeviceSummary } from '../../../store/devices.js';
import type { VariableSchema } from '../schemas/devices.js';
import { type Wire, componentIcon, componentLabels, deviceLabels, ms } from './common.js';

/** The protocol a holder's variables travel in, by the properties its protocol gave it. divergence: Cisco's rule is not published. */
const PROTOCOLS: readonly [string, string][] = [
  ['s7plus-', 'S7Plus'],
  ['s7-', 'S7'],
  ['enip-', 'EtherNet/IP'],
  ['modbus-', 'Modbus'],
  ['bacnet-', 'BACnet'],
  ['dnp3-', 'DNP3'],
  ['iec104-', 'IEC 60870-5-104'],
  ['opcua-', 'OPC UA'],
];

export function variableProtocol(holder: Pick<Component, 'properties'>): string {
  const names = Object.keys(holder.properties);
  return PROTOCOLS.find(([prefix]) => names.some((n) => n.startsWith(prefix)))?.[1] ?? '';
}

/** What serializing variables needs to know of the components involved. */
export interface VariableContext {
  component(id: string): Component | undefined;
  deviceOf(componentId: string): DeviceSummary | undefined;
}

type Access = Wire<typeof VariableSchema>['accesses'][number];

function accessor(c: Component): Access['component'] {
  return { id: c.id, ...componentLabels(c), icon: c.customIcon ?? componentIcon(c) };
}

export function variable(v: Variable, holder: Component, ctx: VariableContext): Wire<typeof VariableSchema> {
  const accesses: Access[] = [];
  const types = new Set<string>();
  let [first, last] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const a of v.authors) {
    const spans = [a.read, a.write].filter((x): x is VariableAccess => x !== null);
    if (spans.length === 0) continue;
    const author = ctx.component(a.componentId);
    const d = ctx.deviceOf(a.componentId);
    const aFirst = Math.min(...spans.map((s) => s.first));
    const aLast = Math.max(...spans.map((s) => s.last));
    for (const s of spans) types.add(s.type);
    [first, last] = [Math.min(first, aFirst), Math.max(last, aLast)];
    accesses.push({
      id: `${v.id}_${a.componentId}`,
      component: author ? accessor(author) : { id: a.componentId, label: a.name, originalLabel: a.name, customLabel: '', icon: '' },
      device: d ? { id: d.id, ...deviceLabels(d), icon: d.icon } : null,
      firstAccess: ms(aFirst),
      lastAccess: ms(aLast),
      types: spans.map((s) => s.type),
    });
  }
  return {
    id: v.id,
    label: v.name,
    protocol: variableProtocol(holder),
    category: '',
    types: [...types].sort(),
    accesses,
    firstAccess: accesses.length > 0 ? ms(first) : 0,
    lastAccess: accesses.length > 0 ? ms(last) : 0,
  };
}
