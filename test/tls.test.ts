import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, get, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateTls, type TlsMaterial } from '../src/tls.js';

const NOW = new Date();
const DAY_MS = 86_400_000;

interface Answer {
  status?: number;
  body?: string;
  error?: NodeJS.ErrnoException;
}

/** One GET over TLS to the loopback server; resolves with the answer or the client's error. */
function fetchOnce(port: number, options: { ca?: string; servername?: string; host?: string }): Promise<Answer> {
  return new Promise((resolve) => {
    const req = get(
      { host: options.host ?? '127.0.0.1', port, path: '/', ca: options.ca, servername: options.servername, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error }));
  });
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ccv-tls-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateTls in a directory', () => {
  let dir: string;
  let tls: TlsMaterial;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = join(tempDir(), 'nested', 'data'); // does not exist yet
    tls = await loadOrCreateTls(dir, ['ccv.example.test', '10.1.2.3'], NOW);
    server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  });

  it('writes the CA and server files, keys readable by the owner only', () => {
    expect(readFileSync(join(dir, 'ca.pem'), 'utf8')).toBe(tls.caPem);
    expect(readFileSync(join(dir, 'server.pem'), 'utf8')).toBe(tls.certPem);
    expect(readFileSync(join(dir, 'server.key'), 'utf8')).toBe(tls.keyPem);
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'server.key')).mode & 0o777).toBe(0o600);
  });

  it('is trusted by a client given the CA (verification on)', async () => {
    const answer = await fetchOnce(port, { ca: tls.caPem, servername: 'localhost' });
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('hello');
  });

  it('is trusted for the IP address 127.0.0.1 too', async () => {
    const answer = await fetchOnce(port, { ca: tls.caPem });
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  it('is trusted for an extra hostname', async () => {
    const answer = await fetchOnce(port, { ca: tls.caPem, servername: 'ccv.example.test' });
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  it('is refused by a client without the CA', async () => {
    const answer = await fetchOnce(port, { servername: 'localhost' });
    expect(answer.status).toBeUndefined();
    // The server sends only its own certificate, whose issuer the client does not know.
    expect(answer.error?.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('is refused for a name not in the certificate', async () => {
    const answer = await fetchOnce(port, { ca: tls.caPem, servername: 'other.example.test' });
    expect(answer.error?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('puts the defaults and the extra names in the SAN (names as DNS, addresses as IP)', () => {
    const san = new X509Certificate(tls.certPem).subjectAltName ?? '';
    const entries = san.split(', ');
    expect(entries).toContain('DNS:localhost');
    expect(entries).toContain('IP Address:127.0.0.1');
    expect(entries).toContain('DNS:ccv.example.test');
    expect(entries).toContain('IP Address:10.1.2.3');
    expect(new X509Certificate(tls.certPem).checkIP('::1')).toBe('::1');
    expect(entries).toHaveLength(5);
  });

  it('makes a CA that signed the server certificate', () => {
    const ca = new X509Certificate(tls.caPem);
    const cert = new X509Certificate(tls.certPem);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true); // self-signed
    expect(ca.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('signs with SHA-256, not SHA-1', () => {
    // The signature algorithm OID sits in the DER: sha256WithRSAEncryption is 1.2.840.113549.1.1.11.
    const sha256WithRsa = Buffer.from('06092a864886f70d01010b', 'hex');
    const sha1WithRsa = Buffer.from('06092a864886f70d010105', 'hex');
    for (const pem of [tls.caPem, tls.certPem]) {
      const der = new X509Certificate(pem).raw;
      expect(der.includes(sha256WithRsa)).toBe(true);
      expect(der.includes(sha1WithRsa)).toBe(false);
    }
  });

  it('dates the server certificate from a day before now to 825 days after', () => {
    const cert = new X509Certificate(tls.certPem);
    // X.509 keeps whole seconds.
    expect(Math.abs(Date.parse(cert.validFrom) - (NOW.getTime() - DAY_MS))).toBeLessThan(1000);
    expect(Math.abs(Date.parse(cert.validTo) - (NOW.getTime() + 825 * DAY_MS))).toBeLessThan(1000);
  });

  it('gives caDer as the DER encoding of the CA', () => {
    const fromDer = new X509Certificate(tls.caDer);
    expect(fromDer.ca).toBe(true);
    expect(fromDer.fingerprint256).toBe(new X509Certificate(tls.caPem).fingerprint256);
  });

  it('reuses everything on a second call with the same names', async () => {
    const again = await loadOrCreateTls(dir, ['10.1.2.3', 'CCV.example.test'], NOW);
    expect(again.caPem).toBe(tls.caPem);
    expect(again.certPem).toBe(tls.certPem);
    expect(again.keyPem).toBe(tls.keyPem);
    expect(again.caDer.equals(tls.caDer)).toBe(true);
  });
});

describe('loadOrCreateTls when the names change', () => {
  it('reissues only the server certificate, under the same CA', async () => {
    const dir = tempDir();
    const first = await loadOrCreateTls(dir, [], NOW);
    const second = await loadOrCreateTls(dir, ['emulator.lan'], NOW);
    expect(second.caPem).toBe(first.caPem);
    expect(second.certPem).not.toBe(first.certPem);
    expect(second.keyPem).not.toBe(first.keyPem);
    const cert = new X509Certificate(second.certPem);
    expect(cert.subjectAltName).toContain('DNS:emulator.lan');
    expect(cert.verify(new X509Certificate(first.caPem).publicKey)).toBe(true);
    expect(readFileSync(join(dir, 'server.pem'), 'utf8')).toBe(second.certPem);

    // Dropping a name is a change too.
    const third = await loadOrCreateTls(dir, [], NOW);
    expect(third.caPem).toBe(first.caPem);
    expect(new X509Certificate(third.certPem).subjectAltName).not.toContain('emulator.lan');
  });

  it('reissues the server certificate once it has expired, keeping the CA', async () => {
    const dir = tempDir();
    const first = await loadOrCreateTls(dir, [], NOW);
    const later = new Date(NOW.getTime() + 900 * DAY_MS);
    const second = await loadOrCreateTls(dir, [], later);
    expect(second.caPem).toBe(first.caPem);
    expect(second.certPem).not.toBe(first.certPem);
    expect(Date.parse(new X509Certificate(second.certPem).validTo)).toBeGreaterThan(later.getTime());
  });
});

describe('loadOrCreateTls in memory', () => {
  it('returns a CA and a server certificate it signed', async () => {
    const tls = await loadOrCreateTls(undefined, ['192.168.0.10'], NOW);
    const ca = new X509Certificate(tls.caDer);
    const cert = new X509Certificate(tls.certPem);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkIP('192.168.0.10')).toBe('192.168.0.10');
  });
});
