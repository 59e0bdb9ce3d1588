/**
 * TLS like a real Center (guide 6.1: "you have to use its own self-signed CA certificate ...
 * available at /ca.pem (PEM) or /ca.crt (DER)"): a long-lived self-signed CA, and a server
 * certificate it signs. Kept beside the database so that a client which trusted the CA once
 * keeps trusting it across restarts; the server certificate alone is reissued when the wanted
 * names change or it stops being valid.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { generate as Generate } from 'selfsigned';

export interface TlsMaterial {
  caPem: string;
  caDer: Buffer;
  certPem: string;
  keyPem: string;
}

const DAY_MS = 86_400_000;
/** Apple's (and browsers') ceiling for a TLS server certificate. */
const SERVER_DAYS = 825;
/**
 * divergence: the brief gives 825 days for the server certificate; the CA gets ten years, as CAs
 * outlive the certificates they sign, so clients need not re-import it each time one is reissued.
 */
const CA_DAYS = 3650;
const KEY_BITS = 2048;
/** selfsigned signs with SHA-1 unless told otherwise. */
const ALGORITHM = 'sha256';
const ALWAYS = ['localhost', '127.0.0.1', '::1'];

const FILES = { caCert: 'ca.pem', caKey: 'ca.key', cert: 'server.pem', key: 'server.key' } as const;

interface Pair {
  certPem: string;
  keyPem: string;
}

/** The SAN entries we want: the defaults plus the extras, de-duplicated, names lowercased. */
function wantedNames(hostnames: string[]): string[] {
  const names: string[] = [];
  for (const raw of [...ALWAYS, ...hostnames]) {
    const name = raw.trim();
    if (name === '') continue;
    const normal = isIP(name) === 0 ? name.toLowerCase() : name;
    if (!names.includes(normal)) names.push(normal);
  }
  return names;
}

/**
 * selfsigned, loaded only when a certificate is made: loading it (and its X.509 library) took
 * about 130 ms of every start, most of which find their certificates on disk.
 */
async function generate(...args: Parameters<typeof Generate>): ReturnType<typeof Generate> {
  const { generate: make } = await import('selfsigned');
  return make(...args);
}

async function createCa(now: Date): Promise<Pair> {
  const pems = await generate([{ name: 'commonName', value: 'Cyber Vision Center emulator CA' }, { name: 'organizationName', value: 'ccv-emulator' }], {
    keySize: KEY_BITS,
    algorithm: ALGORITHM,
    notBeforeDate: new Date(now.getTime() - DAY_MS),
    notAfterDate: new Date(now.getTime() + CA_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

async function createServer(ca: Pair, names: string[], now: Date): Promise<Pair> {
  // The subject must differ from the CA's, or OpenSSL takes the certificate for a self-signed one.
  const pems = await generate([{ name: 'commonName', value: 'Cyber Vision Center emulator' }, { name: 'organizationName', value: 'ccv-emulator' }], {
    keySize: KEY_BITS,
    algorithm: ALGORITHM,
    notBeforeDate: new Date(now.getTime() - DAY_MS),
    notAfterDate: new Date(now.getTime() + SERVER_DAYS * DAY_MS),
    ca: { key: ca.keyPem, cert: ca.certPem },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((n) => (isIP(n) === 0 ? { type: 2 as const, value: n } : { type: 7 as const, ip: n })),
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

function validAt(cert: X509Certificate, now: Date): boolean {
  return Date.parse(cert.validFrom) <= now.getTime() && now.getTime() < Date.parse(cert.validTo);
}

/** A stored CA we can keep using: it parses, is a CA, matches its key and has not expired. */
function usableCa(pair: Pair | undefined, now: Date): boolean {
  if (!pair) return false;
  try {
    const cert = new X509Certificate(pair.certPem);
    // A CA that is not valid yet only means the clock is pinned in the past: keep it.
    return cert.ca && cert.checkPrivateKey(createPrivateKey(pair.keyPem)) && now.getTime() < Date.parse(cert.validTo);
  } catch {
    return false;
  }
}

/**
 * A stored server certificate we can keep: signed by this CA, matching its key, valid at `now`
 * and carrying exactly the wanted names. Node's own checkHost/checkIP do the matching, so
 * "::1" and "0:0:0:0:0:0:0:1" count as the same address, as they do for a TLS client.
 */
function usableServer(pair: Pair | undefined, ca: Pair, names: string[], now: Date): boolean {
  if (!pair) return false;
  try {
    const cert = new X509Certificate(pair.certPem);
    const caCert = new X509Certificate(ca.certPem);
    if (!cert.checkIssued(caCert) || !cert.verify(caCert.publicKey)) return false;
    if (!cert.checkPrivateKey(createPrivateKey(pair.keyPem)) || !validAt(cert, now)) return false;
    const stored = (cert.subjectAltName ?? '').split(', ').filter((e) => e !== '');
    if (stored.length !== names.length) return false;
    return names.every((n) =>
      isIP(n) === 0 ? cert.checkHost(n, { subject: 'never', wildcards: false }) !== undefined : cert.checkIP(n) !== undefined,
    );
  } catch {
    return false;
  }
}

async function readPair(dir: string, certFile: string, keyFile: string): Promise<Pair | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([readFile(join(dir, certFile), 'utf8'), readFile(join(dir, keyFile), 'utf8')]);
    return { certPem, keyPem };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Write-then-rename, so a crash never leaves a truncated file; keys are readable by the owner only. */
async function writeAtomic(path: string, data: string, mode: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data, { mode });
  await chmod(tmp, mode); // `mode` above is filtered by the umask
  await rename(tmp, path);
}

async function writePair(dir: string, certFile: string, keyFile: string, pair: Pair): Promise<void> {
  // Key first: a crash in between leaves a key/cert mismatch, which the next start detects.
  await writeAtomic(join(dir, keyFile), pair.keyPem, 0o600);
  await writeAtomic(join(dir, certFile), pair.certPem, 0o644);
}

/**
 * The CA and server certificate: read from `dir` when they are there and still fit, otherwise
 * generated (and written to `dir`). With no `dir` (an in-memory DB) nothing touches the disk.
 * `hostnames` are extra SAN entries beside localhost, 127.0.0.1 and ::1; `now` dates the
 * certificates (valid from a day before it).
 */
export async function loadOrCreateTls(dir: string | undefined, hostnames: string[], now: Date): Promise<TlsMaterial> {
  const names = wantedNames(hostnames);
  if (dir !== undefined) await mkdir(dir, { recursive: true });

  const storedCa = dir === undefined ? undefined : await readPair(dir, FILES.caCert, FILES.caKey);
  let ca: Pair;
  if (storedCa && usableCa(storedCa, now)) {
    ca = storedCa;
  } else {
    ca = await createCa(now);
    if (dir !== undefined) await writePair(dir, FILES.caCert, FILES.caKey, ca);
  }

  const storedServer = dir === undefined ? undefined : await readPair(dir, FILES.cert, FILES.key);
  let server: Pair;
  if (storedServer && usableServer(storedServer, ca, names, now)) {
    server = storedServer;
  } else {
    server = await createServer(ca, names, now);
    if (dir !== undefined) await writePair(dir, FILES.cert, FILES.key, server);
  }

  return { caPem: ca.certPem, caDer: new X509Certificate(ca.certPem).raw, certPem: server.certPem, keyPem: server.keyPem };
}
