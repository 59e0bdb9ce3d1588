/**
 * Seeding progress on a terminal (`large` takes a minute or two): the percentage, the time so
 * far and an estimate of what remains; one summary line otherwise, and at the end.
 */
import { performance } from 'node:perf_hooks';

/** `42 s`, `1 min 05 s`: whole seconds, as a person reads a countdown. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

const count = (n: number): string => n.toLocaleString('en');

/** `now` gives milliseconds (a test's clock); the time counts from the printer's creation. */
export function progressPrinter(out: { write(text: string): unknown; isTTY?: boolean }, scenario: string, now: () => number = () => performance.now()) {
  const started = now();
  let lastShown = -1;
  return {
    update(done: number, total: number): void {
      if (!out.isTTY || total === 0) return;
      const pct = Math.min(100, Math.floor((done / total) * 100));
      if (pct === lastShown) return;
      lastShown = pct;
      const elapsed = (now() - started) / 1000;
      // The rate so far, over what is left; the index builds after the last flow are not in it.
      const left = done >= total ? 'building the indexes' : done > 0 ? `about ${formatDuration((elapsed * (total - done)) / done)} left` : 'estimating';
      // \r and erase-to-end-of-line: each update overwrites the last, shorter or not.
      out.write(`\r\x1b[Kseeding "${scenario}": ${pct}% (${count(done)} of ~${count(total)} flow observations), ${formatDuration(elapsed)} so far, ${left}`);
    },
    done(seconds: number, observations: number): void {
      if (out.isTTY && lastShown >= 0) out.write('\n');
      out.write(`seeded "${scenario}" in ${seconds.toFixed(1)} s (${count(observations)} flow observations through the ingest pipeline)\n`);
    },
  };
}
