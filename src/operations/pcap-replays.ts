/**
 * PCAP replays (Cisco 3.0 "PcapReplays": postPcapReplayUpload, patchPcapReplayUpload), the core
 * of the tus 1.0.0 protocol (https://tus.io/protocols/resumable-upload) with its "creation"
 * extension. Each operation is one transaction and throws ApiErrors before its first write. When
 * the last byte arrives, the file is checked by its magic number (pcap or pcapng) and the replay
 * is "done", or "failed" with the reason. divergence: Cisco's document does not say what a
 * replay checks; the emulator replays nothing into the world (no sensor, flow or preset is made).
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { MAX_PCAP_SIZE, type PcapReplay, captureKind } from '../domain/pcap-replay.js';
import { ApiError } from '../errors.js';
import type { Store } from '../store/store.js';

export interface PcapContext {
  store: Store;
  clock: Clock;
  newId: () => string;
}

export const tusErrors = {
  // tus 1.0.0 "Upload-Length": required on creation (the emulator supports no deferred length).
  noLength: () => new ApiError(400, 'Invalid header "Upload-Length": is mandatory, a non-negative integer (Upload-Defer-Length is not supported)'),
  badOffset: () => new ApiError(400, 'Invalid header "Upload-Offset": is mandatory, a non-negative integer'),
  badMetadata: (why: string) => new ApiError(400, `Invalid header "Upload-Metadata": ${why}`),
  // tus 1.0.0: "If the length of the upload exceeds the maximum, … the Server MUST respond with the 413 Request Entity Too Large status."
  tooLarge: (length: number) => new ApiError(413, `Payload too large: the upload of ${length} bytes exceeds Tus-Max-Size ${MAX_PCAP_SIZE}`),
  pastLength: (end: number, length: number) => new ApiError(413, `Payload too large: the chunk would end at byte ${end}, past the Upload-Length ${length}`),
  // tus 1.0.0 PATCH: "If the offsets do not match, the Server MUST respond with the 409 Conflict status without modifying the upload resource."
  offsetMismatch: (given: number, offset: number) => new ApiError(409, `Conflict: Upload-Offset ${given} does not match the upload's offset ${offset}`),
  // tus 1.0.0: "the Server MUST respond with the 404 Not Found … status" for an upload it does not know.
  notFound: (tusId: string) => new ApiError(404, `Upload not found: ${tusId.slice(0, 64)}`),
  // tus 1.0.0: "If the Server does not support the client's version, it MUST respond with the 412 Precondition Failed status."
  version: (given: string | undefined) =>
    new ApiError(412, given === undefined ? 'Precondition failed: the Tus-Resumable header is mandatory (1.0.0)' : `Precondition failed: Tus-Resumable ${given.slice(0, 32)} is not supported (1.0.0 is)`),
  // tus 1.0.0 PATCH: "All PATCH requests MUST use Content-Type: application/offset+octet-stream, otherwise the server SHOULD return a 415 Unsupported Media Type status."
  mediaType: () => new ApiError(415, 'Unsupported media type: a PATCH sends its bytes as application/offset+octet-stream'),
};

/** The tus id of a new upload: a UUID without its dashes (Cisco: "uuid without dashes"). */
const tusIdOf = (id: string) => id.replace(/-/g, '');

/**
 * Upload-Metadata: comma-separated pairs of a key and its value in Base64 (a key alone has the
 * value ""). Keys are ASCII without spaces or commas, each once.
 */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (header === undefined || header.trim() === '') return out;
  for (const pair of header.split(',')) {
    const [key, value, ...rest] = pair.trim().split(' ');
    if (!key || rest.length > 0 || !/^[\x21-\x7e]+$/.test(key)) throw tusErrors.badMetadata(`"${pair.trim().slice(0, 64)}" is not a key and a Base64 value`);
    if (key in out) throw tusErrors.badMetadata(`the key "${key}" is given twice`);
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw tusErrors.badMetadata(`the value of "${key}" is not Base64`);
    out[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

/**
 * tus creation (POST /pcapReplays/uploads/): a new upload of `length` bytes. The file name is the
 * metadata's `filename` (tus-js-client's and Uppy's key), else `name`. divergence: Cisco names no
 * metadata; a name is mandatory (400), other keys are kept as given.
 */
export function createUpload(ctx: PcapContext, length: number, metadata: Record<string, string>): PcapReplay {
  if (length > MAX_PCAP_SIZE) throw tusErrors.tooLarge(length);
  const name = (metadata.filename ?? metadata.name ?? '').trim();
  if (name === '') throw tusErrors.badMetadata('the key "filename" (the capture\'s file name, in Base64) is mandatory');
  return ctx.store.transaction(() => {
    const id = ctx.newId();
    // A second id would repeat the first where a test pins newId: the tus id is then random.
    const tusId = ctx.store.pcapReplays.byTusId(tusIdOf(id)) ? tusIdOf(randomUUID()) : tusIdOf(id);
    const replay = { id, tusId, name, metadata, length, createdTime: ctx.clock.now() };
    ctx.store.pcapReplays.insert(replay);
    if (length === 0) finish(ctx, tusId);
    return ctx.store.pcapReplays.byTusId(tusId) as PcapReplay;
  });
}

/** The last byte is in: what the file is, checked by its magic number. */
function finish(ctx: PcapContext, tusId: string): void {
  const kind = captureKind(ctx.store.pcapReplays.bytes(tusId));
  ctx.store.pcapReplays.finish(tusId, {
    uploadedTime: ctx.clock.now(),
    startTime: kind?.startTime ?? null,
    format: kind?.format ?? '',
    status: kind ? 'done' : 'failed',
    error: kind ? '' : 'The file is not a capture: a pcap or pcapng file begins with its magic number (a1b2c3d4, a1b23c4d or 0a0d0d0a)',
  });
}

/** tus PATCH: appends the chunk at `offset`, which must be the upload's; answers the new offset. */
export function appendChunk(ctx: PcapContext, tusId: string, offset: number, chunk: Buffer): PcapReplay {
  return ctx.store.transaction(() => {
    const upload = ctx.store.pcapReplays.byTusId(tusId);
    if (!upload) throw tusErrors.notFound(tusId);
    if (offset !== upload.offset) throw tusErrors.offsetMismatch(offset, upload.offset);
    const end = offset + chunk.length;
    if (end > upload.length) throw tusErrors.pastLength(end, upload.length);
    ctx.store.pcapReplays.append(tusId, offset, chunk);
    if (end === upload.length && chunk.length > 0) finish(ctx, tusId);
    return ctx.store.pcapReplays.byTusId(tusId) as PcapReplay;
  });
}
