/**
 * Credentials a Center reads in clear-text protocols (FTP, Telnet, HTTP basic authentication,
 * SNMP communities), kept per component: the server that accepted them. A device's are the
 * union of its components'. Version-neutral, times in microseconds.
 */
import type { Micros } from './time.js';

/** How the secret travelled: readable as sent, or base64 (HTTP basic authentication). */
export type CredentialAlgo = 'plaintext' | 'base64';

export interface Credential {
  componentId: string;
  protocol: string;
  username: string;
  password: string;
  algo: CredentialAlgo;
  /** When it was first seen, and last seen. */
  creationTime: Micros;
  lastUpdate: Micros;
}

/** A credential as the Knowledge DB reads it off a flow, before it is dated and kept on a component. */
export type CredentialSpec = Pick<Credential, 'protocol' | 'username' | 'password' | 'algo'>;
