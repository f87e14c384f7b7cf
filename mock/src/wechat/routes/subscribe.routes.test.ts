import { getJson, postJson } from '../../infra/http-test';
import { startWechat, type WechatHarness } from '../testing';

const TEMPLATE = 'bDmywsp2oEHjwAadTGKkUJ-eJEiMiOf7H-dZ7wjdw80';
const OTHER = 'anotherTemplate';
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
  /** the citizen's answers on the subscription sheet, as wx.requestSubscribeMessage would show it */
  const sheet = (answers: Record<string, string>, openid = CITIZEN) =>
    postJson(`${wx.url}/__mock/request-subscribe-message`, { openid, tmplIds: Object.keys(answers), answers });

  it('accepts a message the citizen allowed on the sheet and records it with the mock time', async () => {
    expect((await sheet({ [TEMPLATE]: 'accept' })).body).toEqual({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' });
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

  it('answers 43101 to a citizen who never allowed the template, and records nothing', async () => {
    expect((await send({})).body).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect((await getJson(`${wx.url}/__mock/messages`)).body.messages).toEqual([]);
  });

  it('spends one grant per message: each 允许 pays for exactly one, a refusal for none', async () => {
    await sheet({ [TEMPLATE]: 'accept', [OTHER]: 'reject' });
    await sheet({ [TEMPLATE]: 'accept' });
    expect((await getJson(`${wx.url}/__mock/subscriptions?openid=${CITIZEN}`)).body.grants).toEqual({ [TEMPLATE]: 2 });
    expect((await send({})).body.errcode).toBe(0);
    expect((await send({})).body.errcode).toBe(0);
    expect((await send({})).body.errcode).toBe(43101);
    expect((await send({ template_id: OTHER })).body.errcode).toBe(43101);
    // another citizen's grant is theirs alone
    await sheet({ [TEMPLATE]: 'accept' }, 'oJsbCitizen000000000000000002');
    expect((await send({})).body.errcode).toBe(43101);
  });

  it('spends no grant on a message WeChat refuses for its content', async () => {
    await sheet({ [TEMPLATE]: 'accept' });
    expect((await send({ data: { thing1: { value: '一'.repeat(21) } } })).body.errcode).toBe(47003);
    expect((await send({})).body.errcode).toBe(0);
  });

  it('answers 40003 for an empty or malformed openid', async () => {
    expect((await send({ touser: '' })).body).toEqual({ errcode: 40003, errmsg: 'invalid openid' });
    expect((await send({ touser: 'not an openid!' })).body.errcode).toBe(40003);
  });

  it("answers 47003 when a value breaks its keyword type's limits", async () => {
    await postJson(`${wx.url}/__mock/subscriptions`, { openid: CITIZEN, templateId: TEMPLATE, accept: true, remaining: 100 });
    const refused = async (data: Record<string, unknown>) => (await send({ data })).body.errcode;
    expect((await send({ data: { thing1: { text: 'x' } } })).body).toEqual({ errcode: 47003, errmsg: 'argument invalid!' });
    expect(await refused({ thing1: '不动产登记' })).toBe(47003);
    expect(await refused({ thing1: { value: '一'.repeat(21) } })).toBe(47003);
    expect(await refused({ thing1: { value: '一'.repeat(20) } })).toBe(0);
    // phrase: at most 5 Chinese characters, nothing else
    expect(await refused({ phrase3: { value: '已受理' } })).toBe(0);
    expect(await refused({ phrase3: { value: '审查中（暂停）' } })).toBe(47003);
    expect(await refused({ phrase3: { value: 'OK' } })).toBe(47003);
    // character_string: 32 digits, letters or symbols, no Chinese
    expect(await refused({ character_string1: { value: 'JN202603020000001' } })).toBe(0);
    expect(await refused({ character_string1: { value: '办件JN2026' } })).toBe(47003);
    expect(await refused({ character_string1: { value: 'A'.repeat(33) } })).toBe(47003);
    // time and date in WeChat's formats
    expect(await refused({ time4: { value: '15:01' } })).toBe(0);
    expect(await refused({ time4: { value: '2026年3月9日 09:30~10:00' } })).toBe(0);
    expect(await refused({ time4: { value: '3月9日（周一） 09:30' } })).toBe(47003);
    expect(await refused({ time4: { value: '2026-03-09 09:30' } })).toBe(47003);
    expect(await refused({ date4: { value: '2026年3月17日' } })).toBe(0);
    expect(await refused({ date4: { value: '2026/3/17' } })).toBe(47003);
    // amount: a currency sign and at most 10 digits
    expect(await refused({ amount2: { value: '¥80.00' } })).toBe(0);
    expect(await refused({ amount2: { value: '八十元' } })).toBe(47003);
  });

  it('answers 40001 with a token it never issued', async () => {
    const res = await postJson(`${wx.url}/cgi-bin/message/subscribe/send?access_token=bogus`, { touser: CITIZEN });
    expect(res.body.errcode).toBe(40001);
  });
});

describe('POST /__mock/request-subscribe-message (the subscription sheet)', () => {
  let wx: WechatHarness;
  beforeEach(async () => {
    wx = await startWechat();
  });
  afterEach(() => wx.close());

  it('answers what wx.requestSubscribeMessage reports, and at most 3 templates at once', async () => {
    const r = await postJson(`${wx.url}/__mock/request-subscribe-message`, { openid: CITIZEN, tmplIds: ['a1', 'b2'], answers: { a1: 'accept', b2: 'reject' } });
    expect(r.body).toEqual({ errMsg: 'requestSubscribeMessage:ok', a1: 'accept', b2: 'reject' });
    const many = await postJson(`${wx.url}/__mock/request-subscribe-message`, {
      openid: CITIZEN,
      tmplIds: ['a1', 'b2', 'c3', 'd4'],
      answers: { a1: 'accept', b2: 'accept', c3: 'accept', d4: 'accept' },
    });
    expect(many.body).toEqual({ errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds', errCode: 20003 });
    expect((await getJson(`${wx.url}/__mock/subscriptions?openid=${CITIZEN}`)).body.grants).toEqual({ a1: 1 });
  });

  it('refuses a sheet without an answer for every template it shows', async () => {
    const r = await postJson(`${wx.url}/__mock/request-subscribe-message`, { openid: CITIZEN, tmplIds: ['a1', 'b2'], answers: { a1: 'accept' } });
    expect(r.status).toBe(400);
    expect((await getJson(`${wx.url}/__mock/subscriptions?openid=${CITIZEN}`)).body.grants).toEqual({});
  });
});
