import { getJson, postJson } from '../../infra/http-test';
import { startWechat, type WechatHarness } from '../testing';

const TEMPLATE = 'bDmywsp2oEHjwAadTGKkUJ-eJEiMiOf7H-dZ7wjdw80';
const CITIZEN = 'oJsbCitizen000000000000000001';

describe('POST /cgi-bin/message/subscribe/send', () => {
  let wx: WechatHarness;
  let token: string;
  beforeEach(async () => {
    wx = await startWechat();
    token = await wx.accessToken();
  });
  afterEach(() => wx.close());

  const send = (body: Record<string, unknown>) =>
    postJson(`${wx.url}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      touser: CITIZEN,
      template_id: TEMPLATE,
      page: 'pages/appointments/detail/index?id=A1',
      data: { thing1: { value: '不动产登记' }, time2: { value: '2026年3月9日 09:30' } },
      miniprogram_state: 'formal',
      ...body,
    });

  it('accepts a message for a subscribed citizen and records it with the mock time', async () => {
    const res = await send({});
    expect(res.body).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });

    const recorded = await getJson(`${wx.url}/__mock/messages?touser=${CITIZEN}`);
    expect(recorded.body.messages).toEqual([
      {
        msgid: res.body.msgid,
        touser: CITIZEN,
        template_id: TEMPLATE,
        page: 'pages/appointments/detail/index?id=A1',
        data: { thing1: { value: '不动产登记' }, time2: { value: '2026年3月9日 09:30' } },
        miniprogram_state: 'formal',
        sentAt: wx.clock.now().toISOString(),
      },
    ]);
    expect((await getJson(`${wx.url}/__mock/messages?touser=oSomeoneElse0001`)).body.messages).toEqual([]);
  });

  it('answers 43101 once the citizen refused that template, and records nothing', async () => {
    const set = await postJson(`${wx.url}/__mock/subscriptions`, { openid: CITIZEN, templateId: TEMPLATE, accept: false });
    expect(set.status).toBe(200);

    expect((await send({})).body).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect((await send({ template_id: 'anotherTemplate' })).body.errcode).toBe(0);
    const recorded = await getJson(`${wx.url}/__mock/messages`);
    expect(recorded.body.messages.map((m: { template_id: string }) => m.template_id)).toEqual(['anotherTemplate']);
  });

  it('answers 43101 when the one-time grants are used up', async () => {
    await postJson(`${wx.url}/__mock/subscriptions`, { openid: CITIZEN, templateId: TEMPLATE, accept: true, remaining: 1 });
    expect((await send({})).body.errcode).toBe(0);
    expect((await send({})).body.errcode).toBe(43101);
  });

  it('answers 40003 for an empty or malformed openid', async () => {
    expect((await send({ touser: '' })).body).toEqual({ errcode: 40003, errmsg: 'invalid openid' });
    expect((await send({ touser: 'not an openid!' })).body.errcode).toBe(40003);
  });

  it('answers 47003 when a data entry has no value or is too long for its type', async () => {
    expect((await send({ data: { thing1: { text: 'x' } } })).body).toEqual({ errcode: 47003, errmsg: 'argument invalid!' });
    expect((await send({ data: { thing1: '不动产登记' } })).body.errcode).toBe(47003);
    expect((await send({ data: { thing1: { value: '一'.repeat(21) } } })).body.errcode).toBe(47003);
    expect((await send({ data: { thing1: { value: '一'.repeat(20) } } })).body.errcode).toBe(0);
  });

  it('answers 40001 with a token it never issued', async () => {
    const res = await postJson(`${wx.url}/cgi-bin/message/subscribe/send?access_token=bogus`, { touser: CITIZEN });
    expect(res.body.errcode).toBe(40001);
  });
});
