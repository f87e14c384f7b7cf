import type { MessageList, Payment, Subscriptions } from '@jsb/shared';
import { SUBSCRIPTION_TEMPLATES } from '@jsb/shared';
import { call, type ErrBody } from '../support/http';
import { renew } from '../support/citizens';
import { citizenWithPerson, closedCase, openCase, staff, type Citizen } from '../support/cases';
import { sendPushes, syncEvents } from '../support/events';
import { seed, SEED_START } from '../support/seed';
import { startStack, type Stack } from '../support/stack';
import { subscribe } from '../support/subscriptions';

// a loaded 2-core CI machine: several of these stories take more than jest's default 5 s there
jest.setTimeout(30_000);

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'subscriptions', start: SEED_START });
  s.clock.freeze();
  s.clock.set(SEED_START);
});
afterAll(() => s.close());

interface Recorded {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}
const sentTo = async (openid: string) => (await call<{ messages: Recorded[] }>(s.wechatUrl, 'GET', `/__mock/messages?touser=${openid}`)).body.messages;
const tpl = () => ({
  caseStatus: s.config.WECHAT_TPL_CASE_STATUS,
  caseCorrection: s.config.WECHAT_TPL_CASE_CORRECTION,
  complaintReply: s.config.WECHAT_TPL_COMPLAINT_REPLY,
  ratingLoop: s.config.WECHAT_TPL_RATING_LOOP,
  refund: s.config.WECHAT_TPL_REFUND,
  bookingReminder: s.config.WECHAT_TPL_BOOKING_REMINDER,
});
const messages = async (c: { accessToken: string }) => (await call<MessageList>(s.bffUrl, 'GET', '/api/v1/messages', { token: c.accessToken })).body.messages;

