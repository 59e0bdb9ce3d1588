import { describe, expect, it } from 'vitest';
import { formatTimestamp, formatTimestampOfDate, parseTimestamp } from '../../src/domain/time.js';

describe('parseTimestamp', () => {
  it.each([
    ['2015-07-09T14:17:11.370164+02:00', Date.UTC(2015, 6, 9, 12, 17, 11) * 1000 + 370164],
    ['2020-07-23T08:46:05.81718Z', Date.UTC(2020, 6, 23, 8, 46, 5) * 1000 + 817180],
    ['2016-11-03 00:00', Date.UTC(2016, 10, 3) * 1000],
    ['2017-11-14 12:05:30', Date.UTC(2017, 10, 14, 12, 5, 30) * 1000],
    ['2020-07-23 12:30:53.600641+00', Date.UTC(2020, 6, 23, 12, 30, 53) * 1000 + 600641],
  ])('reads %s', (text, micros) => {
    expect(parseTimestamp(text)).toBe(micros);
  });

  it.each(['2015-15-10 10:20', '2015-02-30 00:00', 'yesterday', '2015-07-09T25:00', ''])('refuses %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('formatTimestamp', () => {
  it('prints UTC with microseconds, trailing zeros trimmed as the Center does', () => {
    expect(formatTimestamp(Date.UTC(2020, 6, 23, 8, 46, 5) * 1000 + 817180)).toBe('2020-07-23T08:46:05.81718Z');
    expect(formatTimestamp(Date.UTC(2015, 6, 9, 12, 17, 11) * 1000 + 370164)).toBe('2015-07-09T12:17:11.370164Z');
    expect(formatTimestamp(Date.UTC(2024, 0, 1) * 1000)).toBe('2024-01-01T00:00:00Z');
    expect(formatTimestamp(Date.UTC(2024, 0, 1) * 1000 + 5)).toBe('2024-01-01T00:00:00.000005Z');
  });

  it.each([
    ['the epoch', 0],
    ['before the epoch', -1],
    ['a leap day', Date.UTC(2000, 1, 29, 23, 59, 59) * 1000 + 999_999],
    ['the day after a century that is no leap year', Date.UTC(2100, 2, 1) * 1000 + 10],
    ['the last µs of 9999', Date.UTC(9999, 11, 31, 23, 59, 59) * 1000 + 999_999],
    ['year 10000', Date.UTC(10_000, 0, 1) * 1000],
    ['not a whole µs', 1_594_886_511_000_123.5],
  ])('prints %s as a Date does', (_, us) => {
    expect(formatTimestamp(us)).toBe(formatTimestampOfDate(us));
  });

  it('prints as a Date does over 1970-9999, on 100 000 times drawn with a fixed seed', () => {
    let state = 42;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 100_000; i++) {
      const us = Math.floor(next() * 253_402_300_800) * 1_000_000 + (i % 3 === 0 ? 0 : Math.floor(next() * 1_000_000));
      if (formatTimestamp(us) !== formatTimestampOfDate(us)) expect(formatTimestamp(us), String(us)).toBe(formatTimestampOfDate(us));
    }
  });

  it('round-trips through parseTimestamp', () => {
    for (const us of [0, 1, 999_999, 1_594_886_511_000_123, 1_700_000_000_123_456]) {
      expect(parseTimestamp(formatTimestamp(us))).toBe(us);
    }
  });
});
