/**
 * External communications (API 3.0): the flows between a component of the site and a public
 * address. Version-neutral, times in microseconds.
 */
import type { Micros } from './time.js';

export interface ExternalCommunication {
  /** The flow's id. */
  id: string;
  /** 'outgoing' when the site's component opened the flow (it is the client), 'incoming' otherwise. */
  direction: 'outgoing' | 'incoming';
  internalComponentId: string;
  externalComponentId: string;
  internalIp: string;
  externalIp: string;
  /** The name the flow reveals for the external end (TLS server name, HTTP host), or ''. */
  hostname: string;
  lastSeen: Micros;
  /** The flow's protocol tag (e.g. "DNS", "Web"), or its transport protocol when it has none. */
  protocol: string;
  /** Layer 2 bytes the internal end sent and received (the flow's stats). */
  sentBytes: number;
  receivedBytes: number;
  serverPort: number | null;
}
