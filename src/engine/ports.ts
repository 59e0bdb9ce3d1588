/**
 * PORT_ARRAY entries (guide 6.8): "TCP/80" is a TCP flow on port 80, "UDP/8080" a UDP flow on
 * port 8080, "22" (or the number 22) a TCP or UDP flow on port 22.
 */

export interface PortMatch {
  /** null: TCP or UDP. */
  protocol: 'TCP' | 'UDP' | null;
  port: number;
}

const ENTRY_RE = /^(?:(TCP|UDP)\/)?(\d{1,5})$/i;

/** The match an entry stands for, or undefined when it is not a port (e.g. "ICMP/1", "abc"). */
export function parsePort(entry: unknown): PortMatch | undefined {
  if (typeof entry === 'number') return Number.isInteger(entry) && entry >= 1 && entry <= 65535 ? { protocol: null, port: entry } : undefined;
  if (typeof entry !== 'string') return undefined;
  const m = ENTRY_RE.exec(entry.trim());
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { protocol: m[1] ? (m[1].toUpperCase() as 'TCP' | 'UDP') : null, port };
}

/** Whether a flow with this protocol and these ports matches an entry ("either port", guide 6.8). */
export function portMatches(m: PortMatch, protocol: string | null, srcPort: number | null, dstPort: number | null): boolean {
  const proto = protocol?.toUpperCase() ?? null;
  if (m.protocol ? proto !== m.protocol : proto !== 'TCP' && proto !== 'UDP') return false;
  return srcPort === m.port || dstPort === m.port;
}