describe('GET and POST /api/v1/messages/subscriptions', () => {
  it('tells the mini-program which template ids to ask for when, and counts each 允许 once', async () => {
    const c = await citizenWithPerson(s);
    const r = await call<Subscriptions>(s.bffUrl, 'GET', '/api/v1/messages/subscriptions', { token: c.accessToken });
    expect(r.body.templates.map((t) => [t.key, t.templateId, t.remaining])).toEqual(
      Object.entries(tpl())
        .sort(([a], [b]) => Object.keys(SUBSCRIPTION_TEMPLATES).indexOf(a) - Object.keys(SUBSCRIPTION_TEMPLATES).indexOf(b))
        .map(([k, id]) => [k, id, 0]),
    );
    expect(r.body.moments).toMatchObject({
      booking: ['bookingReminder'],
      case: ['caseStatus', 'caseCorrection'],
      complaint: ['complaintReply'],
      rating: ['ratingLoop'],
      refund: ['refund'],
    });
    expect(r.body.templates.find((t) => t.key === 'caseStatus')!.fields).toEqual([
      { keyword: 'character_string1', label: '办件编号' },
      { keyword: 'thing2', label: '办理事项' },
      { keyword: 'phrase3', label: '办理状态' },
      { keyword: 'time4', label: '更新时间' },
      { keyword: 'thing5', label: '温馨提示' },
    ]);

    const report = (answers: Record<string, string>, key?: string) =>
      call<Subscriptions & ErrBody>(s.bffUrl, 'POST', '/api/v1/messages/subscriptions', {
        token: c.accessToken,
        body: { answers },
        headers: key ? { 'idempotency-key': key } : {},
      });
    const left = (x: Subscriptions, key: string) => x.templates.find((t) => t.key === key)!.remaining;
    const first = await report({ [tpl().caseStatus]: 'accept', [tpl().caseCorrection]: 'reject' }, 'sheet-answer-0001');
    expect([left(first.body, 'caseStatus'), left(first.body, 'caseCorrection')]).toEqual([1, 0]);
    // the same answer sent again by a flaky network counts once; a new sheet counts again
    expect(left((await report({ [tpl().caseStatus]: 'accept', [tpl().caseCorrection]: 'reject' }, 'sheet-answer-0001')).body, 'caseStatus')).toBe(1);
    expect(left((await report({ [tpl().caseStatus]: 'accept' })).body, 'caseStatus')).toBe(2);
    const unknown = await report({ someOtherTemplate: 'accept' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', hint: expect.stringContaining('更新小程序') });
    expect((await report({ a1: 'accept', b2: 'accept', c3: 'accept', d4: 'accept' })).status).toBe(400);
  });
});

describe('WeChat subscription messages from the core events', () => {
  it('spends one 允许 per message; with none left the citizen is told only in 消息 and WeChat is not even asked', async () => {
    const c = await citizenWithPerson(s);
    await subscribe(s, c, { [tpl().caseStatus]: 'accept' });
    const { caseNo } = await openCase(s, c.personId);
    await staff(s, `/cases/${caseNo}/decide`, { decision: '准予' });
    await staff(s, `/cases/${caseNo}/issue`);
    await syncEvents(s.bff);
    expect(await sendPushes(s.bff)).toMatchObject({ sent: 1, refused: 2, failed: 0, unknown: 0 });
    const sent = await sentTo(c.openid);
    expect(sent).toEqual([
      {
        msgid: expect.any(Number),
        touser: c.openid,
        template_id: tpl().caseStatus,
        page: `pages/cases/detail/index?caseNo=${caseNo}`,
        data: {
          character_string1: { value: caseNo },
          thing2: { value: '食品经营许可证核发' },
          phrase3: { value: '已受理' },
          time4: { value: '2026年3月3日 10:00' },
          thing5: { value: '承诺3个工作日内办结' },
        },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        sentAt: expect.any(String),
      },
    ]);
    expect((await messages(c)).map((m) => [m.title, m.wechat])).toEqual([
      ['办结，结果已出具', 'not-subscribed'],
      ['审批决定：准予许可', 'not-subscribed'],
      ['办件已受理', 'sent'],
    ]);
    // a second round sends nothing more: each message is sent at most once
    expect(await sendPushes(s.bff)).toMatchObject({ sent: 0, refused: 0 });
  });

  it('takes 43101 from WeChat as "cannot notify", not an error', async () => {
    const c = await citizenWithPerson(s);
    // the app reported an 允许 WeChat never had (the grant was used up elsewhere): WeChat is the judge
    await call(s.bffUrl, 'POST', '/api/v1/messages/subscriptions', { token: c.accessToken, body: { answers: { [tpl().caseStatus]: 'accept' } } });
    await openCase(s, c.personId);
    await syncEvents(s.bff);
    const logsBefore = s.logs.length;
    expect(await sendPushes(s.bff)).toMatchObject({ refused: 1, failed: 0 });
    expect((await messages(c))[0]!.wechat).toBe('not-subscribed');
    expect(await sentTo(c.openid)).toEqual([]);
    expect(s.logs.slice(logsBefore).filter((l) => /"level":(40|50|60)/.test(l))).toEqual([]);
  });

  it('keeps every template within WeChat’s limits and opens the right page, for every kind of news', async () => {
    const seeded = await seed(s); // a replied complaint, an open and a rated closed case, a paid fee
    const c = { ...seeded.citizen } as Citizen & { openid: string };
    const t = tpl();
    for (let i = 0; i < 3; i++) await subscribe(s, c, { [t.caseCorrection]: 'accept', [t.complaintReply]: 'accept', [t.ratingLoop]: 'accept' });
    for (let i = 0; i < 12; i++) await subscribe(s, c, { [t.caseStatus]: 'accept', [t.refund]: 'accept' });
    // 补正 and its acceptance on the open case; a 差评 called back and corrected; a refund of the fee
    await staff(s, `/cases/${seeded.openCaseNo}/pause`, {
      kind: '补正',
      reason: '缺少平面图',
      materials: [{ name: '经营场所平面图', reason: '申请材料中缺少', copies: 1, form: '复印件' }],
    });
    await staff(s, `/cases/${seeded.openCaseNo}/resume`);
    const bad = await closedCase(s, c.personId);
    await call(s.bffUrl, 'POST', `/api/v1/cases/${bad.caseNo}/rating`, {
      token: c.accessToken,
      body: { level: '不满意', tags: ['服务态度差'], comment: '窗口人员不耐烦' },
    });
    const ratings = (await call<{ ratings: { ratingId: string; level: string }[] }>(s.coreUrl, 'GET', '/__mock/staff/ratings')).body.ratings;
    const ratingId = ratings.filter((r) => r.level === '不满意').at(-1)!.ratingId;
    await call(s.coreUrl, 'POST', `/__mock/staff/ratings/${ratingId}/callback`, { body: { note: '已电话回访，了解到窗口解释不清' } });
    await call(s.coreUrl, 'POST', `/__mock/staff/ratings/${ratingId}/correct`, { body: { feedback: '已对窗口人员进行培训，并在窗口张贴办事指南' } });
    await call(s.coreUrl, 'POST', `/__mock/staff/fees/${seeded.feeId}/refundable`, { body: { reason: '申请人撤回申请' } });
    expect((await call<Payment>(s.bffUrl, 'POST', `/api/v1/payments/${seeded.paymentId}/refund`, { token: c.accessToken })).status).toBe(200);
    s.clock.advance(61_000);
    await renew(s, c);
    await call(s.wxpayUrl, 'POST', '/__mock/notifications/pump');
    await s.bff.outbox.relay();

    await syncEvents(s.bff);
    const r = await sendPushes(s.bff);
    expect(r).toMatchObject({ failed: 0, unknown: 0, refused: 0 });
    const sent = await sentTo(c.openid);
    const byTemplate = (id: string) => sent.filter((m) => m.template_id === id);
    expect(byTemplate(t.complaintReply).map((m) => [m.data.phrase2!.value, m.page])).toEqual([
      ['已答复', `pages/complaints/detail/index?id=${seeded.complaintTrackingNo}`],
    ]);
    expect(byTemplate(t.caseCorrection).map((m) => [m.data.thing3!.value, m.data.date4!.value, m.page])).toEqual([
      ['经营场所平面图等2项', '2026年3月17日', `pages/cases/correction/index?caseNo=${seeded.correctionCaseNo}`],
      ['经营场所平面图', '2026年3月17日', `pages/cases/correction/index?caseNo=${seeded.openCaseNo}`],
    ]);
    expect(byTemplate(t.ratingLoop).map((m) => m.data.phrase2!.value)).toEqual(['已回访', '已整改']);
    expect(byTemplate(t.ratingLoop)[0]!.page).toBe(`pages/cases/rating/index?caseNo=${bad.caseNo}`);
    expect(byTemplate(t.refund).map((m) => [m.data.amount2!.value, m.data.thing3!.value, m.page])).toEqual([
      ['¥80.00', '不动产登记费（住宅）', `pages/payments/result/index?id=${seeded.paymentId}`],
    ]);
    expect(byTemplate(t.caseStatus).map((m) => m.data.phrase3!.value)).toEqual(expect.arrayContaining(['恢复计时', '已受理', '准予许可', '已办结']));
    // 消息 holds every one of them, each linking to what it is about
    const kinds = new Set((await messages(c)).map((m) => m.link.kind));
    expect([...kinds].sort()).toEqual(['case', 'complaint', 'correction', 'payment', 'rating']);
  });
});
