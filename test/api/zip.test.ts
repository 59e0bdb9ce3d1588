/** src/api/zip.ts: CRC-32 against its check values, DOS dates, and archives read back entry by entry. */
import { describe, expect, it } from 'vitest';
import { crc32, dosDateTime, zip } from '../../src/api/zip.js';
import { readZip } from './zip-reader.js';

describe('crc32', () => {
  const cases: [string, string | Uint8Array, number][] = [
    ['nothing', '', 0x00000000],
    ['one letter', 'a', 0xe8b7be43],
    ['the check value of CRC-32/ISO-HDLC', '123456789', 0xcbf43926],
    ['a sentence', 'The quick brown fox jumps over the lazy dog', 0x414fa339],
    ['a zero byte', new Uint8Array([0]), 0xd202ef8d],
    ['four 0xff bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff]), 0xffffffff],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(crc32(typeof input === 'string' ? Buffer.from(input, 'utf8') : input)).toBe(expected);
  });
});

describe('dosDateTime', () => {
  const cases: [string, number, number][] = [
    // time: hours << 11 | minutes << 5 | seconds / 2; date: (year - 1980) << 9 | month << 5 | day
    ['2026-11-01T12:00:00Z', (12 << 11) | 0, (46 << 9) | (11 << 5) | 1],
    ['1980-01-01T00:00:00Z', 0, (1 << 5) | 1],
    ['2000-02-29T23:59:59Z', (23 << 11) | (59 << 5) | 29, (20 << 9) | (2 << 5) | 29],
    ['1970-06-15T08:30:10Z', (8 << 11) | (30 << 5) | 5, (6 << 5) | 15],
  ];
  it.each(cases)('%s', (iso, time, date) => {
    expect(dosDateTime(new Date(iso))).toEqual({ time, date });
  });
});

describe('zip', () => {
  const when = new Date('2026-11-01T12:00:00Z');

  it('stores each entry with its CRC, in order, behind a central directory that points at it', () => {
    const entries = [
      { name: 'config.json', data: '{"a":1}' },
      { name: 'dir/é.txt', data: 'héllo\n' },
      { name: 'bytes.bin', data: new Uint8Array([0, 1, 2, 255]) },
    ];
    const read = readZip(zip(entries, when));
    expect(read.map((e) => e.name)).toEqual(['config.json', 'dir/é.txt', 'bytes.bin']);
    expect(read[0]?.data.toString('utf8')).toBe('{"a":1}');
    expect(read[1]?.data.toString('utf8')).toBe('héllo\n');
    expect([...(read[2]?.data ?? [])]).toEqual([0, 1, 2, 255]);
    expect(read[0]?.crc).toBe(crc32(Buffer.from('{"a":1}')));
    expect(read.every((e) => e.time === dosDateTime(when).time && e.date === dosDateTime(when).date)).toBe(true);
  });

  it('an empty archive is the end record alone', () => {
    const archive = zip([], when);
    expect(archive.length).toBe(22);
    expect(readZip(archive)).toEqual([]);
  });

  it('an empty entry has CRC 0 and no bytes', () => {
    expect(readZip(zip([{ name: 'empty', data: '' }], when))).toMatchObject([{ name: 'empty', crc: 0, data: Buffer.alloc(0) }]);
  });

  it('starts with a local header signature (PK\\x03\\x04)', () => {
    expect(zip([{ name: 'a', data: 'b' }], when).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });
});
