/** Baselines and their differences → Cisco's Baseline, BaselineDifference, Difference, Property, VariableMonitor (../schemas/baselines.ts). */
import type { Baseline, DifferenceSummary, ShownDifference, TargetStatus } from '../../../domain/baseline.js';
import { msFromMicros } from '../../../domain/time.js';
import type { Micros } from '../../../domain/time.js';
import { variableCategory, variableProtocol } from '../../../domain/variable-view.js';
import type { Component } from '../../../domain/types.js';
import type { VariableAccessRow } from '../../../store/baselines.js';
import type { BaselineDifferenceSchema, BaselineSchema, DifferenceSchema, VariableMonitorSchema } from '../schemas/baselines.js';
import { type Lookups, type Wire } from './common.js';
import { accessComponent } from './component-relations.js';

/**
 * `now` is the time of the answer: the differences are computed at each read. divergence: Cisco
 * scans on a schedule; `lastScanTime` and `nextScanTime` are `now` here, `status` always
 * "active" (no scan is ever pending).
 */
export function baseline(b: Baseline, summary: DifferenceSummary, now: Micros): Wire<typeof BaselineSchema> {
  return {
    id: b.id,
    label: b.label,
    description: b.description,
    presetId: b.presetId,
    creatorEmail: b.creatorEmail,
    creationTime: msFromMicros(b.creationTime),
    creationPeriodStart: msFromMicros(b.periodStart),
    creationPeriodEnd: msFromMicros(b.periodEnd),
    lastEditTime: msFromMicros(b.lastEditTime),
    lastScanTime: msFromMicros(now),
    nextScanTime: msFromMicros(now),
    status: 'active',
    countDifferences: summary.counts,
    componentLastDiffTime: msFromMicros(summary.componentLastDiff),
    activityLastDiffTime: msFromMicros(summary.activityLastDiff),
  };
}

export const baselineDifference = (baselineId: string, d: ShownDifference): Wire<typeof BaselineDifferenceSchema> => ({
  id: d.id,
  baselineId,
  targetId: d.targetId,
  type: d.type,
  key: d.key,
  value: d.value,
  detectionTime: msFromMicros(d.detection),
});

export const difference = (d: ShownDifference): Wire<typeof DifferenceSchema> => ({
  id: d.id,
  type: d.type,
  key: d.key,
  value: d.value,
  oldValue: d.oldValue,
  detection: msFromMicros(d.detection),
});

/**
 * What a target's row gains in a baseline's lists: its differences, its status, and
 * `newVariableAccess`: an activity's new variable accesses (among its differences), a
 * component's new accesses to the variables it holds (differences of its activities).
 */
export const withDifferences = (diffs: readonly ShownDifference[], status: TargetStatus, newVariableAccess: number) => ({
  differences: diffs.map(difference),
  newVariableAccess,
  status,
});

/**
 * A variable access that differs, on an activity whose tags are `activityTags` (its protocol is
 * the one GET /components/{id}/variables gives: src/domain/variable-view.ts).
 */
export function variableMonitor(d: ShownDifference, access: VariableAccessRow, author: Component | undefined, activityTags: readonly string[], l: Lookups): Wire<typeof VariableMonitorSchema> {
  const protocols = new Map(activityTags.flatMap((key) => {
    const t = l.tags.get(key);
    return t && t.category === 'Protocol' ? [[key, t.label] as [string, string]] : [];
  }));
  return {
    id: access.variableId,
    name: access.name,
    accessType: access.type,
    // divergence: Cisco's `types` is the variable's data type (x-go-name VariableType), which
    // the emulator's variables do not have: "".
    types: '',
    category: variableCategory(access.name),
    protocol: variableProtocol(protocols),
    client: accessComponent(access.authorId, author),
    firstAccess: msFromMicros(access.first),
    lastAccess: msFromMicros(access.last),
    difference: difference(d),
  };
}
