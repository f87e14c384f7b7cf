import { postJson } from '../../infra/http-test';
import { startWechat, TEST_APPID, type WechatHarness } from '../testing';

describe('POST /wxa/business/getuserphonenumber', () => {
  let wx: WechatHarness;
  let token: string;
  beforeEach(async () => {
    wx = await startWechat();
    token = await wx.accessToken();
  });
  afterEach(() => wx.close());

  const ask = (code: string, accessToken = token) =>
    postJson(`${wx.url}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(accessToken)}`, { code });

  it('answers the phone the citizen chose, watermarked with our appid and the mock time', async () => {
    const res = await ask(await wx.phoneCode('13905370001'));
    expect(res.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13905370001',
        purePhoneNumber: '13905370001',
        countryCode: '86',
        watermark: { timestamp: Math.floor(wx.clock.now().getTime() / 1000), appid: TEST_APPID },
      },
    });
  });

  it('answers 40001 for an access_token it never issued and 41001 without one', async () => {
    const code = await wx.phoneCode('13905370001');
    expect((await ask(code, 'not-a-token')).body).toEqual({
      errcode: 40001,
      errmsg: 'invalid credential, access_token is invalid or not latest',
    });
    const missing = await postJson(`${wx.url}/wxa/business/getuserphonenumber`, { code });
    expect(missing.body.errcode).toBe(41001);
  });

  it('answers 42001 once the token has outlived its two hours', async () => {
    const code = await wx.phoneCode('13905370001');
    wx.clock.advance(7200_000);
    expect((await ask(code)).body).toEqual({ errcode: 42001, errmsg: 'access_token expired' });
  });

  it('answers 40029 for a code used before or never issued', async () => {
    const code = await wx.phoneCode('13905370001');
    expect((await ask(code)).body.errcode).toBe(0);
    expect((await ask(code)).body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect((await ask('never-issued')).body.errcode).toBe(40029);
  });

  it('refuses an admin phone code request without a mainland mobile number (400)', async () => {
    const res = await postJson(`${wx.url}/__mock/phone-code`, { phoneNumber: '12345' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: expect.stringContaining('phoneNumber') });
  });
});
