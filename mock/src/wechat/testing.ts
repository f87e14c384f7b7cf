import { createMockClock, type MockClock } from '../infra/clock';
import { getJson, postJson } from '../infra/http-test';
import { listen } from '../infra/server';
import { createWechatMock, type WechatMock, type WechatMockOptions } from './wechat.mock';

export const TEST_APPID = 'wx1234567890abcdef';
export const TEST_SECRET = 'test-wechat-secret';
export const TEST_START = new Date('2026-03-02T01:00:00.000Z');

export interface WechatHarness {
  url: string;
  clock: MockClock;
  mock: WechatMock;
  close(): Promise<void>;
  /** Plays wx.login for `openid` through the admin path. */
  loginCode(openid: string): Promise<string>;
  phoneCode(phoneNumber: string): Promise<string>;
  accessToken(): Promise<string>;
  session(code: string): ReturnType<typeof getJson>;
}

/** A WeChat mock on an ephemeral port with a frozen clock and the admin path on. */
export async function startWechat(overrides: Partial<WechatMockOptions> = {}): Promise<WechatHarness> {
  const clock = overrides.clock ?? createMockClock(TEST_START, { frozen: true });
  const mock = createWechatMock({ appid: TEST_APPID, secret: TEST_SECRET, admin: true, ...overrides, clock });
  const server = await listen(mock.app, 0);
  const url = server.url;
  return {
    url,
    clock,
    mock,
    close: server.close,
    async loginCode(openid) {
      const res = await postJson(`${url}/__mock/login-code`, { openid });
      return res.body.code as string;
    },
    async phoneCode(phoneNumber) {
      const res = await postJson(`${url}/__mock/phone-code`, { phoneNumber });
      return res.body.code as string;
    },
    async accessToken() {
      const res = await postJson(`${url}/cgi-bin/stable_token`, {
        grant_type: 'client_credential',
        appid: TEST_APPID,
        secret: TEST_SECRET,
      });
      return res.body.access_token as string;
    },
    session(code) {
      const q = new URLSearchParams({ appid: TEST_APPID, secret: TEST_SECRET, js_code: code, grant_type: 'authorization_code' });
      return getJson(`${url}/sns/jscode2session?${q}`);
    },
  };
}
