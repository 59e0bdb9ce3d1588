/**
 * Deployment keys and the JWTs a sensor enrols with (Cisco 3.0 "Deployments": getDeploymentList,
 * postDeployment, putDeployment, deleteDeployment, generateDeploymentJWT,
 * generateDetailedDeploymentJWT; clients.md 1.2 #43). Each operation is one transaction and
 * throws ApiErrors before its first write, so a failing request changes nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { type Deployment, unusable } from '../domain/deployment.js';
import { type JwtClaims, signJwt } from '../domain/jwt.js';
import { MICROS_PER_DAY, MICROS_PER_SECOND, type Micros } from '../domain/time.js';
import { ApiError, errors } from '../errors.js';
import type { Store } from '../store/store.js';

export interface DeploymentContext {
  store: Store;
  clock: Clock;
  newId: () => string;
}

/** Cisco's DeploymentKeyParams, the expiry read (null: none); on an update, absent fields stay. */
export interface DeploymentFields {
  name?: string;
  enable?: boolean;
  expirationTime?: Micros | null;
  maxUsageCount?: number;
}

export const deploymentErrors = {
  /** Cisco, POST and PUT: "409 another deployment with the given name already exists". */
  nameTaken: (name: string) => new ApiError(409, `A deployment with the name "${name}" already exists`),
  /** Cisco, generateDeploymentJWT: "404 deployment with the given name does not exist". */
  unknownName: (name: string) => new ApiError(404, `Deployment not found: no deployment is named "${name}"`),
  expiryPast: () => new ApiError(400, 'Invalid body field "expirationDate": must be later than now'),
  unusable: (why: string) => new ApiError(400, `${why}: it generates no JWT`),
};

/** How long a JWT lets a sensor enrol: a day, never past its deployment's expiry. divergence: Cisco does not say. */
export const JWT_LIFETIME = MICROS_PER_DAY;

function checkName(store: Store, name: string, own: string | null): void {
  const other = store.deployments.withName(name);
  if (other && other.id !== own) throw deploymentErrors.nameTaken(name);
}

function checkExpiry(ctx: DeploymentContext, f: DeploymentFields): void {
  if (f.expirationTime != null && f.expirationTime <= ctx.clock.now()) throw deploymentErrors.expiryPast();
}

function existing(store: Store, id: string): Deployment {
  const d = store.deployments.get(id);
  if (!d) throw errors.notFound('Deployment', id);
  return d;
}

/** divergence: defaults Cisco leaves open: enabled, no expiry, no usage limit (maxUsageCount 0). */
export function createDeployment(ctx: DeploymentContext, f: DeploymentFields & { name: string }): Deployment {
  return ctx.store.transaction(() => {
    checkName(ctx.store, f.name, null);
    checkExpiry(ctx, f);
    const d: Deployment = {
      id: ctx.newId(),
      name: f.name,
      enable: f.enable ?? true,
      creationTime: ctx.clock.now(),
      expirationTime: f.expirationTime ?? null,
      maxUsageCount: f.maxUsageCount ?? 0,
      usageCount: 0,
      lastStatus: null,
    };
    ctx.store.deployments.insert(d);
    return d;
  });
}

/** The fields given replace, absent ones stay; the usage count stays. */
export function updateDeployment(ctx: DeploymentContext, id: string, f: DeploymentFields): void {
  ctx.store.transaction(() => {
    const d = existing(ctx.store, id);
    if (f.name !== undefined) checkName(ctx.store, f.name, id);
    checkExpiry(ctx, f);
    const defined = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
    ctx.store.deployments.update({ ...d, ...defined });
  });
}

export function deleteDeployment(ctx: DeploymentContext, id: string): void {
  ctx.store.transaction(() => {
    if (!ctx.store.deployments.remove(id)) throw errors.notFound('Deployment', id);
  });
}

/** The Center's key for deployment JWTs: made once, kept in the settings beside its other secrets. */
function jwtSecret(store: Store): string {
  let secret = store.settings.get('deployment.jwt_secret');
  if (secret === undefined) {
    secret = randomBytes(32).toString('hex');
    store.settings.set('deployment.jwt_secret', secret);
  }
  return secret;
}

/**
 * Signs one JWT per claim set under the deployment named (without case), counting one use each
 * and recording the outcome as its lastDeploymentStatus. 404 for an unknown name; 400 saying why
 * for a disabled, expired or used-up deployment (usageCount + the JWTs asked > maxUsageCount > 0).
 */
function issue(ctx: DeploymentContext, deploymentName: string, subjects: readonly JwtClaims[]): string[] {
  return ctx.store.transaction(() => {
    const d = ctx.store.deployments.withName(deploymentName);
    if (!d) throw deploymentErrors.unknownName(deploymentName);
    const now = ctx.clock.now();
    const why = unusable(d, now, subjects.length);
    if (why) throw deploymentErrors.unusable(why);
    const secret = jwtSecret(ctx.store);
    const expiry = Math.min(now + JWT_LIFETIME, d.expirationTime ?? Number.MAX_SAFE_INTEGER);
    const seconds = (t: Micros) => Math.floor(t / MICROS_PER_SECOND);
    const center = ctx.store.settings.get('center.id') ?? '';
    const tokens = subjects.map((claims) =>
      signJwt({ iss: center, ...claims, deployment: d.name, deploymentId: d.id, iat: seconds(now), exp: seconds(expiry), jti: ctx.newId() }, secret),
    );
    ctx.store.deployments.update({ ...d, usageCount: d.usageCount + tokens.length, lastStatus: { success: true, error: '', time: now } });
    return tokens;
  });
}

/** Cisco: "a JSON object where each key is an input serial number and each value is the generated JWT token for that serial number" (a serial given twice, once). */
export function generateJwts(ctx: DeploymentContext, deploymentName: string, serials: readonly string[]): Record<string, string> {
  const distinct = [...new Set(serials)];
  const tokens = issue(ctx, deploymentName, distinct.map((serial) => ({ sub: serial })));
  return Object.fromEntries(distinct.map((serial, i) => [serial, tokens[i] as string]));
}

/** Cisco's DetailedDeploymentJWTParams beyond the deployment: what the sensor is to be set up with. */
export interface DetailedJwtFields {
  sensorSerial: string;
  captureMode?: string;
  customCaptureMode?: string;
  activeDiscoveryInterfaces?: unknown[];
  seaEnabled?: boolean;
  seaProxy?: { server?: string; port?: number; scheme?: string; username?: string };
}

/**
 * One JWT carrying the sensor's settings as claims. divergence: Cisco answers a list of strings
 * without saying what they are; it is the one JWT. The proxy password is not put in the token.
 */
export function generateDetailedJwt(ctx: DeploymentContext, deploymentName: string, f: DetailedJwtFields): string[] {
  const { sensorSerial, seaProxy, ...settings } = f;
  const claims: JwtClaims = { sub: sensorSerial, ...settings, ...(seaProxy ? { seaProxyConfig: seaProxy } : {}) };
  return issue(ctx, deploymentName, [claims]);
}
