import type { CaseDetail, CaseSummary, Mailing, MaskedCase } from '@jsb/shared';
import { call, type ErrBody } from '../support/http';
import { renew } from '../support/citizens';
import { citizenWithPerson, openCase, staff, type Citizen } from '../support/cases';
import { startStack, type Stack } from '../support/stack';

const at = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'cases' });
  s.clock.freeze();
});
afterAll(() => s.close());

async function moveTo(when: string, ...citizens: Citizen[]) {
  s.clock.set(at(when));
  for (const c of citizens) await renew(s, c);
}
const getCase = (c: Citizen, caseNo: string) => call<CaseDetail>(s.bffUrl, 'GET', `/api/v1/cases/${caseNo}`, { token: c.accessToken });

describe('GET /api/v1/cases/:caseNo (working-day countdown)', () => {
  it('counts a 3-day promise across 春节, the 调休 Saturday and a 补正 pause that stops the clock', async () => {
    await moveTo('2026-02-12T10:00:00');
    const zhao = await citizenWithPerson(s);
    const c = await openCase(s, zhao.personId, 'SS05'); // 食品经营许可证核发: promised 3, statutory 20 working days
    await staff(s, `/cases/${c.caseNo}/review`, { department: '市市场监督管理局食品经营科', name: '材料审查' });

    await moveTo('2026-02-13T10:00:00', zhao);
    expect((await getCase(zhao, c.caseNo)).body.countdown).toMatchObject({
      state: 'running',
      usedDays: 1,
      promised: { remainingDays: 2, dueDate: '2026-02-24' },
    });

    await moveTo('2026-02-13T11:00:00', zhao);
    await staff(s, `/cases/${c.caseNo}/pause`, { kind: '补正', reason: '请补交经营场所平面图' });
    await moveTo('2026-02-14T10:00:00', zhao); // Saturday, a 调休 workday, but paused
    expect((await getCase(zhao, c.caseNo)).body.countdown).toMatchObject({ state: 'paused', usedDays: 1, promised: { remainingDays: 2 } });
    await moveTo('2026-02-24T10:00:00', zhao); // the promised due day, but the clock is stopped
    const paused = (await getCase(zhao, c.caseNo)).body;
    expect(paused.countdown).toMatchObject({ state: 'paused', paused: true, usedDays: 1, promised: { remainingDays: 2 } });
    expect(paused.timeline.at(-1)).toMatchObject({ kind: 'paused', note: '请补交经营场所平面图', current: true, department: '市场监督管理局' });

    await moveTo('2026-02-25T09:00:00', zhao);
    await staff(s, `/cases/${c.caseNo}/resume`);
    const resumed = (await getCase(zhao, c.caseNo)).body;
    // paused working days: the 调休 Saturday 14 Feb and Tue 24 Feb; the holiday never counted anyway
    expect(resumed.countdown).toMatchObject({
      state: 'running',
      usedDays: 2,
      pausedDays: 2,
      promised: { dueDate: '2026-02-26', remainingDays: 1 },
      statutory: { limitDays: 20, dueDate: '2026-03-20' },
    });
    expect(resumed.statusLabel).toBe('审查中');

    await moveTo('2026-02-28T10:00:00', zhao); // the second 调休 Saturday: an overdue working day
    expect((await getCase(zhao, c.caseNo)).body.countdown).toMatchObject({ state: 'overdue', promised: { overdueDays: 2, remainingDays: 0 } });
    const list = await call<{ cases: CaseSummary[] }>(s.bffUrl, 'GET', '/api/v1/cases', { token: zhao.accessToken });
    expect(list.body.cases.map((x) => [x.caseNo, x.statusLabel, x.countdown?.state])).toEqual([[c.caseNo, '审查中', 'overdue']]);
  });

  it("answers 404 for another citizen's case, exactly like a missing one", async () => {
    const [a, b] = [await citizenWithPerson(s), await citizenWithPerson(s)];
    const c = await openCase(s, a.personId);
    const res = await getCase(b, c.caseNo);
    expect(res.status).toBe(404);
    expect((res.body as unknown as ErrBody).error.code).toBe('NOT_FOUND');
    expect((await getCase(b, 'JN2099010100001')).status).toBe(404);
  });
});

