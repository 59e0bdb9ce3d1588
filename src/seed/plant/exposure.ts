/**
 * What makes a plant's exposure visible to a Center: the few conversations that leave the site
 * (the DNS servers forwarding to public resolvers, the proxy and the update server reaching the
 * cloud, a remote-access session from the jump host and from one engineering station), and
 * the clear-text protocols that carry credentials (FTP to controllers, a camera's web page in
 * basic authentication; Telnet and SNMPv2c elsewhere in ./conversations.ts).
 */
import type { Random } from '../../random.js';
import type { ConversationBuilder } from './builder.js';
import { KIND } from './kinds.js';
import type { Device, Topology } from './topology.js';

export type InternetRole = 'dns' | 'web' | 'update' | 'remote';

/** A public host the plant talks to; `always`: in small plants too (the others need a proxy or an update server). */
export const INTERNET_HOSTS: readonly { ip: string; name: string; role: InternetRole; always?: true }[] = [
  { ip: '8.8.8.8', name: 'dns.google', role: 'dns', always: true },
  { ip: '37.252.227.51', name: 'router15.teamviewer.com', role: 'remote', always: true },
  { ip: '1.1.1.1', name: 'one.one.one.one', role: 'dns' },
  { ip: '142.250.185.100', name: 'www.google.com', role: 'web' },
  { ip: '20.190.151.68', name: 'login.microsoftonline.com', role: 'web' },
  { ip: '52.97.146.162', name: 'outlook.office365.com', role: 'web' },
  { ip: '52.113.194.132', name: 'teams.microsoft.com', role: 'web' },
  { ip: '13.107.4.50', name: 'download.windowsupdate.com', role: 'update' },
];

/** A public host as an endpoint of the plant: its address behind the edge firewall's MAC. */
export interface InternetHost {
  ep: number;
  name: string;
  role: InternetRole;
}

export function exposureConversations(topo: Topology, rng: Random, b: ConversationBuilder): void {
  const { session, relate } = b;
  const of = (fn: Device['fn']): Device[] => (topo.byFn.get(fn) ?? []).map((i) => topo.devices[i] as Device);
  const hosts = (role: InternetRole) => topo.internet.filter((h) => h.role === role);
  const talk = (client: Device | undefined, server: number, kind: number, variant: number, w: number, dport = -1): void => {
    if (!client || client.ipEp < 0 || server < 0) return;
    session(client.ipEp, server, kind, variant, dport);
    relate(client.ipEp, server, kind, variant, w, dport);
  };

  for (const r of hosts('dns')) talk(of('it-dc')[0], r.ep, KIND.DNS, 0, 2);
  for (const w of hosts('web')) talk(of('proxy')[0], w.ep, KIND.HTTPS, 1, 2);
  for (const u of hosts('update')) talk(of('patch')[0], u.ep, KIND.HTTPS, 1, 1);
  for (const r of hosts('remote')) {
    for (const j of of('jump')) talk(j, r.ep, KIND.HTTPS, 1, 0.5);
    // A vendor's remote support straight from the plant floor: what a Center is there to see.
    talk(of('engineering').find((d) => d.zone === 'cell'), r.ep, KIND.HTTPS, 1, 0.2);
  }

  // Engineering stations send web pages and firmware to Schneider and Wago controllers by FTP.
  for (const cell of topo.cells) {
    const eng = cell.devices.map((i) => topo.devices[i] as Device).find((d) => d.fn === 'engineering') ?? of('engineering')[cell.idx % Math.max(1, of('engineering').length)];
    for (const i of cell.devices) {
      const plc = topo.devices[i] as Device;
      if (plc.fn !== 'plc' || (plc.vendor.key !== 'schneider' && plc.vendor.key !== 'wago') || !rng.chance(0.5)) continue;
      talk(eng, plc.ipEp, KIND.FTP, plc.vendor.key === 'schneider' ? 0 : 1, 0.1);
    }
  }
  // The video recorder's operators open the cameras' web pages.
  for (const cell of topo.cells) {
    const ds = cell.devices.map((i) => topo.devices[i] as Device);
    const nvr = ds.find((d) => d.fn === 'nvr');
    for (const cam of ds.filter((d) => d.fn === 'camera')) talk(nvr, cam.ipEp, KIND.HTTP, 3, 0.2, 80);
  }
}
