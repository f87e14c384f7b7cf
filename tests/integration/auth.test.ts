import jwt from 'jsonwebtoken';
import { Types } from 'mongoose';
import { createLogger, prepareDatabase } from '@jsb/bff';
import type { Me, TokenPair } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, loginCode, openid, signIn, type ErrBody } from '../support/http';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'auth' });
});
afterAll(() => s.close());

const login = (code: string) => call<TokenPair & ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/wechat-login', { body: { code } });
const me = (token: string) => call<Me & ErrBody>(s.bffUrl, 'GET', '/api/v1/me', { token });
const refresh = (refreshToken: string) => call<TokenPair & ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken } });

describe('POST /api/v1/auth/wechat-login', () => {
  it('signs a new citizen in and keeps the session in MongoDB, never handing out session_key', async () => {
    const oid = openid();
    const res = await login(await loginCode(s, oid));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, isNewCitizen: true });
    expect(typeof res.body.accessToken).toBe('string');
    expect(typeof res.body.refreshToken).toBe('string');

    const sessions = s.db.collection('sessions');
    const doc = await sessions.findOne({ openid: oid });
    expect(doc).not.toBeNull();
    expect(doc!.expiresAt.getTime()).toBeGreaterThan(s.clock.now().getTime() + 29 * 24 * 3600 * 1000);
    // session_key is stored, and appears in neither the login answer nor the profile
    expect(typeof doc!.sessionKey).toBe('string');
    const profile = await me(res.body.accessToken);
    expect(res.text).not.toContain(doc!.sessionKey);
    expect(profile.text).not.toContain(doc!.sessionKey);
    expect(profile.text).not.toContain('sessionKey');
  });

  it('declares the session expiry index: a TTL index, or on servers without TTL the swept fallback', async () => {
    const indexes = await s.db.collection('sessions').indexes();
    const expiry = indexes.find((i) => Object.keys(i.key)[0] === 'expiresAt');
    expect(expiry).toBeDefined();
    if (s.ttlFallback) {
      expect(process.env.JSB_MONGO_KIND).toBe('ferretdb');
      expect(expiry!.expireAfterSeconds).toBeUndefined();
    } else {
      expect(expiry!.expireAfterSeconds).toBe(0);
    }
  });

  it('recognises a returning citizen by openid', async () => {
    const oid = openid();
    const first = await signIn(s, oid);
    const second = await signIn(s, oid);
    expect(second.isNewCitizen).toBe(false);
    const a = await me(first.accessToken);
    const b = await me(second.accessToken);
    expect(a.body.userId).toBe(b.body.userId);
  });

  it('makes one citizen of one WeChat user signing in on two phones at the same moment', async () => {
    const oid = openid();
    const codes = await Promise.all(Array.from({ length: 6 }, () => loginCode(s, oid)));
    const pairs = await Promise.all(codes.map((c) => login(c)));
    expect(pairs.map((p) => p.status)).toEqual(Array(6).fill(200));
    const ids = new Set(await Promise.all(pairs.map(async (p) => (await me(p.body.accessToken)).body.userId)));
    expect(ids.size).toBe(1);
    expect(pairs.filter((p) => p.body.isNewCitizen).length).toBe(1);
    expect(await s.db.collection('citizens').countDocuments({ openid: oid })).toBe(1);
  });

  it('keeps a citizen stored in the earlier shape (ObjectId key, unique openid index): same userId and real name after the bff starts; retired collections go', async () => {
    const citizens = s.db.collection('citizens');
    const oid = openid();
    const userId = `U${oid.slice(-18)}`;
    const realName = { nameMasked: '张*', idNumberMasked: '370802********0018', idNumberHash: 'h'.repeat(64), personId: 'P-legacy-1', verifiedAt: new Date() };
    await citizens.createIndex({ openid: 1 }, { unique: true, name: 'openid_1' });
    await citizens.insertOne({ _id: new Types.ObjectId(), userId, openid: oid, realName, phone: null, createdAt: new Date(), updatedAt: new Date() });
    // the case lookup's own counter from before the one limiter (issue 13)
    await s.db.collection('lookup_attempts').insertOne({ caseNo: 'JN2026', at: new Date() });
    // what every instance does before it serves; twice, as two instances starting together would
    await Promise.all([
      prepareDatabase(s.db, createLogger({ level: 'silent' }), s.clock.now()),
      prepareDatabase(s.db, createLogger({ level: 'silent' }), s.clock.now()),
    ]);
    const back = await login(await loginCode(s, oid));
    expect(back.body.isNewCitizen).toBe(false);
    expect((await me(back.body.accessToken)).body).toMatchObject({ userId, realName: { verified: true, nameMasked: '张*' } });
    expect(await citizens.countDocuments({ openid: oid })).toBe(1);
    expect((await s.db.listCollections()).map((c) => c.name)).not.toContain('lookup_attempts');
  });

  it('answers WECHAT_CODE_USED with a hint when a code is used twice', async () => {
    const code = await loginCode(s, openid());
    expect((await login(code)).status).toBe(200);
    const again = await login(code);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('WECHAT_CODE_USED');
    expect(again.body.error.hint).toMatch(/重新/);
  });

  it('answers WECHAT_CODE_INVALID for a code WeChat never issued, and stores nothing', async () => {
    const before = await s.db.collection('sessions').countDocuments();
    const res = await login('not-a-real-code-0000');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'WECHAT_CODE_INVALID' });
    expect(res.body.error.requestId).toBeTruthy();
    expect(await s.db.collection('sessions').countDocuments()).toBe(before);
  });

  it('answers WECHAT_CODE_INVALID for an expired code (5 minutes on the WeChat clock)', async () => {
    const code = await loginCode(s, openid());
    s.clock.advance(6 * 60 * 1000);
    const res = await login(code);
    expect(res.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('refuses malformed bodies with VALIDATION_FAILED in Chinese', async () => {
    const cases = [{}, { code: '' }, { code: 'x', extra: 1 }, { code: 42 }];
    for (const body of cases) {
      const res = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/wechat-login', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('GET /api/v1/me with bad tokens', () => {
  let pair: TokenPair;
  beforeAll(async () => {
    pair = await signIn(s, openid());
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const res = await call<ErrBody>(s.bffUrl, 'GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered token', async () => {
    const [h, p, sig] = pair.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.sub = 'Usomebodyelse';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
    const res = await me(forged);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  it('refuses alg:none', async () => {
    const payload = JSON.parse(Buffer.from(pair.accessToken.split('.')[1]!, 'base64url').toString());
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    const res = await me(none);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  it('refuses a token for another audience or issuer, even when signed with our key', async () => {
    const payload = JSON.parse(Buffer.from(pair.accessToken.split('.')[1]!, 'base64url').toString());
    for (const [aud, iss] of [
      ['some-other-app', s.config.JWT_ISSUER],
      [s.config.JWT_AUDIENCE, 'someone-else'],
    ]) {
      const token = jwt.sign({ sub: payload.sub, sid: payload.sid, aud, iss }, s.config.JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 });
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('TOKEN_INVALID');
    }
  });

  it('refuses an expired token with TOKEN_EXPIRED, and the refresh token still works', async () => {
    const p = await signIn(s, openid());
    s.clock.advance(16 * 60 * 1000);
    const res = await me(p.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
    const renewed = await refresh(p.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await me(renewed.body.accessToken)).status).toBe(200);
  });
});

describe('POST /api/v1/auth/refresh', () => {
  it('rotates: the new pair works and the old refresh token is spent', async () => {
    const p0 = await signIn(s, openid());
    const r1 = await refresh(p0.refreshToken);
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(p0.refreshToken);
    expect((await me(r1.body.accessToken)).status).toBe(200);
    const r2 = await refresh(r1.body.refreshToken);
    expect(r2.status).toBe(200);
  });

  it('revokes the whole family when an old refresh token is reused', async () => {
    const p0 = await signIn(s, openid());
    const r1 = await refresh(p0.refreshToken);
    expect(r1.status).toBe(200);
    const replay = await refresh(p0.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('REFRESH_REUSED');
    // the legitimate newer tokens die with the family
    const newer = await refresh(r1.body.refreshToken);
    expect(newer.status).toBe(401);
    expect(newer.body.error.code).toBe('REFRESH_REUSED');
    const access = await me(r1.body.accessToken);
    expect(access.status).toBe(401);
    expect(access.body.error.code).toBe('SESSION_REVOKED');
  });

  it('refuses a forged refresh token for a real session', async () => {
    const p0 = await signIn(s, openid());
    const [sid, gen] = p0.refreshToken.split('.');
    const res = await refresh(`${sid}.${gen}.${'A'.repeat(43)}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('REFRESH_INVALID');
    // and the forgery did not revoke anything
    expect((await refresh(p0.refreshToken)).status).toBe(200);
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('revokes the session: access and refresh tokens stop working', async () => {
    const p = await signIn(s, openid());
    const out = await call(s.bffUrl, 'POST', '/api/v1/auth/logout', { token: p.accessToken });
    expect(out.status).toBe(204);
    const res = await me(p.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_REVOKED');
    const r = await refresh(p.refreshToken);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('SESSION_REVOKED');
  });

  it("leaves the citizen's other sessions signed in", async () => {
    const oid = openid();
    const phone = await signIn(s, oid);
    const tablet = await signIn(s, oid);
    await call(s.bffUrl, 'POST', '/api/v1/auth/logout', { token: phone.accessToken });
    expect((await me(tablet.accessToken)).status).toBe(200);
  });
});
