import { createMockClock } from '../infra/clock';
import { getJson, postJson } from '../infra/http-test';
import { startWechat } from './testing';

describe('WeChat mock: faults and admin', () => {
  it('answers the injected status with errcode -1 during an outage, but keeps the admin path up', async () => {
    const wx = await startWechat();
    try {
      const code = await wx.loginCode('oCitizenFault001');
      await postJson(`${wx.url}/__mock/faults`, { outage: true });
      const res = await wx.session(code);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ errcode: -1, errmsg: 'system error' });

      await postJson(`${wx.url}/__mock/faults`, { outage: false, errorEvery: 2 });
      expect((await wx.session(code)).body.openid).toBe('oCitizenFault001');
      expect((await wx.session('anything')).status).toBe(503);
    } finally {
      await wx.close();
    }
  });

  it('forgets codes, tokens and messages on reset', async () => {
    const wx = await startWechat();
    try {
      const code = await wx.loginCode('oCitizenReset001');
      const token = await wx.accessToken();
      await postJson(`${wx.url}/__mock/reset`, {});
      expect((await wx.session(code)).body.errcode).toBe(40029);
      const send = await postJson(`${wx.url}/cgi-bin/message/subscribe/send?access_token=${token}`, {});
      expect(send.body.errcode).toBe(40001);
    } finally {
      await wx.close();
    }
  });

  it('refuses a login-code request with a malformed openid (400)', async () => {
    const wx = await startWechat();
    try {
      const res = await postJson(`${wx.url}/__mock/login-code`, { openid: 'bad openid!' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    } finally {
      await wx.close();
    }
  });

  it('has no /__mock routes when admin is off', async () => {
    const wx = await startWechat({ admin: false, clock: createMockClock() });
    try {
      expect((await postJson(`${wx.url}/__mock/login-code`, { openid: 'oCitizen000001' })).status).toBe(404);
      expect((await getJson(`${wx.url}/__mock/messages`)).status).toBe(404);
      expect((await getJson(`${wx.url}/__mock/clock`)).status).toBe(404);
      expect((await wx.session('whatever')).body.errcode).toBe(40029);
    } finally {
      await wx.close();
    }
  });
});
