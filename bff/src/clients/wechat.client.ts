import { createHttpClient, UpstreamError, type HttpClient } from './http';

/** WeChat's mini-program server APIs (jscode2session, stable_token, getuserphonenumber, subscribeMessage.send). */
export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

export type WechatFailure = 'code-invalid' | 'code-used' | 'rate-limited' | 'refused' | 'other';

/** WeChat answered with an errcode; `reason` is our own name for it. */
export class WechatApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly reason: WechatFailure,
  ) {
    super(`wechat ${api} errcode ${errcode}`);
    this.name = 'WechatApiError';
  }
}

const REASONS: Record<number, WechatFailure> = {
  40029: 'code-invalid',
  40163: 'code-used',
  45011: 'rate-limited',
  43101: 'refused',
};

interface WxErr {
  errcode?: number;
  errmsg?: string;
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
  getPhoneNumber(code: string): Promise<{ phoneNumber: string; countryCode: string }>;
  sendSubscribeMessage(msg: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }): Promise<'sent' | 'refused'>;
  /** test/dev only: the WeChat mock's helpers */
  devLoginCode(openid: string): Promise<string>;
  devPhoneCode(phoneNumber: string): Promise<string>;
}

export function createWechatClient(o: {
  baseUrl: string;
  appid: string;
  secret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}): WechatClient {
  const http: HttpClient = createHttpClient({ name: 'wechat', baseUrl: o.baseUrl, timeoutMs: o.timeoutMs, fetch: o.fetch });
  const now = o.now ?? Date.now;
  let token: { value: string; expiresAt: number } | null = null;

  function fail(api: string, body: WxErr): never {
    const code = body.errcode ?? -1;
    throw new WechatApiError(api, code, REASONS[code] ?? 'other');
  }

  async function accessToken(force = false): Promise<string> {
    if (!force && token && token.expiresAt - 300_000 > now()) return token.value;
    const res = await http.request<WxErr & { access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', {
      method: 'POST',
      idempotent: true,
      body: { grant_type: 'client_credential', appid: o.appid, secret: o.secret, force_refresh: force },
    });
    if (!res.body?.access_token) fail('stable_token', res.body ?? {});
    token = { value: res.body.access_token, expiresAt: now() + (res.body.expires_in ?? 7200) * 1000 };
    return token.value;
  }

  /** Calls an access-token API; a stale token (40001/42001) is refreshed once. */
  async function withToken<T extends WxErr>(api: string, path: string, body: unknown, idempotent: boolean): Promise<T> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await http.request<T>(path, { method: 'POST', query: { access_token: await accessToken(attempt > 0) }, body, idempotent });
      const code = res.body?.errcode ?? 0;
      if ((code === 40001 || code === 42001) && attempt === 0) continue;
      if (code !== 0) fail(api, res.body);
      return res.body;
    }
    throw new UpstreamError('wechat', 'protocol', `${api}: access token refused twice`);
  }

  async function adminCode(path: string, body: unknown): Promise<string> {
    const res = await http.request<{ code?: string }>(path, { method: 'POST', body });
    if (res.status >= 300 || !res.body?.code) throw new UpstreamError('wechat', 'protocol', `${path} answered ${res.status}`);
    return res.body.code;
  }

  return {
    async code2Session(code) {
      const res = await http.request<WxErr & { openid?: string; session_key?: string; unionid?: string }>('/sns/jscode2session', {
        query: { appid: o.appid, secret: o.secret, js_code: code, grant_type: 'authorization_code' },
        method: 'GET',
        retry: false, // a code works once; a retry would only answer "code been used"
      });
      const b = res.body ?? {};
      if (b.errcode || !b.openid || !b.session_key) fail('jscode2session', b);
      return { openid: b.openid, sessionKey: b.session_key, ...(b.unionid ? { unionid: b.unionid } : {}) };
    },
    async getPhoneNumber(code) {
      const b = await withToken<WxErr & { phone_info?: { purePhoneNumber: string; countryCode: string } }>(
        'getuserphonenumber',
        '/wxa/business/getuserphonenumber',
        { code },
        false,
      );
      if (!b.phone_info) throw new UpstreamError('wechat', 'protocol', 'getuserphonenumber without phone_info');
      return { phoneNumber: b.phone_info.purePhoneNumber, countryCode: b.phone_info.countryCode };
    },
    async sendSubscribeMessage(msg) {
      try {
        await withToken(
          'subscribe.send',
          '/cgi-bin/message/subscribe/send',
          { touser: msg.touser, template_id: msg.templateId, page: msg.page, data: msg.data, miniprogram_state: 'formal', lang: 'zh_CN' },
          false,
        );
        return 'sent';
      } catch (err) {
        if (err instanceof WechatApiError && err.reason === 'refused') return 'refused';
        throw err;
      }
    },
    devLoginCode: (openid) => adminCode('/__mock/login-code', { openid }),
    devPhoneCode: (phoneNumber) => adminCode('/__mock/phone-code', { phoneNumber }),
  };
}
