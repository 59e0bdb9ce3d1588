/**
 * The Knowledge DB's vulnerability catalogue: the real advisories that match the plant
 * (src/seed/plant/cves.ts) and a deterministic synthetic remainder, about 3 500 entries in all
 * as on the recorded Center (spec/v3 README: 3,515), most of them matching nothing. The same in
 * every scenario: it depends on no scenario seed, and it is built once per process.
 *
 * divergence: synthetic entries carry CVE numbers of seven digits starting with 9
 * (CVE-2021-9000123), a block the CVE programme has not assigned, so that none of them
 * impersonates a real CVE; their links are the vendors' advisory indexes, not per-advisory pages.
 */
import { baseScore } from '../../domain/cvss.js';
import type { Vulnerability } from '../../domain/vulnerability.js';
import { Random } from '../../random.js';
import { CVES, vulnerabilityOf } from '../plant/cves.js';
import { ADVISORY_VENDORS, type AdvisoryVendor, CISA_ICS, SOLUTIONS, WEAKNESSES } from './advisory-texts.js';
import { KDB_RELEASE, knowledgeEntry } from './entries.js';

/** Synthetic entries: with the real ones and the guide's four (fixtures/), the catalogue holds 3 515. */
export const SYNTHETIC_ENTRIES = 3492;
const KDB_SEED = 0x4b444231; // "KDB1"
const YEARS: readonly [number, number][] = [
  [2014, 2], [2015, 3], [2016, 4], [2017, 5], [2018, 6], [2019, 7], [2020, 8], [2021, 9], [2022, 10], [2023, 11], [2024, 12], [2025, 10],
];
const METRICS = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
const LAST_DAY_2025 = Math.floor((KDB_RELEASE / 1000 - Date.UTC(2025, 0, 1)) / 86_400_000) - 31;

/** Picks by weight; `total` is the sum of the weights. */
function weighted<T>(rng: Random, items: readonly T[], weight: (t: T) => number, total: number): T {
  let r = rng.next() * total;
  for (const t of items) {
    r -= weight(t);
    if (r < 0) return t;
  }
  return items[items.length - 1] as T;
}
const VENDOR_WEIGHTS = ADVISORY_VENDORS.reduce((s, v) => s + v.weight, 0);
const YEAR_WEIGHTS = YEARS.reduce((s, y) => s + y[1], 0);
const MATURITY = ['U', 'U', 'P', 'F', 'X'] as const;
const REMEDIATION = ['O', 'O', 'O', 'W', 'T'] as const;
const CONFIDENCE = ['C', 'C', 'R'] as const;

interface Draft {
  id: string;
  vendor: AdvisoryVendor;
  product: string;
  weakness: (typeof WEAKNESSES)[number];
  year: number;
  publishTime: number;
  vector: string;
  titleForm: number;
  solution: string;
  links: { id: string; title: string; link: string }[];
}

function draft(rng: Random): Draft {
  const vendor = weighted(rng, ADVISORY_VENDORS, (v) => v.weight, VENDOR_WEIGHTS);
  const weakness = rng.pick(WEAKNESSES);
  const year = weighted(rng, YEARS, (y) => y[1], YEAR_WEIGHTS)[0];
  const day = rng.int(0, year === 2025 ? LAST_DAY_2025 : 364);
  let metrics = '';
  for (const k of METRICS) {
    const options = weakness.metrics[k];
    metrics += `/${k}:${options.charAt(rng.int(0, options.length - 1))}`;
  }
  const temporal = `E:${rng.pick(MATURITY)}/RL:${rng.pick(REMEDIATION)}/RC:${rng.pick(CONFIDENCE)}`;
  const product = rng.pick(vendor.products);
  const version = `V${rng.int(1, 5)}.${rng.int(0, 9)}${rng.chance(0.5) ? `.${rng.int(1, 20)}` : ''}`;
  const solution = rng
    .pick(SOLUTIONS)
    .replaceAll('{product}', product)
    .replaceAll('{vendor}', vendor.name)
    .replaceAll('{service}', vendor.service)
    .replaceAll('{version}', version);
  const id = rng.uuid4();
  const links: Draft['links'] = [];
  if (!rng.chance(0.1)) links.push({ id: rng.uuid4(), ...vendor.psirt });
  if (vendor.ics && rng.chance(0.6)) links.push({ id: rng.uuid4(), ...CISA_ICS });
  return {
    id,
    vendor,
    product,
    weakness,
    year,
    publishTime: (Date.UTC(year, 0, 1) + day * 86_400_000 + rng.int(0, 1439) * 60_000) * 1000,
    vector: `CVSS:${year <= 2018 ? '3.0' : '3.1'}${metrics}/${temporal}`,
    titleForm: rng.int(0, 2),
    solution,
    links,
  };
}

function title(d: Draft, cve: string): string {
  switch (d.titleForm) {
    case 0:
      return `${d.weakness.name} Vulnerability in ${d.vendor.name} ${d.product}`;
    case 1:
      return `${d.product} | ${d.vendor.name} - ${cve}`;
    default:
      return `${d.weakness.name} in ${d.product}`;
  }
}

/** The synthetic entries: drafted from one seeded stream, numbered per year in publication order. */
export function syntheticEntries(count: number = SYNTHETIC_ENTRIES): Vulnerability[] {
  const rng = new Random(KDB_SEED);
  const drafts = Array.from({ length: count }, () => draft(rng));
  const order = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.publishTime - b.d.publishTime || a.i - b.i);
  const next = new Map<number, number>();
  return order.map(({ d }) => {
    const n = (next.get(d.year) ?? 0) + 1;
    next.set(d.year, n);
    const cve = `CVE-${d.year}-9${String(n).padStart(6, '0')}`;
    return knowledgeEntry({
      id: d.id,
      cve,
      title: title(d, cve),
      summary: d.weakness.summary.replaceAll('{product}', d.product).replaceAll('{service}', d.vendor.service),
      solution: d.solution,
      cvss: baseScore(d.vector) ?? 0,
      vector: d.vector,
      publishTime: d.publishTime,
      links: d.links,
    });
  });
}

let built: readonly Vulnerability[] | undefined;

/** The whole catalogue, in the order it entered the Knowledge DB (creation time, then CVE). */
export function knowledgeCatalogue(): readonly Vulnerability[] {
  built ??= [...CVES.map(vulnerabilityOf), ...syntheticEntries()].sort(
    (a, b) => a.creationTime - b.creationTime || (a.cve < b.cve ? -1 : a.cve > b.cve ? 1 : 0),
  );
  return built;
}
