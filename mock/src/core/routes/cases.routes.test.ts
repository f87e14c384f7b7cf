import { createProvinceMock } from '../../province/province.mock';
import { listen, type RunningServer } from '../../infra/server';
import { request } from '../../infra/http-test';
import { SEED_PERSONS } from '../seed/persons';
import { startCore, type CoreHarness } from '../testing';

// The harness clock: Mon 2 Mar 2026, 09:00 in Jining.
const ZHANG = SEED_PERSONS.find((p) => p.name === '张伟')!.personId;
const KONG = SEED_PERSONS.find((p) => p.name === '孔令华')!.personId;

let core: CoreHarness;
let provinceSrv: RunningServer;
let province: ReturnType<typeof createProvinceMock>;
beforeEach(async () => {
  province = createProvinceMock({ clock: { now: () => new Date('2026-03-02T01:00:00Z') } as never, admin: true });
  provinceSrv = await listen(province.app, 0);
  core = await startCore({ provinceUrl: provinceSrv.url });
});
afterEach(async () => {
  await core.close();
  await provinceSrv.close();
});

const admin = (method: string, path: string, body?: unknown) =>
  request(`${core.url}/__mock${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function closedCaseOf(personId: string) {
  const list = await core.call('GET', `/core/v1/cases?personId=${personId}`);
  return list.body.cases.find((c: { status: string; rated: boolean }) => c.status === 'issued' && !c.rated);
}

describe('core cases', () => {
  it('seeds cases for the test citizens in several states, with countdowns', async () => {
    const res = await core.call('GET', `/core/v1/cases?personId=${ZHANG}`);
    expect(res.status).toBe(200);
    const states = res.body.cases.map((c: { status: string; countdown: { state: string } | null }) => `${c.status}/${c.countdown?.state}`);
    expect(states).toEqual(expect.arrayContaining(['reviewing/running', 'issued/finished', 'reviewing/paused']));
    const other = await core.call('GET', `/core/v1/cases/${res.body.cases[0].caseNo}?personId=${KONG}`);
    expect(other.status).toBe(404);
  });

  it('drives a case by staff operations: accept, review, 补正 pause and resume, decide, issue, mail, deliver', async () => {
    const created = await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05' });
    expect(created.body).toMatchObject({ status: 'received', countdown: null, queryCode: expect.stringMatching(/^\d{6}$/) });
    const no = created.body.caseNo;
    expect((await admin('POST', `/staff/cases/${no}/accept`)).body.countdown).toMatchObject({ state: 'running', promised: { limitDays: 3 } });
    await admin('POST', `/staff/cases/${no}/review`, { department: '市市场监督管理局食品经营科', name: '现场核查' });
    expect((await admin('POST', `/staff/cases/${no}/pause`, { kind: '补正', reason: '缺少平面图' })).body.countdown.state).toBe('paused');
    expect((await admin('POST', `/staff/cases/${no}/decide`, { decision: '准予' })).status).toBe(409);
    await admin('POST', `/staff/cases/${no}/resume`);
    const mail = await core.call('POST', `/core/v1/cases/${no}/mailing`, {
      personId: KONG,
      requestId: 'm1',
      address: { recipient: '孔令华', phone: '13905370002', province: '山东省', city: '济宁市', district: '曲阜市', detail: '鲁城街道春秋路18号' },
    });
    expect(mail.status).toBe(201);
    expect(mail.body.mailing.address).toMatchObject({ recipient: '孔*华', phone: '139****0002' });
    await admin('POST', `/staff/cases/${no}/decide`, { decision: '准予' });
    await admin('POST', `/staff/cases/${no}/issue`);
    const mailed = await admin('POST', `/staff/cases/${no}/mail`);
    expect(mailed.body.mailing.emsNo).toMatch(/^E[A-Z]\d{9}CN$/);
    const done = await admin('POST', `/staff/cases/${no}/track`, { status: 'delivered', place: '曲阜市' });
    expect(done.body.status).toBe('delivered');
    expect(done.body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'accepted',
      'review',
      'paused',
      'resumed',
      'decided',
      'issued',
      'mailed',
      'delivered',
    ]);
  });

  it('relays a rating to the province for its receipt; a repeat of the request id answers the same receipt; another is ALREADY_RATED', async () => {
    const c = await closedCaseOf(ZHANG);
    const body = { personId: ZHANG, requestId: 'r-1', level: '满意', tags: ['服务态度好'], comment: '' };
    const first = await core.call('POST', `/core/v1/cases/${c.caseNo}/rating`, body);
    expect(first.status).toBe(201);
    expect(first.body.receiptId).toMatch(/^SDHCP/);
    const again = await core.call('POST', `/core/v1/cases/${c.caseNo}/rating`, body);
    expect(again.body.receiptId).toBe(first.body.receiptId);
    const other = await core.call('POST', `/core/v1/cases/${c.caseNo}/rating`, { ...body, requestId: 'r-2' });
    expect(other.body.code).toBe('ALREADY_RATED');
    expect([...province.state.byRequest.values()]).toHaveLength(1);
  });

  it('records nothing and answers 503 while the province is down', async () => {
    province.faults.update({ outage: true });
    const c = await closedCaseOf(ZHANG);
    const res = await core.call('POST', `/core/v1/cases/${c.caseNo}/rating`, { personId: ZHANG, requestId: 'r-9', level: '满意', tags: [], comment: '' });
    expect(res.status).toBe(503);
    expect((await core.call('GET', `/core/v1/cases/${c.caseNo}/rating?personId=${ZHANG}`)).body.rating).toBeNull();
  });

  it('runs the 差评 loop without telling staff who rated, then takes one follow-up', async () => {
    const c = await closedCaseOf(ZHANG);
    const bad = await core.call('POST', `/core/v1/cases/${c.caseNo}/rating`, {
      personId: ZHANG,
      requestId: 'b-1',
      level: '不满意',
      tags: ['服务效率低'],
      comment: '等了很久',
    });
    expect(bad.body.loop).toMatchObject({ callbackDue: '2026-03-03', correctionDue: '2026-03-09' });
    const early = await core.call('POST', `/core/v1/cases/${c.caseNo}/rating/follow-up`, {
      personId: ZHANG,
      requestId: 'f-1',
      level: '满意',
      tags: [],
      comment: '',
    });
    expect(early.body).toMatchObject({ code: 'FOLLOW_UP_NOT_ALLOWED', reason: 'not-corrected' });
    const staff = await admin('GET', '/staff/ratings');
    const text = JSON.stringify(staff.body);
    expect(text).not.toContain(ZHANG);
    expect(text).not.toContain(c.caseNo);
    expect(text).not.toContain('张');
    const id = staff.body.ratings[0].ratingId;
    await admin('POST', `/staff/ratings/${id}/callback`, { note: '已电话回访' });
    await admin('POST', `/staff/ratings/${id}/correct`, { feedback: '增加午间窗口' });
    const fu = await core.call('POST', `/core/v1/cases/${c.caseNo}/rating/follow-up`, {
      personId: ZHANG,
      requestId: 'f-1',
      level: '满意',
      tags: ['服务效率高'],
      comment: '',
    });
    expect(fu.status).toBe(201);
    expect(fu.body.followUp.receiptId).toMatch(/^SDHCP/);
    const stats = await core.call('GET', '/core/v1/ratings/stats?hallId=city');
    expect(stats.body.hall).toMatchObject({ total: 1, badCount: 1, corrected: 1, correctionRate: 1, satisfactionRate: 0 });
  });
});
