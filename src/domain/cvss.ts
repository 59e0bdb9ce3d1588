/**
 * CVSS v3.x arithmetic (FIRST, CVSS v3.1 specification, sections 7.1-7.4): the version a vector
 * string names, its base score, and the temporal score its exploit-maturity, remediation and
 * report-confidence metrics give. Pure; the Knowledge DB seed and the risk score use it.
 */

/** The metric weights of section 7.4 (PR depends on the scope, handled in `baseScore`). */
const WEIGHTS: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
  E: { X: 1, H: 1, F: 0.97, P: 0.94, U: 0.91 },
  RL: { X: 1, U: 1, W: 0.97, T: 0.96, O: 0.95 },
  RC: { X: 1, C: 1, R: 0.96, U: 0.92 },
};
const PRIVILEGES: Record<'U' | 'C', Record<string, number>> = {
  U: { N: 0.85, L: 0.62, H: 0.27 },
  C: { N: 0.85, L: 0.68, H: 0.5 },
};

/** The version a vector names: "CVSS:3.1/…" is 3.1, "CVSS:3.0/…" is 3; a vector without the prefix is a v2 one. */
export function cvssVersion(vector: string): number {
  const m = /^CVSS:(\d+\.\d+)\//.exec(vector);
  return m ? Number(m[1]) : 2;
}

/** The metrics of a vector, e.g. { AV: 'N', AC: 'L', … }; the "CVSS:3.1" prefix is left out. */
export function vectorMetrics(vector: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of vector.split('/')) {
    const colon = part.indexOf(':');
    if (colon > 0 && colon < part.length - 1 && !part.startsWith('CVSS:')) out[part.slice(0, colon)] = part.slice(colon + 1);
  }
  return out;
}

/** Section 7.4's Roundup: the smallest one-decimal number not below the input, free of float noise. */
export function roundUp(x: number): number {
  const n = Math.round(x * 100_000);
  return n % 10_000 === 0 ? n / 100_000 : (Math.floor(n / 10_000) + 1) / 10;
}

/** The base score of a v3.x vector, or undefined when a base metric is missing or unknown. */
export function baseScore(vector: string): number | undefined {
  const m = vectorMetrics(vector);
  const scope = m['S'];
  if (scope !== 'U' && scope !== 'C') return undefined;
  const w = (k: string) => WEIGHTS[k]?.[m[k] ?? ''];
  const av = w('AV');
  const ac = w('AC');
  const ui = w('UI');
  const c = w('C');
  const i = w('I');
  const a = w('A');
  const pr = PRIVILEGES[scope][m['PR'] ?? ''];
  if (av === undefined || ac === undefined || ui === undefined || c === undefined || i === undefined || a === undefined || pr === undefined) {
    return undefined;
  }
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * pr * ui;
  return roundUp(Math.min((scope === 'U' ? 1 : 1.08) * (impact + exploitability), 10));
}

/**
 * The temporal score of a base score under the vector's E, RL and RC metrics. Metrics the vector
 * does not give are "Not Defined" (weight 1), so a vector without them keeps its base score.
 */
export function temporalScore(base: number, vector: string): number {
  const m = vectorMetrics(vector);
  const w = (k: string) => WEIGHTS[k]?.[m[k] ?? 'X'] ?? 1;
  return roundUp(base * w('E') * w('RL') * w('RC'));
}
