import type { CaseRating, HallStats } from '@jsb/shared';
import { call, type ErrBody } from '../support/http';
import { renew } from '../support/citizens';
import { citizenWithPerson, closedCase, openCase, staff, type Citizen, type StaffCase } from '../support/cases';
import { startStack, type Stack } from '../support/stack';
import { abandonRequest } from '../support/idempotency';

// a loaded 2-core CI machine: several of these stories take more than jest's default 5 s there
jest.setTimeout(30_000);

const at = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'ratings' });
  s.clock.freeze();
  s.clock.set(at('2026-03-02T10:00:00'));
});
afterAll(() => s.close());

const rate = (c: Citizen, caseNo: string, body: unknown, headers: Record<string, string> = {}) =>
  call<CaseRating & ErrBody>(s.bffUrl, 'POST', `/api/v1/cases/${caseNo}/rating`, { token: c.accessToken, body, headers });
const myRating = (c: Citizen, caseNo: string) => call<CaseRating>(s.bffUrl, 'GET', `/api/v1/cases/${caseNo}/rating`, { token: c.accessToken });
const provinceHolds = () => [...s.province.state.byRequest.values()];

describe('POST /api/v1/cases/:caseNo/rating (好差评)', () => {
  it('takes one rating from the owner of a closed case, relays it to the province and shows the receipt', async () => {
    const [owner, other] = [await citizenWithPerson(s), await citizenWithPerson(s)];
    const open = await openCase(s, owner.personId);
    const notClosed = await rate(owner, open.caseNo, { level: '满意', tags: [] });
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.error.code).toBe('CASE_NOT_CLOSED');

    const c = await closedCase(s, owner.personId);
    expect((await rate(other, c.caseNo, { level: '满意', tags: [] })).status).toBe(404);

    const form = (await myRating(owner, c.caseNo)).body;
    expect(form).toMatchObject({ state: 'not-rated', canRate: true, channel: 'onsite', ratingDeadline: '2026-03-23' });
    expect(form.tagsByLevel['满意']).toEqual(['服务效率高', '服务水平高', '服务态度好']);

    const wrongTag = await rate(owner, c.caseNo, { level: '满意', tags: ['服务态度差'] });
    expect(wrongTag.status).toBe(422);
    expect(wrongTag.body.error).toMatchObject({ code: 'TAG_NOT_FOR_LEVEL', details: { allowed: ['服务效率高', '服务水平高', '服务态度好'] } });
    const noReason = await rate(owner, c.caseNo, { level: '非常不满意', tags: [] });
    expect(noReason.body.error.code).toBe('TAG_REQUIRED');

    const key = { 'idempotency-key': 'rate-key-0001' };
    const ok = await rate(owner, c.caseNo, { level: '非常满意', tags: ['服务态度好', '服务效率高'], comment: '一次办好' }, key);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      state: 'relayed',
      stateLabel: '已报送省好差评系统',
      rating: { level: '非常满意', receiptId: expect.stringMatching(/^SDHCP/), loop: null },
    });
    const repeat = await rate(owner, c.caseNo, { level: '非常满意', tags: ['服务态度好', '服务效率高'], comment: '一次办好' }, key);
    expect(repeat.body.rating?.receiptId).toBe(ok.body.rating?.receiptId);
    const second = await rate(owner, c.caseNo, { level: '满意', tags: [] });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('ALREADY_RATED');
    expect(provinceHolds().filter((e) => e.caseNo === c.caseNo)).toHaveLength(1);
    // the province never learns who rated
    expect(JSON.stringify(provinceHolds())).not.toContain(owner.personId);
  });

  it('answers a rating repeated after the bff died mid-request (same Idempotency-Key) with the rating, not 已评价', async () => {
    const p = await citizenWithPerson(s);
    const c = await closedCase(s, p.personId);
    const body = { level: '满意', tags: ['服务水平高'], comment: '' };
    const first = await rate(p, c.caseNo, body, { 'idempotency-key': 'killed-rating-key-1' });
    expect(first.status).toBe(201);
    // as if the bff had stored the rating and died before answering: the key's record is left pending, and is old
    await abandonRequest(s, p.accessToken, 'rateCase', 'killed-rating-key-1');
    const again = await rate(p, c.caseNo, body, { 'idempotency-key': 'killed-rating-key-1' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ state: 'relayed', rating: { level: '满意', receiptId: first.body.rating?.receiptId } });
    // another request (another key) is still a second rating, and refused
    expect((await rate(p, c.caseNo, body, { 'idempotency-key': 'another-rating-key-2' })).body.error.code).toBe('ALREADY_RATED');
    expect(provinceHolds().filter((e) => e.caseNo === c.caseNo)).toHaveLength(1);
  });

  it('closes the rating window after the 15th working day from closing (清明 counted out)', async () => {
    s.clock.set(at('2026-03-20T16:00:00'));
    const p = await citizenWithPerson(s);
    const c = await closedCase(s, p.personId);
    const form = (await myRating(p, c.caseNo)).body;
    // 15 working days after Fri 20 Mar, skipping 清明 (4–6 Apr): Mon 13 Apr
    expect(form.ratingDeadline).toBe('2026-04-13');
    s.clock.set(at('2026-04-13T20:00:00'));
    await renew(s, p);
    expect((await myRating(p, c.caseNo)).body.canRate).toBe(true);
    s.clock.set(at('2026-04-14T08:00:00'));
    await renew(s, p);
    const late = await rate(p, c.caseNo, { level: '满意', tags: [] });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'RATING_WINDOW_CLOSED', message: '评价期限已于4月13日结束。' });
    s.clock.set(at('2026-03-02T10:00:00'));
  });

  it('runs the 差评 loop: call-back within 1 working day, correction within 5, then one 追评; staff never see who rated', async () => {
    s.clock.set(at('2026-03-06T10:00:00')); // a Friday
    const p = await citizenWithPerson(s);
    const c = await closedCase(s, p.personId, 'SS05', { windowNo: 'A09' });
    const bad = await rate(p, c.caseNo, { level: '不满意', tags: ['服务效率低'], comment: '排队一个多小时' });
    expect(bad.body.rating?.loop).toMatchObject({ callbackDue: '2026-03-09', correctionDue: '2026-03-13', callbackOverdue: false });
    const early = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/rating/follow-up`, {
      token: p.accessToken,
      body: { level: '满意', tags: [] },
    });
    expect(early.body.error).toMatchObject({ code: 'FOLLOW_UP_NOT_ALLOWED', message: '大厅还没有完成整改反馈（最迟3月13日），暂时不能追评。' });

    s.clock.set(at('2026-03-10T10:00:00'));
    await renew(s, p);
    expect((await myRating(p, c.caseNo)).body.rating?.loop).toMatchObject({ callbackOverdue: true, correctionOverdue: false });
    const staffView = await call<{ ratings: { ratingId: string; windowNo: string }[] }>(s.coreUrl, 'GET', '/__mock/staff/ratings?hallId=city');
    for (const secret of [p.personId, p.name, c.caseNo]) expect(staffView.text).not.toContain(secret);
    const id = staffView.body.ratings.find((r) => r.windowNo === 'A09')!.ratingId;
    await staff(s, `/ratings/${id}/callback`, { note: '已电话回访，了解排队情况' });
    await staff(s, `/ratings/${id}/correct`, { feedback: '已增开午间窗口，并推行预约优先' });
    const loop = (await myRating(p, c.caseNo)).body.rating?.loop;
    expect(loop).toMatchObject({ calledBackAt: expect.any(String), feedback: '已增开午间窗口，并推行预约优先', correctionOverdue: false });

    const fu = await call<CaseRating>(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/rating/follow-up`, {
      token: p.accessToken,
      body: { level: '满意', tags: ['服务效率高'] },
    });
    expect(fu.status).toBe(201);
    expect(fu.body.rating?.followUp).toMatchObject({ level: '满意', receiptId: expect.stringMatching(/^SDHCP/) });
    const again = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/rating/follow-up`, {
      token: p.accessToken,
      body: { level: '非常满意', tags: [] },
    });
    expect(again.body.error.code).toBe('FOLLOW_UP_NOT_ALLOWED');

    const stats = await call<HallStats>(s.bffUrl, 'GET', '/api/v1/halls/city/rating-stats');
    expect(stats.body.windows.find((w) => w.windowNo === 'A09')).toMatchObject({ total: 1, badCount: 1, corrected: 1, correctionRate: 1, satisfactionRate: 0 });
    expect(stats.body.hall.total).toBeGreaterThanOrEqual(2);
    s.clock.set(at('2026-03-02T10:00:00'));
  });
});

describe('the provincial relay is down (outbox)', () => {
  it('keeps every rating while the province is down and relays each exactly once after recovery, across a bff restart', async () => {
    s.clock.set(at('2026-03-11T10:00:00'));
    const N = 8;
    const people = await Promise.all(Array.from({ length: N }, () => citizenWithPerson(s)));
    const cases: StaffCase[] = [];
    for (const p of people) cases.push(await closedCase(s, p.personId));
    const before = provinceHolds().length;

    s.province.faults.update({ outage: true });
    const answers = await Promise.all(
      people.map((p, i) => rate(p, cases[i]!.caseNo, { level: '满意', tags: ['服务水平高'] }, { 'idempotency-key': `outage-${i}-key` })),
    );
    const accepted = answers.filter((r) => r.status === 201).length;
    const queued = answers.filter((r) => r.body.state === 'queued').length;
    expect(answers.map((r) => r.body.stateLabel)).toEqual(Array(N).fill('已提交，等待报送省好差评系统'));
    // a repeat while queued changes nothing; a second rating is refused
    const repeat = await rate(people[0]!, cases[0]!.caseNo, { level: '满意', tags: ['服务水平高'] }, { 'idempotency-key': 'outage-0-key' });
    expect(repeat.body.state).toBe('queued');
    expect((await rate(people[0]!, cases[0]!.caseNo, { level: '非常满意', tags: [] })).body.error.code).toBe('ALREADY_RATED');
    // the core is still answering other calls: the province's outage does not trip the bff's breaker for the core
    expect((await call(s.bffUrl, 'GET', `/api/v1/cases/${cases[1]!.caseNo}`, { token: people[1]!.accessToken })).status).toBe(200);

    // one relay round during the outage: still queued, nothing at the province
    s.clock.set(at('2026-03-11T10:15:00'));
    expect(await s.bff.outbox.relay()).toMatchObject({ delivered: 0, queued: N });
    expect(provinceHolds().length).toBe(before);

    // "restart": two fresh bff instances on the same database relay together after the province is back
    s.province.faults.clear();
    const [x, y] = [await s.addInstance(), await s.addInstance()];
    s.clock.set(at('2026-03-11T11:00:00'));
    let delivered = 0;
    for (let round = 0; round < 3; round++) {
      const outs = await Promise.all([x.outbox.relay(), y.outbox.relay()]);
      delivered += outs.reduce((n, o) => n + o.delivered, 0);
    }
    const held = provinceHolds().slice(before);
    const duplicates = held.reduce((n, e) => n + (e.deliveries - 1), 0);
    const figures = { accepted, queued, delivered, atProvince: held.length, distinctRequests: new Set(held.map((e) => e.requestId)).size, duplicates };
    console.log('outbox figures (province outage, restart, two relaying instances):', JSON.stringify(figures));
    expect(figures).toEqual({ accepted: N, queued: N, delivered: N, atProvince: N, distinctRequests: N, duplicates: 0 });

    for (const [i, p] of people.entries()) {
      await renew(s, p);
      const mine = (await myRating(p, cases[i]!.caseNo)).body;
      expect(mine).toMatchObject({ state: 'relayed', rating: { receiptId: held.find((e) => e.caseNo === cases[i]!.caseNo)!.receiptId } });
    }
  });
});
