/**
 * What the plant's clients ask for in the requests a Center reports (its security insights and
 * external communications read them): DNS names, HTTP hosts, SMB shares, TLS server names. One
 * value per flow, drawn when the flow is made (./builder.ts), by who asks whom.
 */

/** Who asks whom, for the value a request carries (a DNS name, an HTTP host, an SMB share, a TLS server name). */
export interface RequestContext {
  /** The client is an office host (zone it), and its domain. */
  office: boolean;
  domain: string;
  /** The server: its host name (a service name on the internet), domain and function. */
  server: string;
  serverDomain: string;
  serverRole: string;
  internet: boolean;
}

/** The flow property a request sets, and the values a client may ask for there. */
export interface RequestSpec {
  property: string;
  values(c: RequestContext, variant: number): readonly string[];
}

const OT_NAMES = ['ot-dc01.ot.plant.local', 'hist-srv01.ot.plant.local', 'scada-srv01.ot.plant.local', 'wsus01.dmz.plant.local', 'time.windows.com', 'ctldl.windowsupdate.com'];
const OFFICE_NAMES = ['it-dc01.corp.plant.local', 'fs01.corp.plant.local', 'wpad.corp.plant.local', 'proxy01.corp.plant.local', 'web-rpt01.dmz.plant.local'];
/** What the offices look up on the internet (the DNS servers forward these to public resolvers). */
export const INTERNET_NAMES = ['www.google.com', 'login.microsoftonline.com', 'outlook.office365.com', 'teams.microsoft.com', 'www.bing.com', 'update.microsoft.com', 'www.linkedin.com'];
const REVERSE = ['10.1.1.10.in-addr.arpa', '14.1.20.10.in-addr.arpa', '10.1.20.10.in-addr.arpa'];

/** DNS: hosts of the client's domain (an office PC also looks up the internet), service records, reverse lookups. */
export function dnsNames(c: RequestContext, variant: number): readonly string[] {
  if (c.internet) return INTERNET_NAMES;
  if (variant === 2) return [`_ldap._tcp.dc._msdcs.${c.domain}`, `_kerberos._tcp.${c.domain}`];
  if (variant === 3) return REVERSE;
  return c.office ? [...OFFICE_NAMES, ...INTERNET_NAMES] : OT_NAMES;
}

/** HTTP: what an office PC asks its proxy for (CONNECT host:port), or the server itself. */
export function httpHosts(c: RequestContext, variant: number): readonly string[] {
  if (variant === 1) return INTERNET_NAMES.map((n) => `${n}:443`);
  return [`${c.server}.${c.serverDomain}`];
}

/** SMB: a domain controller's policy shares, a file server's shares, or the IPC share. */
export function smbShares(c: RequestContext): readonly string[] {
  const host = `\\\\${c.server.toUpperCase()}`;
  if (c.serverRole === 'it-dc' || c.serverRole === 'ot-dc') return [`${host}\\SYSVOL`, `${host}\\NETLOGON`];
  if (c.serverRole === 'file') return ['Users', 'Public', 'Finance', 'Engineering', 'Projects'].map((share) => `${host}\\${share}`);
  return [`${host}\\IPC$`];
}
