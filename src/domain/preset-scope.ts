/**
 * What a preset keeps, as conditions the store can apply (`presetScope`). Pure: the preset's
 * filters plus two facts of the Center (its own id, and the type of each tag).
 *
 * Rules, for a component (the visualisations apply the same scope to devices, activities and
 * vulnerabilities through the components they involve):
 * - Dimensions combine with AND; within one, `include` entries combine with OR (a component in
 *   any included group), `exclude` entries drop what matches any of them.
 * - tags: a component tag (PLC) is matched on the component; an activity tag (S7) on the flows
 *   the component takes part in. Tags of both kinds included in one preset: either will do.
 * - groups: a group stands for itself and its subgroups (the filter's `children`, and the
 *   groups whose parent it is). A component in no group is kept only when no group is included.
 * - sensors: the sensors of the flows a component takes part in.
 * - networks: the subnet holds the component's IPv4 address; components without one are kept
 *   only when no network is included. divergence: the VLAN of a network filter is not applied
 *   (components carry no VLAN here).
 * - riskScores: ranges of the risk score, bounds included.
 * - centers: this Center included (or none listed) keeps everything; otherwise nothing.
 * - search: a case-insensitive substring of the label, name, IP, MAC or vendor.
 * - componentTagless / groupless / hasExternalCommunications: "true" keeps only what has no tag
 *   / no group / has external communications; "false" the opposite. activityTagless applies to
 *   activities only.
 */
import { parseCidr } from './custom-network.js';
import type { Preset, PresetGroup, TriState } from './preset.js';
import type { Network } from './queries.js';

export interface Selection<T> {
  include: T[];
  exclude: T[];
}

/** An inclusive integer range: an IPv4 network as integers, or a risk score range. */
export type Range = Network;

export interface PresetScope {
  /** No condition at all ("All data"). */
  all: boolean;
  /** False when the center filters leave this Center out: nothing is kept. */
  thisCenter: boolean;
  componentTags: Selection<string>;
  activityTags: Selection<string>;
  groups: Selection<string>;
  sensors: Selection<string>;
  networks: Selection<Range>;
  riskScores: Selection<Range>;
  search: string;
  componentTagless: boolean | null;
  activityTagless: boolean | null;
  groupless: boolean | null;
  hasExternalCommunications: boolean | null;
}

export interface ScopeContext {
  /** This Center's id (settings `center.id`), or null when it has none. */
  centerId: string | null;
  /** Whether a tag key names a component tag (PLC) rather than an activity tag (S7); unknown keys are activity tags. */
  isComponentTag(key: string): boolean;
}

const triState = (t: TriState): boolean | null => (t === 'true' ? true : t === 'false' ? false : null);

function select<V, T>(items: readonly { operator: 'include' | 'exclude'; value: V }[], map: (v: V) => T | undefined): Selection<T> {
  const out: Selection<T> = { include: [], exclude: [] };
  for (const item of items) {
    const mapped = map(item.value);
    if (mapped !== undefined) out[item.operator].push(mapped);
  }
  return out;
}

/** A group filter's ids: the group and the children the filter nests, each with its own operator. */
function groupSelection(items: readonly { operator: 'include' | 'exclude'; value: PresetGroup }[], out: Selection<string>): void {
  for (const item of items) {
    out[item.operator].push(item.value.id);
    groupSelection(item.value.children ?? [], out);
  }
}

/** Nothing ever matches an unparsable subnet: a range no address falls in. */
const NO_ADDRESS: Range = { first: 1, last: 0 };

export function presetScope(preset: Pick<Preset, 'filters' | 'search' | 'componentTagless' | 'activityTagless' | 'groupless' | 'hasExternalCommunications'>, ctx: ScopeContext): PresetScope {
  const f = preset.filters;
  const tags = select(f.tags, (t) => t.id);
  const groups: Selection<string> = { include: [], exclude: [] };
  groupSelection(f.groups, groups);
  const centers = select(f.centers, (c) => c.id);
  const ours = (id: string) => id === ctx.centerId;
  const scope: PresetScope = {
    all: false,
    thisCenter: (centers.include.length === 0 || centers.include.some(ours)) && !centers.exclude.some(ours),
    componentTags: { include: tags.include.filter((k) => ctx.isComponentTag(k)), exclude: tags.exclude.filter((k) => ctx.isComponentTag(k)) },
    activityTags: { include: tags.include.filter((k) => !ctx.isComponentTag(k)), exclude: tags.exclude.filter((k) => !ctx.isComponentTag(k)) },
    groups,
    sensors: select(f.sensors, (s) => s.id),
    networks: select(f.networks, (n) => {
      const cidr = parseCidr(n.subnet);
      return cidr ? { first: cidr.first, last: cidr.last } : NO_ADDRESS;
    }),
    riskScores: select(f.riskScores, (r) => ({ first: r.min, last: r.max })),
    search: preset.search.trim(),
    componentTagless: triState(preset.componentTagless),
    activityTagless: triState(preset.activityTagless),
    groupless: triState(preset.groupless),
    hasExternalCommunications: triState(preset.hasExternalCommunications),
  };
  scope.all = isEverything(scope);
  return scope;
}

const none = (s: Selection<unknown>) => s.include.length === 0 && s.exclude.length === 0;

function isEverything(s: PresetScope): boolean {
  return (
    s.thisCenter &&
    [s.componentTags, s.activityTags, s.groups, s.sensors, s.networks, s.riskScores].every(none) &&
    s.search === '' &&
    s.componentTagless === null &&
    s.activityTagless === null &&
    s.groupless === null &&
    s.hasExternalCommunications === null
  );
}

/** Whether applying the scope to components needs facts the store does not hold (risk scores, external communications). */
export function needsFacts(s: PresetScope): { riskScore: boolean; externalCommunications: boolean } {
  return { riskScore: !none(s.riskScores), externalCommunications: s.hasExternalCommunications !== null };
}

const inRange = (v: number, r: Range) => v >= r.first && v <= r.last;

/**
 * Whether a value passes a range selection: in an included range (when any is listed) and in no
 * excluded one. A missing value (a component without an IPv4 address or a risk score) passes
 * only when nothing is included.
 */
export function passesRanges(value: number | null, s: Selection<Range>): boolean {
  if (value === null) return s.include.length === 0;
  return (s.include.length === 0 || s.include.some((r) => inRange(value, r))) && !s.exclude.some((r) => inRange(value, r));
}
