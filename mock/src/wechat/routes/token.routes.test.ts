import { postJson } from '../../infra/http-test';
import { startWechat, TEST_APPID, TEST_SECRET, type WechatHarness } from '../testing';

describe('POST /cgi-bin/stable_token', () => {
  let wx: WechatHarness;
  beforeEach(async () => {
    wx = await startWechat();
  });
  afterEach(() => wx.close());

  const ask = (extra: Record<string, unknown> = {}) =>
    postJson(`${wx.url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: TEST_APPID, secret: TEST_SECRET, ...extra });

  it('returns the same token with the seconds it has left until it expires, then a new one', async () => {
    const first = await ask();
    expect(first.body).toEqual({ access_token: expect.any(String), expires_in: 7200 });

    wx.clock.advance(3600_000);
    const reused = await ask();
    expect(reused.body).toEqual({ access_token: first.body.access_token, expires_in: 3600 });

    wx.clock.advance(3600_000);
    const renewed = await ask();
    expect(renewed.body.access_token).not.toBe(first.body.access_token);
    expect(renewed.body.expires_in).toBe(7200);
  });

  it('mints a new token on force_refresh and the old one stops working (40001)', async () => {
    const old = (await ask()).body.access_token as string;
    const fresh = await ask({ force_refresh: true });
    expect(fresh.body.access_token).not.toBe(old);
    expect(fresh.body.expires_in).toBe(7200);

    const withOld = await postJson(`${wx.url}/wxa/business/getuserphonenumber?access_token=${old}`, { code: 'x' });
    expect(withOld.body.errcode).toBe(40001);
  });

  it('answers 40125 for a wrong secret and 40013 for another appid', async () => {
    expect((await ask({ secret: 'wrong' })).body).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' });
    expect((await ask({ appid: 'wx0000000000000bad' })).body).toEqual({ errcode: 40013, errmsg: 'invalid appid' });
  });

  it('answers 40002 for another grant_type and 47001 for a body that is not JSON', async () => {
    expect((await ask({ grant_type: 'password' })).body.errcode).toBe(40002);
    expect((await postJson(`${wx.url}/cgi-bin/stable_token`, '{not json')).body.errcode).toBe(47001);
  });
});
