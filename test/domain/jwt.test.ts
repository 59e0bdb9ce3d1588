/** src/domain/jwt.ts: HS256 JWTs signed and verified. */
import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from '../../src/domain/jwt.js';

// The example token of jwt.io (HS256, key "your-256-bit-secret").
const CLAIMS = { sub: '1234567890', name: 'John Doe', iat: 1516239022 };
const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const KEY = 'your-256-bit-secret';

describe('signJwt', () => {
  it('signs as every HS256 implementation does', () => {
    expect(signJwt(CLAIMS, KEY)).toBe(TOKEN);
  });
});

describe('verifyJwt', () => {
  const [head, body] = TOKEN.split('.') as [string, string, string];
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${body}.`;
  const cases: [string, string, string, unknown][] = [
    ['its own token', TOKEN, KEY, CLAIMS],
    ['another key', TOKEN, 'another', undefined],
    ['a changed payload', `${head}.${Buffer.from('{"sub":"0"}').toString('base64url')}.${TOKEN.split('.')[2]}`, KEY, undefined],
    ['alg none', none, KEY, undefined],
    ['two parts', `${head}.${body}`, KEY, undefined],
    ['not base64 JSON', 'a.b.c', KEY, undefined],
  ];
  it.each(cases)('%s', (_, token, key, expected) => {
    expect(verifyJwt(token, key)).toEqual(expected);
  });
});
