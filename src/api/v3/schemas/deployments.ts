/**
 * Deployments (Cisco's DeploymentKeyParams, DeploymentKeyResponse, DeploymentKeysResponse,
 * DeploymentStatus, DeploymentToken, DeploymentJWTParams, DetailedDeploymentJWTParams,
 * DetailedDeploymentJWTResponse). Dates are ISO 8601 strings (the document types them as bare
 * strings and shows no example): written `2026-11-01T12:00:00Z`.
 */
import { z } from 'zod';
import { parseTimestamp } from '../../../domain/time.js';
import type { Micros } from '../../../domain/time.js';
import { named } from '../registry.js';
import { objectBody } from './custom-properties.js';
import { ActiveDiscoveryInterfaceSchema } from './sensor-payload.js';

const is = (what: string, mandatory = false) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined && mandatory ? 'is mandatory' : `must be ${what}`),
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An expiry as a client writes it: an ISO 8601 date-time (`2026-12-31T23:59:59Z`, an offset, or
 * none for UTC) or a date alone, which runs to the end of that day (23:59:59 UTC); "" or null is
 * no expiry. divergence: Cisco's document shows no example and does not say.
 */
export function parseExpiry(text: string): Micros | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const day = DATE_ONLY.exec(t);
  return day ? parseTimestamp(`${t}T23:59:59Z`) : parseTimestamp(t);
}

const expirationDate = z
  .union([z.string(), z.null()], is('an ISO 8601 date or date-time, e.g. 2026-12-31T23:59:59Z'))
  .transform((v, ctx): Micros | null => {
    const t = v === null ? null : parseExpiry(v);
    if (t === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date or date-time, e.g. 2026-12-31T23:59:59Z' });
      return z.NEVER;
    }
    return t;
  });

const fields = {
  name: z.string(is('a string', true)).trim().min(1, 'must not be empty'),
  enable: z.boolean(is('true or false')).optional(),
  expirationDate: expirationDate.optional(),
  maxUsageCount: z.number(is('an integer, 0 or more')).int('must be an integer').min(0, 'must be 0 or more (0: no limit)').optional(),
};

export const DeploymentKeyParamsSchema = named(
  'DeploymentKeyParams',
  z.object(fields, objectBody),
  'A deployment: `name` (mandatory, unique without regard to case), `enable` (default true), `expirationDate` (ISO 8601; a date alone runs to the end of that day; "" or absent: none), `maxUsageCount` (default 0: no limit).',
);
export const DeploymentKeyUpdateSchema = named(
  'DeploymentKeyUpdate',
  z.object({ ...fields, name: fields.name.optional() }, objectBody),
  'DeploymentKeyParams for an update: the fields given replace, absent ones stay.',
);

export const DeploymentStatusSchema = named(
  'DeploymentStatus',
  z.object({ success: z.boolean(), error: z.string(), lastUpdateTime: z.number().int() }),
  'The last JWT generation: whether it succeeded, and when (ms; 0 before the first).',
);
export const DeploymentTokenSchema = named('DeploymentToken', z.object({ appName: z.string(), token: z.string() }), 'An application token of the deployment.');

export const DeploymentKeyResponseSchema = named(
  'DeploymentKeyResponse',
  z.object({
    id: z.string(),
    name: z.string(),
    enable: z.boolean(),
    creationDate: z.string(),
    expirationDate: z.string(),
    maxUsageCount: z.number().int(),
    usageCount: z.number().int(),
    lastDeploymentStatus: DeploymentStatusSchema,
    deploymentTokens: z.array(DeploymentTokenSchema),
  }),
  'A deployment: dates in ISO 8601 (`expirationDate` "" when it never expires); `usageCount` counts the JWTs generated under it.',
);
export const DeploymentKeysResponseSchema = named('DeploymentKeysResponse', z.array(DeploymentKeyResponseSchema), 'Every deployment, oldest first.');

const serial = z.string(is('a serial number (a string)', true)).trim().min(1, 'must not be empty');
const deploymentName = z.string(is('a string', true)).trim().min(1, 'must not be empty');

export const DeploymentJWTParamsSchema = named(
  'DeploymentJWTParams',
  z.object({ deploymentName, sensorSerials: z.array(serial, is('an array of serial numbers', true)).min(1, 'must hold at least one serial number') }, objectBody),
  'The deployment (by name, without regard to case) and the serial numbers to sign a JWT for.',
);

export const DeploymentJWTsSchema = named(
  'DeploymentJWTs',
  z.record(z.string(), z.string()),
  'Each serial number given, with the JWT generated for it.',
);

export const SEAProxyConfigSchema = named(
  'SEAProxyConfig',
  z.object({
    server: z.string(is('a string')).optional(),
    port: z.number(is('an integer')).int('must be an integer').optional(),
    scheme: z.string(is('a string')).optional(),
    username: z.string(is('a string')).optional(),
    password: z.string(is('a string')).optional(),
  }),
  'A proxy for Secure Equipment Access (the password is not put in the JWT).',
);

export const DetailedDeploymentJWTParamsSchema = named(
  'DetailedDeploymentJWTParams',
  z.object(
    {
      deploymentName,
      sensorSerial: serial,
      captureMode: z.string(is('a string')).optional(),
      customCaptureMode: z.string(is('a string')).optional(),
      activeDiscoveryInterfaces: z.array(ActiveDiscoveryInterfaceSchema, is('an array of interfaces')).optional(),
      formatForIOX: z.boolean(is('true or false')).optional(),
      seaEnabled: z.boolean(is('true or false')).optional(),
      seaProxyConfig: SEAProxyConfigSchema.optional(),
    },
    objectBody,
  ),
  'The deployment (by name), the serial number, and the settings the JWT carries to the sensor.',
);
export const DetailedDeploymentJWTResponseSchema = named('DetailedDeploymentJWTResponse', z.array(z.string()), 'The JWT generated.');
