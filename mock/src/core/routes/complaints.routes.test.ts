import { SEED_PERSONS } from '../seed/persons';
import { postJson, getJson } from '../../infra/http-test';
import { startCore, type CoreHarness } from '../testing';

// Thu 5 Mar 2026, 10:00 in Jining: the reply is due 5 working days later, across the weekend of 7–8 Mar.
const T0 = new Date('2026-03-05T02:00:00.000Z');
const person = SEED_PERSONS[0]!;
const other = SEED_PERSONS[1]!;

const body = (over: Record<string, unknown> = {}) => ({
  personId: person.personId,
  requestId: 'req-1',
  clientRef: 'Cabc',
  category: '推诿/说"No"',
  target: { hallId: 'city', zoneId: 'shangshi', windowNo: '12' },
  description: '窗口说材料不全但没说缺什么',
  anonymous: false,
  photoIds: [],
  ...over,
});

describe('core 找茬: /core/v1/complaints', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
    core.clock.set(T0);
  });
  afterEach(() => core.close());
  const staff = (id: string, op: string, b: Record<string, unknown> = {}) => postJson(`${core.url}/__mock/staff/complaints/${id}/${op}`, b);

  it('registers a complaint with a ZC tracking number and working-day due dates; a repeated requestId is the same complaint', async () => {
    const first = await core.call('POST', '/core/v1/complaints', body());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      trackingNo: 'ZC202603050001',
      status: 'submitted',
      target: { hallId: 'city', hallName: expect.any(String), zoneName: '商事登记', windowNo: '12' },
      sla: { acknowledgeBy: '2026-03-06', replyBy: '2026-03-12', acknowledgeOverdue: false, replyOverdue: false, replyWorkingDaysLeft: 5 },
    });
    const again = await core.call('POST', '/core/v1/complaints', body());
    expect(again.status).toBe(200);
    expect(again.body.trackingNo).toBe('ZC202603050001');
    expect(core.mock.state.complaints.byId.size).toBe(1);
    expect((await core.call('POST', '/core/v1/complaints', body({ requestId: 'req-2' }))).body.trackingNo).toBe('ZC202603050002');
  });

  it('marks the reply overdue only after 5 working days, not 5 calendar days', async () => {
    const { id } = (await core.call('POST', '/core/v1/complaints', body())).body;
    const read = async () => (await core.call('GET', `/core/v1/complaints/${id}?personId=${person.personId}`)).body;
    core.clock.set(new Date('2026-03-07T02:00:00Z')); // Sat: not acknowledged by Fri 6 → acknowledgement overdue
    expect((await read()).sla).toMatchObject({ acknowledgeOverdue: true, replyOverdue: false });
    core.clock.set(new Date('2026-03-11T02:00:00Z')); // Wed, 6 calendar days later: 1 working day left
    expect((await read()).sla).toMatchObject({ replyOverdue: false, replyWorkingDaysLeft: 1 });
    core.clock.set(new Date('2026-03-12T15:00:00Z')); // Thu 23:00: due today, still in time
    expect((await read()).sla).toMatchObject({ replyOverdue: false, replyWorkingDaysLeft: 0 });
    core.clock.set(new Date('2026-03-13T01:00:00Z')); // Fri
    expect((await read()).sla).toMatchObject({ replyOverdue: true, replyWorkingDaysLeft: -1 });
  });

  it('hides name and phone from the staff view of an anonymous complaint, and shows them otherwise', async () => {
    const anon = (await core.call('POST', '/core/v1/complaints', body({ anonymous: true }))).body;
    const named = (await core.call('POST', '/core/v1/complaints', body({ requestId: 'req-named' }))).body;
    const a = await getJson(`${core.url}/__mock/staff/complaints/${anon.id}`);
    expect(a.body).toMatchObject({ anonymous: true, citizen: null });
    for (const secret of [person.name, person.phone!, person.personId, person.idNumber]) expect(JSON.stringify(a.body)).not.toContain(secret);
    const n = await getJson(`${core.url}/__mock/staff/complaints/${named.id}`);
    expect(n.body.citizen).toEqual({ name: person.name, phone: person.phone });
    const all = await getJson(`${core.url}/__mock/staff/complaints`);
    expect(JSON.stringify(all.body.complaints.find((c: { id: string }) => c.id === anon.id))).not.toContain(person.name);
  });

  it('walks acknowledge → in-progress → reply → rate → reopen once → reply → close', async () => {
    const { id } = (await core.call('POST', '/core/v1/complaints', body())).body;
    expect((await staff(id, 'acknowledge')).body.status).toBe('acknowledged');
    expect((await staff(id, 'start')).body.status).toBe('in-progress');
    const early = await core.call('POST', `/core/v1/complaints/${id}/rating`, { personId: person.personId, rating: '满意' });
    expect(early.body).toMatchObject({ code: 'NOT_REPLIED' });
    const notYet = await core.call('POST', `/core/v1/complaints/${id}/reopen`, { personId: person.personId, reason: '还没解决' });
    expect(notYet.body).toMatchObject({ code: 'REOPEN_NOT_ALLOWED', reason: 'NOT_REPLIED' });
    expect((await staff(id, 'reply', { text: '已核实，窗口已一次性告知所缺材料' })).body.status).toBe('replied');
    const rated = await core.call('POST', `/core/v1/complaints/${id}/rating`, { personId: person.personId, rating: '不满意' });
    expect(rated.body.replies[0].rating).toBe('不满意');
    expect((await core.call('POST', `/core/v1/complaints/${id}/rating`, { personId: person.personId, rating: '满意' })).body.code).toBe('ALREADY_RATED');
    const reopened = await core.call('POST', `/core/v1/complaints/${id}/reopen`, { personId: person.personId, reason: '材料清单还是不全' });
    expect(reopened.body).toMatchObject({ status: 'reopened', reopenReason: '材料清单还是不全' });
    expect((await staff(id, 'reply', { text: '已补充完整清单并致歉' })).body.status).toBe('replied');
    const twice = await core.call('POST', `/core/v1/complaints/${id}/reopen`, { personId: person.personId, reason: '还想再办一次' });
    expect(twice.body).toMatchObject({ code: 'REOPEN_NOT_ALLOWED', reason: 'ALREADY_REOPENED' });
    expect((await staff(id, 'close')).body.status).toBe('closed');
  });

  it('refuses a reopen more than 7 days after the reply, saying until when it was possible', async () => {
    const { id } = (await core.call('POST', '/core/v1/complaints', body())).body;
    await staff(id, 'reply', { text: '已核实并整改' });
    core.clock.set(new Date(T0.getTime() + 7 * 86400_000 + 60_000));
    const late = await core.call('POST', `/core/v1/complaints/${id}/reopen`, { personId: person.personId, reason: '问题还在' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'REOPEN_NOT_ALLOWED', reason: 'WINDOW_PASSED', reopenUntil: '2026-03-12T02:00:00.000Z' });
  });

  it("answers 404 for another person's complaint", async () => {
    const { id } = (await core.call('POST', '/core/v1/complaints', body())).body;
    const res = await core.call('GET', `/core/v1/complaints/${id}?personId=${other.personId}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('COMPLAINT_NOT_FOUND');
  });

  it('keeps photos by reference and refuses a complaint whose photo never arrived', async () => {
    const data = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64');
    const up = await core.call('POST', '/core/v1/complaints/photos', { photoId: 'ph_0123456789abcdef01234567', contentType: 'image/jpeg', dataBase64: data });
    expect(up.status).toBe(201);
    const ok = await core.call('POST', '/core/v1/complaints', body({ photoIds: ['ph_0123456789abcdef01234567'] }));
    expect(ok.body.photoIds).toEqual(['ph_0123456789abcdef01234567']);
    const missing = await core.call('POST', '/core/v1/complaints', body({ requestId: 'req-x', photoIds: ['ph_ffffffffffffffffffffffff'] }));
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('PHOTO_NOT_FOUND');
  });
});
