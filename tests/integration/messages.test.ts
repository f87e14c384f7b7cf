import type { Message, MessageList } from '@jsb/shared';
import { call, type ErrBody } from '../support/http';
import { citizenWithPerson, openCase, staff, type Citizen } from '../support/cases';
import { syncEvents } from '../support/events';
import { startStack, type Stack } from '../support/stack';

// a loaded 2-core CI machine: several of these stories take more than jest's default 5 s there
jest.setTimeout(30_000);

let s: Stack;
beforeAll(async () => {
  // a short grace for feed positions that never arrive, so the hole test does not wait 5 minutes
  s = await startStack({ name: 'messages', start: new Date('2026-03-02T01:00:00Z'), env: { EVENT_HOLE_GRACE_MS: '1000' } });
  s.clock.freeze();
});
afterAll(() => s.close());

const list = (c: Citizen, q = '') => call<MessageList>(s.bffUrl, 'GET', `/api/v1/messages${q}`, { token: c.accessToken });
const feedFaults = (body: unknown) => call(s.coreUrl, 'POST', '/__mock/events/faults', { body });
const clearFaults = () => call(s.coreUrl, 'DELETE', '/__mock/events/faults');
const MATERIALS = [
  { name: '经营场所平面图', reason: '申请材料中缺少', copies: 1, form: '复印件' },
  { name: '健康证明', reason: '从业人员健康证明已过期', copies: 2, form: '原件及复印件' },
];

/** a case through 受理, review, 补正 and back, decision and 办结: six events */
async function caseStory(c: Citizen): Promise<string> {
  const { caseNo } = await openCase(s, c.personId, 'SS05');
  await staff(s, `/cases/${caseNo}/review`, { department: '市市场监督管理局食品经营科', name: '材料审查' });
  await staff(s, `/cases/${caseNo}/pause`, { kind: '补正', reason: '材料不全', materials: MATERIALS });
  await staff(s, `/cases/${caseNo}/resume`);
  await staff(s, `/cases/${caseNo}/decide`, { decision: '准予' });
  await staff(s, `/cases/${caseNo}/issue`);
  return caseNo;
}

describe('GET /api/v1/messages (消息: what the core announced)', () => {
  it('tells every change of a case, newest first, each saying what happened and what to do next, with its page', async () => {
    const c = await citizenWithPerson(s);
    const caseNo = await caseStory(c);
    await syncEvents(s.bff);
    const r = await list(c);
    expect(r.status).toBe(200);
    expect(r.body.messages.map((m) => m.title)).toEqual([
      '办结，结果已出具',
      '审批决定：准予许可',
      '补正材料已通过，恢复计时',
      '需要补正材料',
      '进入“材料审查”环节',
      '办件已受理',
    ]);
    expect(r.body.unread).toBe(6);
    const [issued, , resumed, correction, , accepted] = r.body.messages as Message[];
    expect(accepted).toMatchObject({
      event: 'case.accepted',
      read: false,
      link: { kind: 'case', id: caseNo, page: `pages/cases/detail/index?caseNo=${caseNo}` },
    });
    // the numbers come from the rules the core applied: 3 promised working days, 10 working days for 补正
    expect(accepted!.body).toContain('承诺3个工作日内办结');
    expect(correction).toMatchObject({
      event: 'case.correction-requested',
      link: { kind: 'correction', page: `pages/cases/correction/index?caseNo=${caseNo}` },
    });
    expect(correction!.body).toContain('经营场所平面图（复印件1份）、健康证明（原件及复印件2份）');
    expect(correction!.nextStep).toMatch(/^请在3月16日前（10个工作日内）在小程序上传，或带齐材料到市为民服务中心[A-Z]\d+号窗口补交。$/);
    expect(resumed!.nextStep).toContain('承诺时限还剩');
    expect(issued!.nextStep).toContain('办结后15个工作日内');
    for (const m of r.body.messages) {
      expect(m.body).toMatch(/[\u4e00-\u9fa5]/);
      expect(m.nextStep).toMatch(/[\u4e00-\u9fa5]/);
      // no subscription was given: in 消息 only
      expect(['not-subscribed', 'none', 'pending']).toContain(m.wechat);
    }
  });

  it('counts unread, marks one read when opened and all read at once; pages older messages with `next`', async () => {
    const c = await citizenWithPerson(s);
    await caseStory(c);
    await syncEvents(s.bff);
    const first = (await list(c, '?limit=4')).body;
    expect(first.messages).toHaveLength(4);
    const rest = (await list(c, `?limit=4&before=${first.next}`)).body;
    expect(rest.messages).toHaveLength(2);
    expect(rest.next).toBeUndefined();
    expect(new Set([...first.messages, ...rest.messages].map((m) => m.id)).size).toBe(6);

    const opened = await call<Message>(s.bffUrl, 'POST', `/api/v1/messages/${first.messages[0]!.id}/read`, { token: c.accessToken });
    expect(opened.body).toMatchObject({ read: true, readAt: expect.any(String) });
    expect((await call<{ unread: number }>(s.bffUrl, 'GET', '/api/v1/messages/unread-count', { token: c.accessToken })).body.unread).toBe(5);
    const again = await call<Message>(s.bffUrl, 'POST', `/api/v1/messages/${first.messages[0]!.id}/read`, { token: c.accessToken });
    expect(again.body.readAt).toBe(opened.body.readAt);
    expect((await call(s.bffUrl, 'POST', '/api/v1/messages/read-all', { token: c.accessToken })).body).toEqual({ marked: 5, unread: 0 });
    expect((await call<Message>(s.bffUrl, 'GET', `/api/v1/messages/${rest.messages[0]!.id}`, { token: c.accessToken })).body.read).toBe(true);
  });

  it("answers 404 for another citizen's message, exactly like a missing one", async () => {
    const [a, b] = [await citizenWithPerson(s), await citizenWithPerson(s)];
    await openCase(s, a.personId);
    await syncEvents(s.bff);
    const id = (await list(a)).body.messages[0]!.id;
    const theirs = await call<ErrBody>(s.bffUrl, 'GET', `/api/v1/messages/${id}`, { token: b.accessToken });
    const missing = await call<ErrBody>(s.bffUrl, 'GET', `/api/v1/messages/m_${'0'.repeat(24)}`, { token: b.accessToken });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error).toMatchObject({ code: 'NOT_FOUND', message: missing.body.error.message });
    expect((await call(s.bffUrl, 'POST', `/api/v1/messages/${id}/read`, { token: b.accessToken })).status).toBe(404);
    expect((await list(a)).body.messages[0]!.read).toBe(false);
  });
});

