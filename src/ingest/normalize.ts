/**
 * How a Center fills a component's normalized fields from the properties its dissectors found
 * (guide 5.2: "normalized fields filled by the CCV"; the PLC_3 sample shows name ← name-s7plus-plc,
 * model_ref ← s7plus-moduleref, fw_version ← s7plus-modulever, …). Pure.
 */
import type { NormalizedFields } from '../store/components.js';

/** For each field, the properties that fill it, most specific first. */
const SOURCES: Record<keyof NormalizedFields, readonly string[]> = {
  name: ['name-s7plus-plc', 'name-s7-plc', 'name-enip', 'name-modbus', 'name-netbios', 'name-dns', 'name-vendorip', 'name-mac'],
  modelName: ['s7plus-modulename', 's7-modulename', 'enip-name', 'model-name'],
  modelRef: ['s7plus-moduleref', 's7-moduleref', 'enip-productcode', 'modbus-productcode', 'model-ref'],
  fwVersion: ['s7plus-modulever', 's7-fwver', 'enip-version', 'modbus-revision', 'fw-version'],
  hwVersion: ['s7plus-hardwarerevision', 's7-hwver', 'hw-version'],
  serialNumber: ['s7plus-serialnumber', 's7-serialnumber', 'enip-serial', 'serial-number'],
  vendorName: ['vendor'],
  projectName: ['s7plus-projectname', 'project-name'],
  projectVersion: ['s7plus-projectversion', 'project-version'],
};

/** The properties that name a component, most specific first (a device takes its best-ranked name). */
export const NAME_SOURCES: readonly string[] = SOURCES.name;

export function normalizedFields(properties: Record<string, string>): NormalizedFields {
  const out: NormalizedFields = {};
  for (const [field, names] of Object.entries(SOURCES) as [keyof NormalizedFields, readonly string[]][]) {
    for (const name of names) {
      const value = properties[name];
      if (value !== undefined && value !== '') {
        out[field] = value;
        break;
      }
    }
  }
  return out;
}

/** The names the "New properties detected" event prints (guide 5.5: "model-ref=…, hw-version=…"). */
export const EVENT_NAMES: Partial<Record<keyof NormalizedFields, string>> = {
  modelRef: 'model-ref',
  hwVersion: 'hw-version',
  fwVersion: 'fw-version',
  serialNumber: 'serial-number',
  modelName: 'model-name',
  vendorName: 'vendor',
  projectName: 'project-name',
  projectVersion: 'project-version',
};
