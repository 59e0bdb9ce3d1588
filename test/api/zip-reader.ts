/**
 * Reads a ZIP archive of stored entries the way an unzip tool does (PKWARE APPNOTE): from the end
 * record to the central directory, and from each central entry to its local header, checking
 * that both agree and that each entry's CRC-32 matches its bytes. For tests of src/api/zip.ts
 * and of the archives the API answers.
 */
import { expect } from 'vitest';
import { crc32 } from '../../src/api/zip.js';

export interface ReadEntry {
  name: string;
  data: Buffer;
  crc: number;
  time: number;
  date: number;
}

export function readZip(archive: Buffer): ReadEntry[] {
  const endAt = archive.length - 22;
  expect(archive.readUInt32LE(endAt), 'end of central directory signature').toBe(0x06054b50);
  const count = archive.readUInt16LE(endAt + 10);
  expect(archive.readUInt16LE(endAt + 8)).toBe(count);
  const size = archive.readUInt32LE(endAt + 12);
  const start = archive.readUInt32LE(endAt + 16);
  expect(start + size, 'the central directory ends where the end record starts').toBe(endAt);
  const entries: ReadEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at), `central header ${i} signature`).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressed = archive.readUInt32LE(at + 20);
    const length = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(method, `${name}: stored`).toBe(0);
    expect(compressed).toBe(length);

    expect(archive.readUInt32LE(localAt), `${name}: local header signature`).toBe(0x04034b50);
    expect(archive.readUInt16LE(localAt + 8)).toBe(0);
    expect(archive.readUInt32LE(localAt + 14), `${name}: the local CRC is the central one`).toBe(crc);
    expect(archive.readUInt32LE(localAt + 22)).toBe(length);
    const localName = archive.readUInt16LE(localAt + 26);
    const localExtra = archive.readUInt16LE(localAt + 28);
    expect(archive.subarray(localAt + 30, localAt + 30 + localName).toString('utf8')).toBe(name);
    const dataAt = localAt + 30 + localName + localExtra;
    const data = archive.subarray(dataAt, dataAt + length);
    expect(crc32(data), `${name}: CRC-32 of its bytes`).toBe(crc);
    entries.push({ name, data, crc, time: archive.readUInt16LE(at + 12), date: archive.readUInt16LE(at + 14) });
    at += 46 + nameLength + extra + comment;
  }
  expect(at).toBe(endAt);
  return entries;
}
