/**
 * Raw HTTP/1.1 over a TCP socket, for tests of what a client library would never send: the
 * request is written byte for byte and what the server writes until it closes the connection is
 * split into answers (Content-Length, chunked, or none). Send `Connection: close` to have the
 * server close after its answer; a server that waits for more (an incomplete request, a
 * keep-alive answer) sees the client close its side after `idleMs` without data.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawExchange {
  answers: RawAnswer[];
  /** Everything the server wrote, as latin1 text. */
  raw: string;
}

export function rawRequest(port: number, request: string | Buffer, opts: { idleMs?: number; timeoutMs?: number } = {}): Promise<RawExchange> {
  const { idleMs = 250, timeoutMs = 5000 } = opts;
  const text = typeof request === 'string' ? request : request.toString('latin1');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    const quiet = () => {
      clearTimeout(idle);
      // Half-close: the server reads the end of the request, answers what it has, and closes.
      idle = setTimeout(() => socket.end(), idleMs);
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no end of answer within ${timeoutMs} ms to ${JSON.stringify(text.slice(0, 120))}`));
    }, timeoutMs);
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      quiet();
    });
    // A reset after the answer (the server closed with unread input) keeps what arrived.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      clearTimeout(idle);
      const raw = Buffer.concat(chunks).toString('latin1');
      try {
        resolve({ answers: parseAnswers(raw, text.startsWith('HEAD ')), raw });
      } catch (err) {
        reject(err instanceof Error ? new Error(`${err.message} in ${JSON.stringify(raw.slice(0, 300))}`) : err);
      }
    });
    socket.write(request, quiet);
  });
}

/** The answers in a server's byte stream (to HEAD requests: without bodies); interim (1xx) answers are left out. */
export function parseAnswers(raw: string, head = false): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let at = 0;
  while (at < raw.length) {
    const end = raw.indexOf('\r\n\r\n', at);
    if (end < 0) throw new Error(`an answer without the end of its headers at byte ${at}`);
    const [statusLine = '', ...lines] = raw.slice(at, end).split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!m) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`);
    const status = Number(m[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    at = end + 4;
    let body = '';
    if (status >= 200 && status !== 204 && status !== 304) {
      if (headers['content-length'] !== undefined) {
        // An answer to HEAD announces a length and carries nothing (unless the server could not
        // read the request, and so did not know it was a HEAD).
        const rest = raw.slice(at);
        const length = head && (rest === '' || rest.startsWith('HTTP/1.')) ? 0 : Number(headers['content-length']);
        body = raw.slice(at, at + length);
        at += length;
      } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
        for (;;) {
          const lineEnd = raw.indexOf('\r\n', at);
          const size = parseInt(raw.slice(at, lineEnd), 16);
          at = lineEnd + 2;
          if (size === 0) {
            at = raw.indexOf('\r\n', at) + 2;
            break;
          }
          body += raw.slice(at, at + size);
          at += size + 2;
        }
      } else {
        body = raw.slice(at);
        at = raw.length;
      }
    }
    if (status >= 200) answers.push({ status, headers, body });
  }
  return answers;
}
