import { getJson } from '../../infra/http-test';
import { startWechat, TEST_APPID, TEST_SECRET, type WechatHarness } from '../testing';

describe('GET /sns/jscode2session', () => {
  let wx: WechatHarness;
  beforeEach(async () => {
    wx = await startWechat({ rateLimitPerMinute: 3 });
  });
  afterEach(() => wx.close());

  it('answers openid, a fresh 24-character session_key and a stable unionid, with no errcode', async () => {
    const first = await wx.session(await wx.loginCode('oCitizenZhang0001'));
    const second = await wx.session(await wx.loginCode('oCitizenZhang0001'));

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ openid: 'oCitizenZhang0001', session_key: expect.any(String), unionid: expect.any(String) });
    expect(first.body.errcode).toBeUndefined();
    expect(Buffer.from(first.body.session_key, 'base64')).toHaveLength(16);
    expect(first.body.session_key).toHaveLength(24);
    expect(second.body.session_key).not.toBe(first.body.session_key);
    expect(second.body.unionid).toBe(first.body.unionid);
  });

  it('gives different citizens different unionids', async () => {
    const a = await wx.session(await wx.loginCode('oCitizenA00001'));
    const b = await wx.session(await wx.loginCode('oCitizenB00001'));
    expect(a.body.unionid).not.toBe(b.body.unionid);
  });

  it('answers 40029 invalid code for a code WeChat never issued', async () => {
    const res = await wx.session('0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('answers 40163 code been used when the same code comes back', async () => {
    const code = await wx.loginCode('oCitizenLi000001');
    await wx.session(code);
    const again = await wx.session(code);
    expect(again.body).toEqual({ errcode: 40163, errmsg: 'code been used' });
  });

  it('accepts a code just under five minutes old and refuses it at five minutes', async () => {
    const young = await wx.loginCode('oCitizenWang0001');
    const old = await wx.loginCode('oCitizenWang0001');
    wx.clock.advance(5 * 60_000 - 1000);
    expect((await wx.session(young)).body.openid).toBe('oCitizenWang0001');
    wx.clock.advance(1000);
    expect((await wx.session(old)).body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('answers 45011 past the per-minute quota and lets calls through again the next minute', async () => {
    for (let i = 0; i < 3; i++) await wx.session('unknown-code');
    const limited = await wx.session(await wx.loginCode('oCitizenZhao0001'));
    expect(limited.body).toEqual({ errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' });

    wx.clock.advance(60_000);
    const code = await wx.loginCode('oCitizenZhao0001');
    expect((await wx.session(code)).body.openid).toBe('oCitizenZhao0001');
  });

  it('answers 40013 for another appid and 40125 for a wrong secret', async () => {
    const code = await wx.loginCode('oCitizenSun00001');
    const base = { js_code: code, grant_type: 'authorization_code' };
    const wrongAppid = new URLSearchParams({ ...base, appid: 'wx0000000000000bad', secret: TEST_SECRET });
    const wrongSecret = new URLSearchParams({ ...base, appid: TEST_APPID, secret: 'not-the-secret' });

    expect((await getJson(`${wx.url}/sns/jscode2session?${wrongAppid}`)).body).toEqual({ errcode: 40013, errmsg: 'invalid appid' });
    expect((await getJson(`${wx.url}/sns/jscode2session?${wrongSecret}`)).body).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' });
    // The refused calls did not consume the code.
    expect((await wx.session(code)).body.openid).toBe('oCitizenSun00001');
  });

  it('mints a code for a new citizen when the admin call names no openid', async () => {
    const res = await fetch(`${wx.url}/__mock/login-code`, { method: 'POST' });
    const { code, openid } = (await res.json()) as { code: string; openid: string };
    expect(openid).toMatch(/^o[A-Za-z0-9]{27}$/);
    expect((await wx.session(code)).body.openid).toBe(openid);
  });
});
