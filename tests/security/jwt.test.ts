/**
 * Attacks on the access and refresh tokens that tests/integration/auth.test.ts does not already make
 * (it covers: alg none, a tampered sub, wrong audience or issuer, expired, refresh reuse, a forged refresh MAC).
 */
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Me, TokenPair } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, openid, signIn, type ErrBody } from '../support/http';

let s: Stack;
let pair: TokenPair;
let claims: { sub: string; sid: string; iat: number; exp: number; aud: string; iss: string };
beforeAll(async () => {
  s = await startStack({ name: 'sec-jwt' });
  s.clock.freeze();
  pair = await signIn(s, openid());
  claims = JSON.parse(Buffer.from(pair.accessToken.split('.')[1]!, 'base64url').toString());
});
afterAll(() => s?.close());

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
/** An HS256 token made by hand with any key, so header and payload can be anything. */
function hs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: string | Buffer): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}
const me = (token: string) => call<Me & ErrBody>(s.bffUrl, 'GET', '/api/v1/me', { token });
const raw = (authorization: string) => call<ErrBody>(s.bffUrl, 'GET', '/api/v1/me', { headers: { authorization } });
const refresh = (refreshToken: unknown) => call<TokenPair & ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken } });

async function refused(token: string, code = 'TOKEN_INVALID') {
  const r = await me(token);
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 401, code });
  expect(r.text).not.toContain(claims.sub);
}

describe('forged access tokens on GET /api/v1/me', () => {
  it('the genuine token works (the attacks below differ from it in one thing each)', async () => {
    expect((await me(pair.accessToken)).status).toBe(200);
  });

  it('refuses HS256 signed with the empty string as key', async () => {
    await refused(hs256({ alg: 'HS256', typ: 'JWT' }, claims, ''));
  });

  it('refuses a token signed with another key', async () => {
    await refused(hs256({ alg: 'HS256', typ: 'JWT' }, claims, randomBytes(32)));
    await refused(jwt.sign(claims, 'x'.repeat(64), { algorithm: 'HS512' }));
  });

  it('refuses RS256 (algorithm confusion: only HS256 is accepted)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await refused(jwt.sign(claims, privateKey, { algorithm: 'RS256' }));
  });

  it('refuses HS256 whose key is a public key the bff holds (the WeChat Pay platform key), the classic RS/HS confusion', async () => {
    const pem = s.wxpayKeys.platformKeys[0]!.publicKeyPem;
    await refused(hs256({ alg: 'HS256', typ: 'JWT' }, claims, pem));
    await refused(hs256({ alg: 'RS256', typ: 'JWT' }, claims, pem));
  });

  it('refuses every spelling of alg none, with or without a signature', async () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      await refused(`${b64({ alg, typ: 'JWT' })}.${b64(claims)}.`);
      await refused(`${b64({ alg, typ: 'JWT' })}.${b64(claims)}.${pair.accessToken.split('.')[2]}`);
    }
  });

  it('refuses a genuine signature moved onto another header (kid or jku injection)', async () => {
    const [, p, sig] = pair.accessToken.split('.');
    await refused(`${b64({ alg: 'HS256', typ: 'JWT', kid: '../../../../dev/null' })}.${p}.${sig}`);
    await refused(`${b64({ alg: 'HS256', typ: 'JWT', jku: 'http://attacker.example/jwks.json' })}.${p}.${sig}`);
  });

  it('refuses a token without an expiry, or living longer than we ever issue, even signed with our key', async () => {
    const { exp: _exp, ...noExp } = claims;
    await refused(jwt.sign(noExp, s.config.JWT_SECRET, { algorithm: 'HS256' }));
    await refused(jwt.sign({ ...claims, exp: claims.iat + 365 * 24 * 3600 }, s.config.JWT_SECRET, { algorithm: 'HS256' }));
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    const now = Math.floor(s.clock.now().getTime() / 1000);
    await refused(jwt.sign({ ...claims, nbf: now + 600 }, s.config.JWT_SECRET, { algorithm: 'HS256' }));
  });

  it('refuses our own signature over a session that belongs to somebody else, or a session id that is no session', async () => {
    const other = await signIn(s, openid());
    const otherSid = (JSON.parse(Buffer.from(other.accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
    await refused(jwt.sign({ ...claims, sid: otherSid }, s.config.JWT_SECRET, { algorithm: 'HS256' }), 'SESSION_REVOKED');
    await refused(jwt.sign({ ...claims, sid: '000000000000000000000000' }, s.config.JWT_SECRET, { algorithm: 'HS256' }), 'SESSION_REVOKED');
    await refused(jwt.sign({ ...claims, sid: { $ne: null } }, s.config.JWT_SECRET, { algorithm: 'HS256' }));
    await refused(jwt.sign({ ...claims, sub: { $gt: '' } }, s.config.JWT_SECRET, { algorithm: 'HS256' }));
  });

  it('answers 401 (never 500) for malformed Authorization headers', async () => {
    const cases = [
      'Bearer',
      'Bearer ',
      `bearer ${pair.accessToken}`,
      `Bearer  ${pair.accessToken}`,
      `Bearer ${pair.accessToken} ${pair.accessToken}`,
      `Basic ${b64('user:pass')}`,
      'Bearer a.b.c',
      'Bearer ...',
      `Bearer ${'A'.repeat(8000)}.${'B'.repeat(4000)}.C`,
      `Bearer ${pair.refreshToken}`,
    ];
    for (const h of cases) {
      const r = await raw(h);
      expect({ h: h.slice(0, 40), status: r.status, code: r.body?.error?.code }).toEqual({
        h: h.slice(0, 40),
        status: 401,
        code: expect.stringMatching(/^(TOKEN_INVALID|UNAUTHENTICATED)$/),
      });
    }
  });
});

describe('POST /api/v1/auth/refresh with the wrong kind of token', () => {
  it('refuses a JWT (the access token) in the refresh field, and it revokes nothing', async () => {
    const r = await refresh(pair.accessToken);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('REFRESH_INVALID');
    expect((await me(pair.accessToken)).status).toBe(200);
  });

  it('refuses a refresh token of a future generation or another session, and objects instead of strings', async () => {
    const [sid, gen, mac] = pair.refreshToken.split('.');
    expect((await refresh(`${sid}.${Number(gen) + 1}.${mac}`)).body.error.code).toBe('REFRESH_INVALID');
    expect((await refresh(`${'0'.repeat(24)}.${gen}.${mac}`)).body.error.code).toBe('REFRESH_INVALID');
    for (const body of [{ $ne: null }, [pair.refreshToken], 42, null]) {
      const r = await refresh(body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    // none of that touched the genuine family
    expect((await refresh(pair.refreshToken)).status).toBe(200);
  });

  it('two refreshes racing with the same token never both get a pair: one wins, the replay revokes the family', async () => {
    const p = await signIn(s, openid());
    const [a, b] = await Promise.all([refresh(p.refreshToken), refresh(p.refreshToken)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 401]);
    const loser = a.status === 401 ? a : b;
    expect(loser.body.error.code).toBe('REFRESH_REUSED');
  });
});
