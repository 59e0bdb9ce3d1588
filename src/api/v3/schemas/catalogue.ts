/**
 * The catalogue's shape, VulnerabilityDetail (Cisco's document; samples/vulnerabilities.json):
 * GET /vulnerabilities, and Device.vulnerabilities and the risk score's most impacting
 * vulnerability. `CVSS` and `CVSSVersion` upper case, `cvssVectorString` lower case,
 * `publishTime` in ms (spec/v3 README, quirk 7).
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { int, ms } from './common.js';

export const VulnerabilityLinkSchema = named('VulnerabilityLink', z.object({ id: z.string(), title: z.string(), link: z.string(), order: int }), 'A reference of an advisory.');

/** What every 3.0 vulnerability shape prints of the catalogue entry (with `links`, each shape's own named link). */
export const advisoryFields = {
  id: z.string(),
  cve: z.string(),
  title: z.string(),
  summary: z.string(),
  solution: z.string(),
  fullDescription: z.string(),
  CVSS: z.number(),
  CVSSVersion: z.number(),
};

export const VulnerabilityDetailSchema = named(
  'VulnerabilityDetail',
  z.object({
    ...advisoryFields,
    cvssVectorString: z.string(),
    publishTime: ms,
    links: z.array(VulnerabilityLinkSchema),
    vendorId: z.string(),
  }),
  'An entry of the Knowledge DB\'s catalogue: `id` is its own (a CVE may have several entries, one per advisory); `publishTime` in ms.',
);

export const VulnerabilityDetailListSchema = named('VulnerabilityDetailList', z.array(VulnerabilityDetailSchema));

const severityCounts = { critical: int, high: int, low: int, medium: int, total: int };

export const TopCenterSchema = named('TopCenter', z.object({ centerId: z.string(), centerName: z.string(), ...severityCounts }), 'A Center\'s vulnerable devices by severity.');

export const WidgetVulnerableDevicesResponseSchema = named(
  'WidgetVulnerableDevicesResponse',
  z.object({ total: named('Total', z.object(severityCounts)), centers: z.array(TopCenterSchema) }),
  'The vulnerable devices counted by the severity of their worst vulnerability (CVSS: critical 9.0-10, high 7.0-8.9, medium 4.0-6.9, low below 4), and in all. ' +
    '`centers` lists the local Centers of a global Center: empty on this standalone Center.',
);
