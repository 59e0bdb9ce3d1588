/**
 * PCAP replays (Cisco 3.0 "PcapReplays"): a capture file uploaded with the tus 1.0.0 protocol
 * (https://tus.io/protocols/resumable-upload) under /pcapReplays/uploads/, listed by GET
 * /pcapReplays once created. The emulator keeps the bytes and checks the finished file; it
 * replays nothing into the world.
 */
import type { Micros } from './time.js';

export type PcapReplayStatus = 'uploading' | 'done' | 'failed';

export interface PcapReplay {
  id: string;
  /** The id in the upload's Location: its UUID without dashes (Cisco: "uuid without dashes"). */
  tusId: string;
  name: string;
  /** Upload-Metadata, decoded: each key with its value ("" for a key without one). */
  metadata: Record<string, string>;
  /** Upload-Length: the bytes announced. */
  length: number;
  /** Upload-Offset: the bytes received. */
  offset: number;
  createdTime: Micros;
  /** When the last byte arrived; null before. */
  uploadedTime: Micros | null;
  /** The time of the capture's first packet; null when unknown (before the end, or none). */
  startTime: Micros | null;
  /** "pcap" or "pcapng" once checked; "" before, or when it is neither. */
  format: string;
  status: PcapReplayStatus;
  error: string;
}

/** The tus protocol version the Center speaks (tus 1.0.0: Tus-Resumable, Tus-Version). */
export const TUS_VERSION = '1.0.0';

/**
 * The largest capture accepted, in bytes (Tus-Max-Size). divergence: Cisco's document gives no
 * limit; the emulator keeps the bytes in its SQLite file, so it takes modest captures only (a
 * constant: the configuration has no setting for it).
 */
export const MAX_PCAP_SIZE = 32 * 1024 * 1024;

const MICROS = 1_000_000;

/**
 * The kind of capture by its magic number, and the time of its first packet: pcap
 * (0xa1b2c3d4 µs, 0xa1b23c4d ns, either byte order; a record header after the 24-byte global
 * header) or pcapng (a Section Header Block 0x0a0d0d0a with its byte-order magic 0x1a2b3c4d; the
 * first Enhanced Packet Block's timestamp in µs, the default resolution). null when it is neither.
 */
export function captureKind(bytes: Buffer): { format: 'pcap' | 'pcapng'; startTime: Micros | null } | null {
  if (bytes.length < 4) return null;
  const magicLE = bytes.readUInt32LE(0);
  const pcapLE = magicLE === 0xa1b2c3d4 || magicLE === 0xa1b23c4d;
  const magicBE = bytes.readUInt32BE(0);
  const pcapBE = magicBE === 0xa1b2c3d4 || magicBE === 0xa1b23c4d;
  if (pcapLE || pcapBE) {
    if (bytes.length < 24) return null;
    const nanos = (pcapLE ? magicLE : magicBE) === 0xa1b23c4d;
    if (bytes.length < 24 + 16) return { format: 'pcap', startTime: null };
    const u32 = (at: number) => (pcapLE ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
    const fraction = u32(28);
    return { format: 'pcap', startTime: u32(24) * MICROS + (nanos ? Math.floor(fraction / 1000) : fraction) };
  }
  if (magicBE === 0x0a0d0d0a && bytes.length >= 12) {
    const order = bytes.readUInt32LE(8);
    if (order !== 0x1a2b3c4d && bytes.readUInt32BE(8) !== 0x1a2b3c4d) return null;
    const le = order === 0x1a2b3c4d;
    const u32 = (at: number) => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
    let at = 0;
    while (at + 12 <= bytes.length) {
      const type = u32(at);
      const length = u32(at + 4);
      if (length < 12 || length % 4 !== 0) return { format: 'pcapng', startTime: null };
      if (type === 6 && at + 20 <= bytes.length) return { format: 'pcapng', startTime: u32(at + 12) * 2 ** 32 + u32(at + 16) };
      at += length;
    }
    return { format: 'pcapng', startTime: null };
  }
  return null;
}
