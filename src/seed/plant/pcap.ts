/**
 * A small, valid capture for "Decode Failure" events (the Center attaches the packets it could
 * not decode): libpcap format, Ethernet link type, an HMI opening an ISO-on-TCP (port 102)
 * connection to a PLC and sending an S7 job whose parameter length overruns the TPKT. Built
 * byte by byte with real IPv4 and TCP checksums, so Wireshark opens it.
 */
import type { Micros } from '../../domain/time.js';
import type { Random } from '../../random.js';

interface Host {
  mac: string;
  ip: string;
}

const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;

function macBytes(mac: string): Buffer {
  return Buffer.from(mac.split(':').map((h) => parseInt(h, 16)));
}

function ipBytes(ip: string): Buffer {
  return Buffer.from(ip.split('.').map((o) => Number(o) & 0xff));
}

function checksum(buf: Buffer): number {
  let sum = 0;
  for (let i = 0; i + 1 < buf.length; i += 2) sum += buf.readUInt16BE(i);
  if (buf.length % 2 === 1) sum += (buf[buf.length - 1] as number) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function frame(src: Host, dst: Host, sport: number, dport: number, seq: number, ack: number, flags: number, payload: Buffer, ipId: number, ttl: number): Buffer {
  const tcp = Buffer.alloc(20 + payload.length);
  tcp.writeUInt16BE(sport, 0);
  tcp.writeUInt16BE(dport, 2);
  tcp.writeUInt32BE(seq >>> 0, 4);
  tcp.writeUInt32BE(ack >>> 0, 8);
  tcp.writeUInt8(5 << 4, 12);
  tcp.writeUInt8(flags, 13);
  tcp.writeUInt16BE(8192, 14);
  payload.copy(tcp, 20);
  const pseudo = Buffer.concat([ipBytes(src.ip), ipBytes(dst.ip), Buffer.from([0, 6, tcp.length >> 8, tcp.length & 0xff]), tcp]);
  tcp.writeUInt16BE(checksum(pseudo), 16);

  const ip = Buffer.alloc(20);
  ip.writeUInt8(0x45, 0);
  ip.writeUInt16BE(20 + tcp.length, 2);
  ip.writeUInt16BE(ipId & 0xffff, 4);
  ip.writeUInt16BE(0x4000, 6); // don't fragment
  ip.writeUInt8(ttl, 8);
  ip.writeUInt8(6, 9);
  ipBytes(src.ip).copy(ip, 12);
  ipBytes(dst.ip).copy(ip, 16);
  ip.writeUInt16BE(checksum(ip), 10);

  const eth = Buffer.concat([macBytes(dst.mac), macBytes(src.mac), Buffer.from([0x08, 0x00])]);
  return Buffer.concat([eth, ip, tcp]);
}

/** TPKT (RFC 1006) around a COTP unit. */
function tpkt(cotp: Buffer): Buffer {
  const head = Buffer.from([3, 0, 0, 0]);
  head.writeUInt16BE(4 + cotp.length, 2);
  return Buffer.concat([head, cotp]);
}

export function decodeFailurePcap(rng: Random, time: Micros, client: Host, server: Host): Buffer {
  const sport = rng.int(49152, 65000);
  let cseq = rng.int(1, 0x7fffffff);
  let sseq = rng.int(1, 0x7fffffff);
  let ipId = rng.int(1, 60000);
  const cr = tpkt(Buffer.from([0x11, 0xe0, 0x00, 0x00, 0x00, 0x01, 0x00, 0xc0, 0x01, 0x0a, 0xc1, 0x02, 0x01, 0x00, 0xc2, 0x02, 0x01, 0x02]));
  const cc = tpkt(Buffer.from([0x11, 0xd0, 0x00, 0x01, 0x00, 0x01, 0x00, 0xc0, 0x01, 0x0a, 0xc1, 0x02, 0x01, 0x00, 0xc2, 0x02, 0x01, 0x02]));
  // COTP DT + S7 job header announcing 0x0e00 bytes of parameters that are not there.
  const bad = tpkt(Buffer.from([0x02, 0xf0, 0x80, 0x32, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0e, 0x00, 0x00, 0x00, 0xf0, 0x00, 0x00, 0x01]));
  const packets: Buffer[] = [];
  const c2s = (flags: number, payload: Buffer = Buffer.alloc(0)) => {
    packets.push(frame(client, server, sport, 102, cseq, sseq, flags, payload, ipId++, 128));
    cseq += payload.length + (flags & SYN ? 1 : 0);
  };
  const s2c = (flags: number, payload: Buffer = Buffer.alloc(0)) => {
    packets.push(frame(server, client, 102, sport, sseq, cseq, flags, payload, ipId++, 30));
    sseq += payload.length + (flags & SYN ? 1 : 0);
  };
  c2s(SYN);
  s2c(SYN | ACK);
  c2s(ACK);
  c2s(PSH | ACK, cr);
  s2c(PSH | ACK, cc);
  c2s(PSH | ACK, bad);
  s2c(RST | ACK);

  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeInt32LE(0, 8);
  header.writeUInt32LE(0, 12);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20); // LINKTYPE_ETHERNET
  const records: Buffer[] = [header];
  let ts = time;
  for (const p of packets) {
    const rec = Buffer.alloc(16);
    rec.writeUInt32LE(Math.floor(ts / 1_000_000), 0);
    rec.writeUInt32LE(ts % 1_000_000, 4);
    rec.writeUInt32LE(p.length, 8);
    rec.writeUInt32LE(p.length, 12);
    records.push(rec, p);
    ts += rng.int(150, 4000);
  }
  return Buffer.concat(records);
}
