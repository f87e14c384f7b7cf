import type { TokenPair } from '@jsb/shared';
import { createApiClient, REFRESH_PATH, type HttpRequest, type HttpResponse, type Transport } from './client';
import { ApiError } from './errors';
import { createSessionStore, type KeyValueStorage } from './session';

function memoryStorage(): KeyValueStorage {
  const m = new Map<string, unknown>();
  return { get: (k) => m.get(k), set: (k, v) => void m.set(k, v), remove: (k) => void m.delete(k) };
}

function pair(n: number): TokenPair {
  return { tokenType: 'Bearer', accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, refreshExpiresIn: 2592000, isNewCitizen: false };
}

const json = (statusCode: number, data: unknown, header: Record<string, string> = {}): HttpResponse => ({ statusCode, data, header });
const errorBody = (code: string, message = 'msg', hint = 'hint') => ({ error: { code, message, hint, requestId: 'req-1' } });

/** A fake bff: `routes` answers by path; every request is recorded. */
function setup(routes: (req: HttpRequest) => HttpResponse | Promise<HttpResponse>) {
  const calls: HttpRequest[] = [];
  const transport: Transport = async (req) => {
    calls.push(req);
    return routes(req);
  };
  const session = createSessionStore(memoryStorage(), () => 0);
  const client = createApiClient({ baseUrl: 'https://bff.test', transport, session, timeoutMs: 1000 });
  return { calls, session, client };
}

const bearer = (req: HttpRequest) => req.header.Authorization;

describe('api client', () => {
  it('sends JSON with the Bearer token and the Idempotency-Key, and returns the body', async () => {
    const { calls, session, client } = setup(() => json(200, { ok: true }));
    session.save(pair(1));
    await expect(client.request('/api/v1/me/phone', { method: 'POST', body: { code: 'c' }, idempotencyKey: 'k-1' })).resolves.toEqual({ ok: true });
    expect(calls[0]).toMatchObject({
      url: 'https://bff.test/api/v1/me/phone',
      method: 'POST',
      data: { code: 'c' },
      header: { Authorization: 'Bearer access-1', 'Idempotency-Key': 'k-1', 'Content-Type': 'application/json' },
    });
  });

  it('resolves undefined for 204 No Content', async () => {
    const { client } = setup(() => json(204, null));
    await expect(client.request('/api/v1/auth/logout', { method: 'POST', body: {} })).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with code, message, hint, requestId and status', async () => {
    const { client } = setup(() => json(422, errorBody('ID_NUMBER_INVALID', '身份证号码校验未通过。', '请核对18位身份证号码')));
    const err = await client.request('/api/v1/me/real-name', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'ID_NUMBER_INVALID', message: '身份证号码校验未通过。', hint: '请核对18位身份证号码', requestId: 'req-1', status: 422 });
  });

  it('explains a body-less 502 from a proxy in Chinese, with the request id from the header', async () => {
    const { client } = setup(() => json(502, '<html>Bad Gateway</html>', { 'X-Request-Id': 'r-9' }));
    await expect(client.request('/api/v1/me')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 502,
      requestId: 'r-9',
      hint: expect.stringContaining('12345'),
    });
  });

  it('answers NETWORK "网络连接失败" when no response arrives', async () => {
    const { client } = setup(() => Promise.reject(new Error('request:fail timeout')));
    await expect(client.request('/api/v1/me')).rejects.toMatchObject({ code: 'NETWORK', message: '网络连接失败', hint: '请检查网络后重试', status: 0 });
  });

  it('refreshes once on 401 and retries the original request with the new token', async () => {
    const { calls, session, client } = setup((req) => {
      if (req.url.endsWith(REFRESH_PATH)) return json(200, pair(2));
      return bearer(req) === 'Bearer access-2' ? json(200, { userId: 'u1' }) : json(401, errorBody('TOKEN_EXPIRED'));
    });
    session.save(pair(1));
    await expect(client.request('/api/v1/me')).resolves.toEqual({ userId: 'u1' });
    expect(calls.map((c) => c.url.replace('https://bff.test', ''))).toEqual(['/api/v1/me', REFRESH_PATH, '/api/v1/me']);
    expect(calls[1]?.data).toEqual({ refreshToken: 'refresh-1' });
    expect(calls[1]?.header.Authorization).toBeUndefined();
    expect(session.get()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('shares one refresh between concurrent 401s', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { calls, session, client } = setup(async (req) => {
      if (req.url.endsWith(REFRESH_PATH)) {
        await gate;
        return json(200, pair(2));
      }
      return bearer(req) === 'Bearer access-2' ? json(200, { path: req.url }) : json(401, errorBody('TOKEN_EXPIRED'));
    });
    session.save(pair(1));
    const all = Promise.all([client.request('/a'), client.request('/b'), client.request('/c')]);
    await new Promise((r) => setTimeout(r, 0));
    release();
    await expect(all).resolves.toHaveLength(3);
    expect(calls.filter((c) => c.url.endsWith(REFRESH_PATH))).toHaveLength(1);
  });

  it('retries only once: a second 401 after a refresh is the answer', async () => {
    const { calls, session, client } = setup((req) =>
      req.url.endsWith(REFRESH_PATH) ? json(200, pair(2)) : json(401, errorBody('SESSION_REVOKED', '您已在此设备上退出登录。', '请重新登录后再操作。')),
    );
    session.save(pair(1));
    await expect(client.request('/api/v1/me')).rejects.toMatchObject({ code: 'SESSION_REVOKED', status: 401 });
    expect(calls).toHaveLength(3);
  });

  it('clears the tokens and reports the refusal when the refresh is refused', async () => {
    const { session, client } = setup((req) =>
      req.url.endsWith(REFRESH_PATH) ? json(401, errorBody('REFRESH_REUSED', '检测到登录凭证被重复使用', '请重新登录')) : json(401, errorBody('TOKEN_EXPIRED')),
    );
    const seen: unknown[] = [];
    session.save(pair(1));
    session.subscribe((s) => seen.push(s));
    await expect(client.request('/api/v1/me')).rejects.toMatchObject({ code: 'REFRESH_REUSED' });
    expect(session.get()).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('keeps the tokens when the refresh fails for lack of network', async () => {
    const { session, client } = setup((req) => (req.url.endsWith(REFRESH_PATH) ? Promise.reject(new Error('offline')) : json(401, errorBody('TOKEN_EXPIRED'))));
    session.save(pair(1));
    await expect(client.request('/api/v1/me')).rejects.toMatchObject({ code: 'NETWORK' });
    expect(session.get()?.refreshToken).toBe('refresh-1');
  });

  it('does not refresh for requests sent without a token (sign-in itself)', async () => {
    const { calls, client } = setup(() => json(401, errorBody('WECHAT_CODE_INVALID')));
    await expect(client.request('/api/v1/auth/wechat-login', { method: 'POST', body: { code: 'x' }, auth: false })).rejects.toMatchObject({
      code: 'WECHAT_CODE_INVALID',
    });
    expect(calls).toHaveLength(1);
  });
});
