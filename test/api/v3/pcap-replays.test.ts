/**
 * PCAP replays of API 3.0 (Cisco's "PcapReplays"): the tus 1.0.0 upload under
 * /pcapReplays/uploads/ (OPTIONS, POST, HEAD, PATCH), each upload read back through HEAD and
 * GET /pcapReplays. Each test gets its own Center.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PCAP_SIZE } from '../../../src/domain/pcap-replay.js';
import { API3, NOW, TOKEN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Pcap {
  id: string;
  name: string;
  size: number;
  tusUploadId: string;
  uploadProgress: number;
  uploadedTime: number;
  startTime: number;
  presetId: string;
  dpiStatus: string;
  nidsStatus: string;
}

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(() => c.close());

const UPLOADS = `${API3}/pcapReplays/uploads/`;
const TUS = { 'x-token-id': TOKEN, 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A capture of one packet (pcap, little-endian, µs) taken at 2023-11-14T22:13:20.123456Z. */
function pcapFile(): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  const record = Buffer.alloc(16);
  record.writeUInt32LE(1_700_000_000, 0);
  record.writeUInt32LE(123_456, 4);
  record.writeUInt32LE(4, 8);
  record.writeUInt32LE(4, 12);
  return Buffer.concat([header, record, Buffer.from([0xde, 0xad, 0xbe, 0xef])]);
}

/** A pcapng file: a Section Header Block, an Interface Description Block, one Enhanced Packet Block at 1 700 000 000.5 s. */
function pcapngFile(): Buffer {
  const shb = Buffer.alloc(28);
  shb.writeUInt32LE(0x0a0d0d0a, 0);
  shb.writeUInt32LE(28, 4);
  shb.writeUInt32LE(0x1a2b3c4d, 8);
  shb.writeUInt16LE(1, 12);
  shb.writeBigInt64LE(-1n, 16);
  shb.writeUInt32LE(28, 24);
  const idb = Buffer.alloc(20);
  idb.writeUInt32LE(1, 0);
  idb.writeUInt32LE(20, 4);
  idb.writeUInt16LE(1, 8);
  idb.writeUInt32LE(65535, 12);
  idb.writeUInt32LE(20, 16);
  const epb = Buffer.alloc(36);
  const t = 1_700_000_000_500_000n;
  epb.writeUInt32LE(6, 0);
  epb.writeUInt32LE(36, 4);
  epb.writeUInt32LE(Number(t >> 32n), 12);
  epb.writeUInt32LE(Number(t & 0xffffffffn), 16);
  epb.writeUInt32LE(4, 20);
  epb.writeUInt32LE(4, 24);
  epb.writeUInt32LE(36, 32);
  return Buffer.concat([shb, idb, epb]);
}

const create = (headers: Record<string, string>) => c.app.inject({ method: 'POST', url: UPLOADS, headers: { ...TUS, ...headers } });
const head = (tusId: string, headers: Record<string, string> = TUS) => c.app.inject({ method: 'HEAD', url: `${UPLOADS}${tusId}`, headers });
const patch = (tusId: string, offset: number, body: Buffer, headers: Record<string, string> = {}) =>
  c.app.inject({ method: 'PATCH', url: `${UPLOADS}${tusId}`, headers: { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...headers }, payload: body });
const list = () => c.json3<Pcap[]>('/pcapReplays');

async function upload(length: number, name = 'line1.pcap', more = ''): Promise<string> {
  const res = await create({ 'upload-length': String(length), 'upload-metadata': `filename ${b64(name)}${more}` });
  expect(res.statusCode, res.body).toBe(201);
  const location = res.headers.location as string;
  expect(location).toMatch(/^\/api\/3\.0\/pcapReplays\/uploads\/[0-9a-f]{32}$/);
  return location.split('/').pop() as string;
}

const expectTusError = (res: LightMyRequestResponse, status: number, message: RegExp) => {
  expect(res.headers['tus-resumable']).toBe('1.0.0');
  expectError3(res, status, message);
};