describe('POST /api/v1/cases/lookup (no sign-in)', () => {
  const lookup = (caseNo: string, code: string) => call<MaskedCase & ErrBody>(s.bffUrl, 'POST', '/api/v1/cases/lookup', { body: { caseNo, code } });

  it('shows a masked view for the right code: no full name, ID, phone or address', async () => {
    await moveTo('2026-03-02T10:00:00');
    const p = await citizenWithPerson(s);
    const c = await openCase(s, p.personId);
    await call(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/mailing`, {
      token: p.accessToken,
      body: { address: { recipient: p.name, phone: '13905379999', province: '山东省', city: '济宁市', district: '任城区', detail: '古槐路街道红星路66号' } },
    });
    const res = await lookup(c.caseNo.toLowerCase(), c.queryCode);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseNo: c.caseNo, statusLabel: '已受理', itemName: '食品经营许可证核发', applicantName: expect.stringContaining('*') });
    for (const secret of [p.name, p.personId, '13905379999', '红星路', '370811']) expect(res.text).not.toContain(secret);
  });

  it('stops guessing: 5 wrong codes per case number in 15 minutes, then 429 TOO_MANY_ATTEMPTS with when to retry', async () => {
    await moveTo('2026-03-02T11:00:00');
    const p = await citizenWithPerson(s);
    const c = await openCase(s, p.personId);
    const wrong = c.queryCode === '000000' ? '111111' : '000000';
    const left: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await lookup(c.caseNo, wrong);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('LOOKUP_CODE_WRONG');
      left.push(r.body.error.details?.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    // now even the right code waits
    const blocked = await lookup(c.caseNo, c.queryCode);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', details: { retryAt: at('2026-03-02T11:15:00').toISOString() } });
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(blocked.body.error.message).toContain('11:15');
    await moveTo('2026-03-02T11:15:01');
    expect((await lookup(c.caseNo, c.queryCode)).status).toBe(200);
  });

  it('stops one client address guessing across case numbers after 10 wrong tries', async () => {
    await moveTo('2026-03-02T14:00:00');
    const codes = [];
    for (let i = 0; i < 10; i++) codes.push((await lookup(`JN2026030299${String(i).padStart(3, '0')}`, '123456')).status);
    expect(codes).toEqual(Array(10).fill(404));
    const r = await lookup('JN2026030299999', '123456');
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    await moveTo('2026-03-02T14:30:00');
  });

  it('answers 400 VALIDATION_FAILED for a malformed number or code, without counting a try', async () => {
    const r = await lookup('123', 'abc');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/v1/cases/:caseNo/mailing (免费邮寄)', () => {
  it('validates the address, takes one request per Idempotency-Key, and tracks the EMS parcel to delivery', async () => {
    await moveTo('2026-03-03T10:00:00');
    const p = await citizenWithPerson(s);
    const c = await openCase(s, p.personId);
    const address = { recipient: p.name, phone: '13905378888', province: '山东省', city: '济宁市', district: '任城区', detail: '古槐路街道红星路66号' };
    const bad = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/mailing`, {
      token: p.accessToken,
      body: { address: { ...address, phone: '12345', detail: '红星路' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const key = { 'idempotency-key': 'mail-key-0001' };
    const first = await call<Mailing>(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/mailing`, { token: p.accessToken, body: { address }, headers: key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'requested', address: { phone: '139****8888', detail: address.detail } });
    const again = await call<Mailing>(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/mailing`, { token: p.accessToken, body: { address }, headers: key });
    expect(again.body).toEqual(first.body);
    const other = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/cases/${c.caseNo}/mailing`, { token: p.accessToken, body: { address } });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'MAILING_NOT_AVAILABLE', message: '这个办件已经申请过免费邮寄。' });

    await staff(s, `/cases/${c.caseNo}/decide`, { decision: '准予' });
    await staff(s, `/cases/${c.caseNo}/issue`);
    await staff(s, `/cases/${c.caseNo}/mail`, { emsNo: 'EA123456789CN' });
    await staff(s, `/cases/${c.caseNo}/track`, { status: 'in-transit', place: '济宁邮区中心' });
    await staff(s, `/cases/${c.caseNo}/track`, { status: 'delivered', place: '任城区' });
    const track = await call<Mailing>(s.bffUrl, 'GET', `/api/v1/cases/${c.caseNo}/mailing`, { token: p.accessToken });
    expect(track.body).toMatchObject({ state: 'delivered', emsNo: 'EA123456789CN' });
    expect(track.body.events.map((e) => e.status)).toEqual(['accepted', 'in-transit', 'delivered']);
    expect((await getCase(p, c.caseNo)).body.statusLabel).toBe('结果已签收');
  });
});
