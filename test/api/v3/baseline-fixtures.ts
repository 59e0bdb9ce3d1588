/** What the baseline tests share: a small plant of their own made by ingest, the "All data" preset, a baseline made through the API. */
import { expect } from 'vitest';
import { componentId } from '../../../src/domain/ids.js';
import type { TestCenter } from '../../helpers.js';

export interface Baseline {
  id: string;
  label: string;
  description: string;
  presetId: string;
  creatorEmail: string;
  creationTime: number;
  creationPeriodStart: number;
  creationPeriodEnd: number;
  lastEditTime: number;
  lastScanTime: number;
  nextScanTime: number;
  status: string;
  countDifferences: { newComponent: number; changedComponent: number; newActivity: number; changedActivity: number };
  componentLastDiffTime: number;
  activityLastDiffTime: number;
}
export interface Difference {
  id: string;
  baselineId: string;
  targetId: string;
  type: string;
  key: string;
  value: string;
  detectionTime: number;
}

export const HMI = { mac: '00:1b:1b:8c:2a:10', ip: '10.99.1.15' };
export const PLC = { mac: '00:0e:8c:11:22:33', ip: '10.99.1.10' };
export const DRIVE = { mac: '00:0e:8c:44:55:66', ip: '10.99.1.20' };

type End = typeof HMI;
/** Ingests one TCP flow through the control plane; answers the ids of its two components (source first, guide 5.2's identity). */
export async function flow(c: TestCenter, src: End, dst: End, dstPort: number, srcProperties?: Record<string, string>): Promise<[string, string]> {
  const res = await c.control('POST', '/_emulator/ingest/flows', {
    flows: [{ src: { ...src, port: 40_000 + dstPort, ...(srcProperties ? { properties: srcProperties } : {}) }, dst: { ...dst, port: dstPort }, ethertype: 'IPv4', protocol: 'TCP' }],
  });
  expect(res.statusCode, res.body).toBe(200);
  return [componentId(src.mac, src.ip), componentId(dst.mac, dst.ip)];
}

/** An activity's id: its two components' ids, the smaller first. */
export const activityOf = (a: string, b: string) => (a <= b ? `${a}_${b}` : `${b}_${a}`);

export async function allDataId(c: TestCenter): Promise<string> {
  const presets = await c.json3<{ id: string; label: string }[]>('/presets');
  return presets.find((p) => p.label === 'All data')?.id as string;
}

export async function makeBaseline(c: TestCenter, body: Record<string, unknown>): Promise<Baseline> {
  const res = await c.v3('POST', '/baselines', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Baseline>();
}

export const differences = (c: TestCenter, id: string) => c.json3<Difference[]>(`/baselines/${id}/differences`);