describe('OPTIONS /pcapReplays/uploads/', () => {
  it("answers the server's tus capabilities in headers", async () => {
    const res = await c.app.inject({ method: 'OPTIONS', url: UPLOADS, headers: { 'x-token-id': TOKEN } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers).toMatchObject({ 'tus-resumable': '1.0.0', 'tus-version': '1.0.0', 'tus-extension': 'creation', 'tus-max-size': String(MAX_PCAP_SIZE) });
  });

  it('401 without a token', async () => {
    expectError3(await c.app.inject({ method: 'OPTIONS', url: UPLOADS }), 401, /no token/);
  });
});

describe('POST /pcapReplays/uploads/', () => {
  it('creates the upload: 201 with its Location, listed at once at 0 %', async () => {
    const tusId = await upload(44, 'line1.pcap', `,sensor ${b64('FOC-1')},empty`);
    expect(await list()).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'line1.pcap', size: 44, tusUploadId: tusId, uploadProgress: 0, uploadedTime: 0, startTime: 0, presetId: '', dpiStatus: 'uploading', nidsStatus: 'uploading' },
    ]);
    const res = await head(tusId);
    expect(Buffer.from((res.headers['upload-metadata'] as string).split(',')[1]?.split(' ')[1] ?? '', 'base64').toString()).toBe('FOC-1');
    expect(res.headers['upload-metadata']).toContain('empty');
  });

  it('400 without Upload-Length, or with one that is not an integer', async () => {
    expectTusError(await create({ 'upload-metadata': `filename ${b64('a.pcap')}` }), 400, /Upload-Length/);
    expectTusError(await create({ 'upload-length': '-1', 'upload-metadata': `filename ${b64('a.pcap')}` }), 400, /Upload-Length/);
    expect(await list()).toEqual([]);
  });

  it('400 without a filename, or with metadata that is not Base64', async () => {
    expectTusError(await create({ 'upload-length': '10' }), 400, /Upload-Metadata.*filename/);
    expectTusError(await create({ 'upload-length': '10', 'upload-metadata': 'filename not*base64' }), 400, /not Base64/);
    expect(await list()).toEqual([]);
  });

  it('412 without Tus-Resumable 1.0.0, naming the version served', async () => {
    const res = await c.app.inject({ method: 'POST', url: UPLOADS, headers: { 'x-token-id': TOKEN, 'upload-length': '10', 'upload-metadata': `filename ${b64('a.pcap')}` } });
    expectTusError(res, 412, /Tus-Resumable/);
    expect(res.headers['tus-version']).toBe('1.0.0');
    expectTusError(await c.app.inject({ method: 'POST', url: UPLOADS, headers: { ...TUS, 'tus-resumable': '0.2.2', 'upload-length': '10' } }), 412, /0\.2\.2 is not supported/);
  });

  it('413 past Tus-Max-Size', async () => {
    expectTusError(await create({ 'upload-length': String(MAX_PCAP_SIZE + 1), 'upload-metadata': `filename ${b64('big.pcap')}` }), 413, /Tus-Max-Size/);
    expect(await list()).toEqual([]);
  });

  it('401 without a token', async () => {
    expectError3(await c.app.inject({ method: 'POST', url: UPLOADS, headers: { 'tus-resumable': '1.0.0', 'upload-length': '1' } }), 401);
  });
});

describe('HEAD /pcapReplays/uploads/{tusId}', () => {
  it('answers the offset and length, not to be cached', async () => {
    const tusId = await upload(44);
    expect((await patch(tusId, 0, pcapFile().subarray(0, 10))).statusCode).toBe(204);
    const res = await head(tusId);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'upload-offset': '10', 'upload-length': '44', 'cache-control': 'no-store', 'tus-resumable': '1.0.0', 'upload-metadata': `filename ${b64('line1.pcap')}` });
  });

  it('404 for an unknown upload', async () => {
    const res = await head('0123456789abcdef0123456789abcdef');
    expect(res.statusCode).toBe(404);
    expect(res.headers['tus-resumable']).toBe('1.0.0');
  });

  it('412 without Tus-Resumable', async () => {
    const tusId = await upload(44);
    const res = await head(tusId, { 'x-token-id': TOKEN });
    expect(res.statusCode).toBe(412);
    expect(res.headers['tus-version']).toBe('1.0.0');
  });
});