describe('the core event feed, read into 消息', () => {
  it('applies every event exactly once and in order per case, whatever the feed does and with two instances reading at once', async () => {
    const second = await s.addInstance();
    const citizens = [await citizenWithPerson(s), await citizenWithPerson(s), await citizenWithPerson(s)];
    await syncEvents(s.bff);
    await feedFaults({ dropRate: 0.3, duplicateRate: 0.4, reorder: true, delayMs: 200 });
    const cases = await Promise.all(citizens.map((c) => caseStory(c)));
    for (let i = 0; i < 40; i++) {
      const [a, b] = await Promise.all([s.bff.messages.feed.pull(), second.messages.feed.pull()]);
      if (a.through >= a.head && b.through >= b.head && i > 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await clearFaults();
    await syncEvents(s.bff);
    const stats = (await call<{ stats: Record<string, number> }>(s.coreUrl, 'GET', '/__mock/events')).body.stats;
    expect(stats.duplicated).toBeGreaterThan(0);
    expect(stats.dropped).toBeGreaterThan(0);
    for (const [i, c] of citizens.entries()) {
      const userId = (await s.db.collection<{ _id: string }>('citizens').findOne({ 'realName.personId': c.personId }))!._id;
      const docs = await s.db.collection<{ _id: string; eventId: string; streamSeq: number }>('messages').find({ userId }).toArray();
      expect(docs).toHaveLength(6);
      expect(new Set(docs.map((d) => d.eventId)).size).toBe(6);
      // newest first in the list is the case's own order backwards
      const shown = (await list(c)).body.messages;
      const order = shown.map((m) => docs.find((d) => d._id === m.id)!.streamSeq);
      expect(order).toEqual([6, 5, 4, 3, 2, 1]);
      expect(shown.every((m) => m.link.id === cases[i])).toBe(true);
    }
    await second.close();
  });

  it('waits for a missing position, applies it when it shows; skips it only after the grace period', async () => {
    const c = await citizenWithPerson(s);
    await syncEvents(s.bff);
    await feedFaults({ holdNext: 1 }); // the next event stays out of the feed: a hole
    const { caseNo } = await openCase(s, c.personId);
    await staff(s, `/cases/${caseNo}/review`, { name: '审查' });
    const r = await s.bff.messages.feed.pull();
    expect(r.through).toBe(r.head - 2);
    expect((await list(c)).body.messages).toHaveLength(0); // the later event waits: order per case holds
    await clearFaults();
    await syncEvents(s.bff);
    expect((await list(c)).body.messages.map((m) => m.event)).toEqual(['case.review-started', 'case.accepted']);

    await feedFaults({ holdNext: 1 });
    await staff(s, `/cases/${caseNo}/decide`, { decision: '准予' }); // held, and never released below
    await staff(s, `/cases/${caseNo}/issue`);
    await s.bff.messages.feed.pull();
    await new Promise((res) => setTimeout(res, 1100));
    const skipped = await s.bff.messages.feed.pull();
    expect(skipped.skipped).toBe(1);
    expect((await list(c)).body.messages.map((m) => m.event)).toEqual(['case.issued', 'case.review-started', 'case.accepted']);
    expect(s.logs.some((l) => l.includes('a position never arrived within the grace period'))).toBe(true);
    await clearFaults();
    await syncEvents(s.bff);
  });

  it('reads a new feed from its start when the core starts a new epoch, and tells nobody of events of persons it does not know', async () => {
    await syncEvents(s.bff);
    await call(s.coreUrl, 'POST', '/__mock/reset');
    const c = await citizenWithPerson(s);
    await openCase(s, c.personId);
    await syncEvents(s.bff);
    expect((await list(c)).body.messages.map((m) => m.event)).toEqual(['case.accepted']);
    // the seed's own history (persons nobody here signed in as) was read and recorded, for nobody
    const others = await s.db
      .collection('core_events')
      .find({ epoch: s.core.state.events.epoch, personId: { $ne: c.personId } })
      .toArray();
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((e) => e.appliedAt)).toBe(true);
    expect(await s.db.collection('messages').countDocuments({ eventId: { $in: others.map((e) => e.eventId) } })).toBe(0);
  });
});
