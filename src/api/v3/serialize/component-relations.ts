/** Variables, credentials and external communications → their 3.0 objects (../schemas/component-relations.ts). */
import type { Credential } from '../../../domain/credentials.js';
import type { ExternalCommunication } from '../../../domain/external-communications.js';
import { msFromMicros } from '../../../domain/time.js';
import type { Component } from '../../../domain/types.js';
import type { VariableView, VariablesOf } from '../../../domain/variable-view.js';
import type { ComponentCredentialSchema, ExternalCommunicationSchema, VariableAccessComponentSchema, VariableSchema } from '../schemas/component-relations.js';
import { type Wire, componentIcon, componentLabels, deviceLabels } from './common.js';

export function accessComponent(id: string, c: Component | undefined): Wire<typeof VariableAccessComponentSchema> {
  if (!c) return { id, label: '', originalLabel: '', customLabel: '', icon: '' };
  return { id: c.id, ...componentLabels(c), icon: componentIcon(c) };
}

/** A variable; `of` gives the components that access it and their devices. */
export function variable(v: VariableView, of: Pick<VariablesOf, 'authors' | 'devices'>): Wire<typeof VariableSchema> {
  const accesses = v.variable.authors.map((a) => {
    const spans = [a.read, a.write].filter((x) => x !== null);
    const d = of.devices.get(a.componentId);
    return {
      id: a.componentId,
      component: accessComponent(a.componentId, of.authors.get(a.componentId)),
      device: d ? { id: d.id, ...deviceLabels(d), icon: d.icon } : null,
      firstAccess: msFromMicros(Math.min(...spans.map((s) => s.first))),
      lastAccess: msFromMicros(Math.max(...spans.map((s) => s.last))),
      types: spans.map((s) => s.type),
    };
  });
  return {
    id: v.variable.id,
    label: v.variable.name,
    protocol: v.protocol,
    category: v.category,
    types: [...new Set(accesses.flatMap((a) => a.types))].sort(),
    accesses,
    // A variable nobody accessed yet (none in a seeded world) is dated 0.
    firstAccess: accesses.length > 0 ? Math.min(...accesses.map((a) => a.firstAccess)) : 0,
    lastAccess: accesses.length > 0 ? Math.max(...accesses.map((a) => a.lastAccess)) : 0,
  };
}

export function credential(c: Credential): Wire<typeof ComponentCredentialSchema> {
  return {
    protocol: c.protocol,
    username: c.username,
    password: c.password,
    algo: c.algo,
    componentId: c.componentId,
    creationTime: msFromMicros(c.creationTime),
    lastUpdate: msFromMicros(c.lastUpdate),
  };
}

/**
 * divergence: `sourceIP` is not in Cisco's document; OPS security-insight-details reads it. It is
 * the IP of the end that opened the flow: the internal one for an outgoing communication.
 */
export function externalCommunication(x: ExternalCommunication): Wire<typeof ExternalCommunicationSchema> {
  return {
    id: x.id,
    direction: x.direction,
    externalIP: x.externalIp,
    internalIP: x.internalIp,
    sourceIP: x.direction === 'outgoing' ? x.internalIp : x.externalIp,
    hostname: x.hostname,
    lastSeen: msFromMicros(x.lastSeen),
    protocol: x.protocol,
    sentByDevice: x.sentBytes,
    receivedByDevice: x.receivedBytes,
    // Cisco types serverPort as a string.
    serverPort: x.serverPort === null ? '' : String(x.serverPort),
  };
}
