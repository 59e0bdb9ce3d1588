/**
 * What GET /components/{id}/… lists beside flows and vulnerabilities: Cisco's Variable (with its
 * VariableAccess and VariableAccessComponent), ComponentCredential and ExternalCommunication.
 * Times are ms.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { int, ms } from './common.js';

export const VariableAccessComponentSchema = named(
  'VariableAccessComponent',
  z.object({ id: z.string(), label: z.string(), originalLabel: z.string(), customLabel: z.string(), icon: z.string() }),
  'The component that reads or writes a variable, or its device.',
);

export const VariableAccessSchema = named(
  'VariableAccess',
  z.object({
    id: z.string(),
    component: VariableAccessComponentSchema,
    device: VariableAccessComponentSchema.nullable(),
    firstAccess: ms,
    lastAccess: ms,
    types: z.array(z.string()),
  }),
  'How one component accesses a variable: `device` is its device (null without one); `types` are "read" and/or "write".',
);

export const VariableSchema = named(
  'Variable',
  z.object({
    id: z.string(),
    label: z.string(),
    protocol: z.string(),
    category: z.string(),
    types: z.array(z.string()),
    accesses: z.array(VariableAccessSchema),
    firstAccess: ms,
    lastAccess: ms,
  }),
  'A variable the component holds (a controller), and the components that access it. `protocol` is "" when no activity tells it.',
);

export const ComponentCredentialSchema = named(
  'ComponentCredential',
  z.object({ protocol: z.string(), username: z.string(), password: z.string(), algo: z.string(), componentId: z.string(), creationTime: ms, lastUpdate: ms }),
  'A credential the component accepted in a clear-text protocol: `algo` is "plaintext" or "base64" (as it travelled).',
);

export const ExternalCommunicationSchema = named(
  'ExternalCommunication',
  z.object({
    id: z.string(),
    direction: z.string(),
    externalIP: z.string(),
    internalIP: z.string(),
    sourceIP: z.string(),
    hostname: z.string(),
    lastSeen: ms,
    protocol: z.string(),
    sentByDevice: int,
    receivedByDevice: int,
    serverPort: z.string(),
  }),
  'A flow between the node and a public address: `direction` is "outgoing" when the node opened it. `sourceIP` (not in Cisco\'s document; a client reads it) is the IP of the end that opened it.',
);
