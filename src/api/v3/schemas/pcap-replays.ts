/** PCAP replays (Cisco's Pcap, PcapList). */
import { z } from 'zod';
import { named } from '../registry.js';

export const PcapSchema = named(
  'Pcap',
  z.object({
    id: z.string(),
    name: z.string(),
    size: z.number().int(),
    tusUploadId: z.string(),
    uploadProgress: z.number().int(),
    uploadedTime: z.number().int(),
    startTime: z.number().int(),
    presetId: z.string(),
    dpiStatus: z.string(),
    nidsStatus: z.string(),
  }),
  'A capture uploaded for replay: `size` its Upload-Length, `uploadProgress` the percentage received (0-100), `uploadedTime` when the last byte arrived (ms, 0 before), `startTime` its first packet (ms, 0 when unknown); `dpiStatus` and `nidsStatus` are "uploading", then "done" or "failed".',
);

export const PcapListSchema = named('PcapList', z.array(PcapSchema), 'Every capture uploaded, the first first.');