describe('PATCH /pcapReplays/uploads/{tusId}', () => {
  it('appends the chunks; the last one makes a replay, with its first packet time', async () => {
    const file = pcapFile();
    const tusId = await upload(file.length);
    const first = await patch(tusId, 0, file.subarray(0, 20));
    expect(first.statusCode, first.body).toBe(204);
    expect(first.headers['upload-offset']).toBe('20');
    expect((await list())[0]).toMatchObject({ uploadProgress: 45, dpiStatus: 'uploading', uploadedTime: 0 });
    c.clock.advance(5_000_000);
    const last = await patch(tusId, 20, file.subarray(20));
    expect(last.statusCode, last.body).toBe(204);
    expect(last.headers['upload-offset']).toBe(String(file.length));
    expect(await list()).toEqual([
      expect.objectContaining({ name: 'line1.pcap', size: 44, tusUploadId: tusId, uploadProgress: 100, uploadedTime: NOW / 1000 + 5000, startTime: 1_700_000_000_123, dpiStatus: 'done', nidsStatus: 'done' }),
    ]);
    expect(c.store.pcapReplays.bytes(tusId).equals(file)).toBe(true);
  });

  it('takes a pcapng file', async () => {
    const file = pcapngFile();
    const tusId = await upload(file.length, 'line2.pcapng');
    expect((await patch(tusId, 0, file)).statusCode).toBe(204);
    expect((await list())[0]).toMatchObject({ name: 'line2.pcapng', dpiStatus: 'done', startTime: 1_700_000_000_500 });
  });

  it('marks a finished file that is not a capture as failed', async () => {
    const tusId = await upload(12, 'notes.txt');
    expect((await patch(tusId, 0, Buffer.from('hello world!'))).statusCode).toBe(204);
    expect((await list())[0]).toMatchObject({ name: 'notes.txt', uploadProgress: 100, dpiStatus: 'failed', nidsStatus: 'failed', startTime: 0 });
  });

  it('409 when Upload-Offset is not the upload\'s offset, changing nothing', async () => {
    const tusId = await upload(44);
    expect((await patch(tusId, 0, pcapFile().subarray(0, 10))).statusCode).toBe(204);
    expectTusError(await patch(tusId, 0, pcapFile().subarray(0, 10)), 409, /Upload-Offset 0 does not match the upload's offset 10/);
    expect((await head(tusId)).headers['upload-offset']).toBe('10');
  });

  it('400 without Upload-Offset', async () => {
    const tusId = await upload(44);
    const res = await c.app.inject({ method: 'PATCH', url: `${UPLOADS}${tusId}`, headers: { ...TUS, 'content-type': 'application/offset+octet-stream' }, payload: Buffer.from([1]) });
    expectTusError(res, 400, /Upload-Offset/);
  });

  it('404 for an unknown upload', async () => {
    expectTusError(await patch('0123456789abcdef0123456789abcdef', 0, Buffer.from([1])), 404, /Upload not found/);
  });

  it('412 without Tus-Resumable', async () => {
    const tusId = await upload(44);
    const res = await c.app.inject({ method: 'PATCH', url: `${UPLOADS}${tusId}`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, payload: Buffer.from([1]) });
    expectTusError(res, 412, /Tus-Resumable/);
    expect((await head(tusId)).headers['upload-offset']).toBe('0');
  });

  it('413 for a chunk past the Upload-Length, changing nothing', async () => {
    const tusId = await upload(4);
    expectTusError(await patch(tusId, 0, Buffer.alloc(5)), 413, /past the Upload-Length 4/);
    expect((await head(tusId)).headers['upload-offset']).toBe('0');
  });

  it('415 for a body that is not application/offset+octet-stream', async () => {
    const tusId = await upload(44);
    const res = await patch(tusId, 0, Buffer.from('{}'), { 'content-type': 'application/json' });
    expectTusError(res, 415, /offset\+octet-stream/);
    expect((await head(tusId)).headers['upload-offset']).toBe('0');
  });
});

describe('GET /pcapReplays', () => {
  it('lists every upload, the first first ([] at first)', async () => {
    expect(await list()).toEqual([]);
    const a = await upload(4, 'a.pcap');
    const b = await upload(4, 'b.pcap');
    expect((await list()).map((p) => [p.name, p.tusUploadId])).toEqual([
      ['a.pcap', a],
      ['b.pcap', b],
    ]);
  });

  it('401 without a token', async () => {
    expectError3(await c.app.inject({ url: `${API3}/pcapReplays` }), 401);
  });
});
