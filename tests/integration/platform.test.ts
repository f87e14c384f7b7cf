import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { call, openid, signIn, type ErrBody } from '../support/http';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'platform' });
});
afterAll(() => s.close());

describe('bad requests get a Chinese error body with a hint and change nothing', () => {
  it('answers 400 for a body that is not JSON', async () => {
    const res = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/wechat-login', { raw: '{"code": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/JSON/) });
    expect(res.body.error.hint).toBeTruthy();
  });

  it('answers 415 for a wrong content type', async () => {
    const res = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/wechat-login', {
      raw: 'code=abc',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 for an oversized body', async () => {
    const res = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/wechat-login', { body: { code: 'x'.repeat(200_000) } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers 404 NOT_FOUND for an unknown API path and 405 for a wrong method', async () => {
    const nf = await call<ErrBody>(s.bffUrl, 'GET', '/api/v1/nothing-here');
    expect(nf.status).toBe(404);
    expect(nf.body.error.code).toBe('NOT_FOUND');
    const na = await call<ErrBody>(s.bffUrl, 'DELETE', '/api/v1/me');
    expect(na.status).toBe(405);
    expect(na.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('echoes a request id in the header and the error body', async () => {
    const res = await call<ErrBody>(s.bffUrl, 'GET', '/api/v1/me', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers.get('x-request-id')).toBe('trace-12345678');
    expect(res.body.error.requestId).toBe('trace-12345678');
  });
});

describe('platform endpoints', () => {
  it('sends security headers and no-store on the API', async () => {
    const res = await call(s.bffUrl, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const api = await call(s.bffUrl, 'GET', '/api/v1/me');
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves an OpenAPI 3.1 document with an operationId on every operation', async () => {
    const res = await call<{ openapi: string; paths: Record<string, Record<string, { operationId?: string }>> }>(s.bffUrl, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const ops = Object.values(res.body.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.every(Boolean)).toBe(true);
    for (const id of ['wechatLogin', 'refreshSession', 'logout', 'getMe', 'bindRealName', 'bindPhone']) expect(ops).toContain(id);
  });

  it('/readyz reports ready, and 503 naming the core while the core is down', async () => {
    const ok = await call<{ status: string; checks: Record<string, string> }>(s.bffUrl, 'GET', '/readyz');
    expect(ok.status).toBe(200);
    expect(ok.body.checks).toEqual({ mongodb: 'ok', core: 'ok' });
    await call(s.coreUrl, 'POST', '/__mock/faults', { body: { outage: true } });
    try {
      const down = await call<ErrBody>(s.bffUrl, 'GET', '/readyz');
      expect(down.status).toBe(503);
      expect(down.body.error.details).toEqual({ checks: { mongodb: 'ok', core: 'unavailable' } });
    } finally {
      await call(s.coreUrl, 'DELETE', '/__mock/faults');
    }
  });
});

describe('logs', () => {
  it('hold no full ID number, phone number, token or session key after a sign-in and bindings', async () => {
    const person = SEED_PERSONS[0]!;
    const oid = openid();
    const t = await signIn(s, oid);
    await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: { name: person.name, idNumber: person.idNumber } });
    const code = (await call<{ code: string }>(s.wechatUrl, 'POST', '/__mock/phone-code', { body: { phoneNumber: '13905375555' } })).body.code;
    await call(s.bffUrl, 'POST', '/api/v1/me/phone', { token: t.accessToken, body: { code } });
    // a failing call whose input carries the number, too
    await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: { name: '某某某', idNumber: person.idNumber } });
    await call(s.bffUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: t.refreshToken } });
    const session = await s.db.collection('sessions').findOne({ openid: oid });
    const all = s.logs.join('\n');
    expect(s.logs.length).toBeGreaterThan(5);
    for (const secret of [person.idNumber, '13905375555', t.accessToken, t.refreshToken, String(session!.sessionKey)]) {
      expect(all).not.toContain(secret);
    }
  });
});
