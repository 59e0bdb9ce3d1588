/** PCAP replays → 3.0 (../schemas/pcap-replays.ts): Pcap. */
import type { PcapReplay } from '../../../domain/pcap-replay.js';
import type { PcapSchema } from '../schemas/pcap-replays.js';
import { type Wire, ms } from './common.js';

/**
 * divergence: Cisco types the fields only. `uploadProgress` is a percentage (0-100, rounded
 * down); `presetId` is "" (no preset is made: nothing is replayed); the DPI and NIDS statuses
 * are the upload's ("uploading", "done", "failed"), both the same.
 */
export function pcap(r: PcapReplay): Wire<typeof PcapSchema> {
  return {
    id: r.id,
    name: r.name,
    size: r.length,
    tusUploadId: r.tusId,
    uploadProgress: r.length === 0 ? 100 : Math.floor((r.offset * 100) / r.length),
    uploadedTime: r.uploadedTime === null ? 0 : ms(r.uploadedTime),
    startTime: r.startTime === null ? 0 : ms(r.startTime),
    presetId: '',
    dpiStatus: r.status,
    nidsStatus: r.status,
  };
}
