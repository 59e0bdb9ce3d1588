/** Seeding progress on a terminal (large takes tens of seconds); one summary line otherwise. */
export function progressPrinter(out: { write(text: string): unknown; isTTY?: boolean }, scenario: string) {
  let lastShown = -1;
  return {
    update(done: number, total: number): void {
      if (!out.isTTY || total === 0) return;
      const pct = Math.min(100, Math.floor((done / total) * 100));
      if (pct === lastShown) return;
      lastShown = pct;
      out.write(`\rseeding "${scenario}": ${pct}% (${done.toLocaleString('en')} of ~${total.toLocaleString('en')} flow observations)`);
    },
    done(seconds: number, observations: number): void {
      if (out.isTTY && lastShown >= 0) out.write('\n');
      out.write(`seeded "${scenario}" in ${seconds.toFixed(1)} s (${observations.toLocaleString('en')} flow observations through the ingest pipeline)\n`);
    },
  };
}
