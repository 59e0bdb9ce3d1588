/** Seeding progress: a line that updates itself on a terminal, a summary line everywhere. */
import { describe, expect, it } from 'vitest';
import { formatDuration, progressPrinter } from '../../src/cli/progress.js';

function printer(isTTY: boolean) {
  let text = '';
  let ms = 1_000;
  const p = progressPrinter({ write: (t: string) => (text += t), isTTY }, 'large', () => ms);
  return { p, text: () => text, at: (seconds: number) => (ms = 1_000 + seconds * 1000) };
}

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [4.4, '4 s'],
    [59.6, '1 min 00 s'],
    [95, '1 min 35 s'],
    [3725, '62 min 05 s'],
  ])('%d s → %s', (seconds, shown) => {
    expect(formatDuration(seconds)).toBe(shown);
  });
});

describe('progressPrinter', () => {
  it('shows the percentage, the time so far and an estimate of what is left, on one line of a terminal', () => {
    const { p, text, at } = printer(true);
    at(10);
    p.update(200_000, 1_199_905);
    expect(text()).toBe('\r\x1b[Kseeding "large": 16% (200,000 of ~1,199,905 flow observations), 10 s so far, about 50 s left');
    at(40);
    p.update(400_000, 1_199_905);
    expect(text().split('\r\x1b[K').at(-1)).toBe('seeding "large": 33% (400,000 of ~1,199,905 flow observations), 40 s so far, about 1 min 20 s left');
    at(90);
    p.update(1_199_905, 1_199_905);
    expect(text().split('\r\x1b[K').at(-1)).toBe('seeding "large": 100% (1,199,905 of ~1,199,905 flow observations), 1 min 30 s so far, building the indexes');
    p.done(101.23, 1_199_905);
    expect(text()).toMatch(/building the indexes\nseeded "large" in 101\.2 s \(1,199,905 flow observations through the ingest pipeline\)\n$/);
  });

  it('writes a line only when the percentage moves', () => {
    const { p, text } = printer(true);
    p.update(1_000, 1_000_000);
    const once = text();
    p.update(1_500, 1_000_000);
    expect(text()).toBe(once);
  });

  it('writes the summary line alone when the output is not a terminal', () => {
    const { p, text } = printer(false);
    p.update(200_000, 1_199_905);
    p.done(95.04, 1_199_905);
    expect(text()).toBe('seeded "large" in 95.0 s (1,199,905 flow observations through the ingest pipeline)\n');
  });
});
