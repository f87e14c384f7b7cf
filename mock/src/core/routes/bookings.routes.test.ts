import { book, pid, remaining, setCapacity } from '../booking/booking.test-support';
import { startCore, type CoreHarness } from '../testing';

// The harness clock: Mon 2 Mar 2026, 09:00 in Jining. Bookable: from 11:00 today to Mon 9 Mar.
const A = pid(1);
const B = pid(2);
const SLOT = 'city.shangshi.2026-03-03.0900';

describe('POST /core/v1/bookings', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  it('books a seat and answers the booking with its labels', async () => {
    const res = await book(core, A, 'SS05', SLOT);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 'B2026030200001',
      personId: A,
      itemId: 'SS05',
      itemName: '食品经营许可证核发',
      hallId: 'city',
      hallName: '市为民服务中心',
      zoneId: 'shangshi',
      zoneName: '商事登记',
      slotId: SLOT,
      date: '2026-03-03',
      start: '09:00',
      end: '09:30',
      slotKind: 'regular',
      dayKind: 'workday',
      status: 'booked',
      createdAt: '2026-03-02T01:00:00.000Z',
    });
    expect(await remaining(core, SLOT)).toBe(9);
  });

  it('answers 409 SLOT_FULL with the nearest free slots of the same zone when the last seat went meanwhile', async () => {
    await setCapacity(core, SLOT, 1);
    expect((await book(core, A, 'SS05', SLOT)).status).toBe(201);
    const res = await book(core, B, 'SS05', SLOT);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'SLOT_FULL', message: expect.any(String) });
    expect(res.body.nearest).toEqual([
      { slotId: 'city.shangshi.2026-03-03.0930', date: '2026-03-03', start: '09:30', end: '10:00', kind: 'regular', remaining: 10 },
      { slotId: 'city.shangshi.2026-03-03.1000', date: '2026-03-03', start: '10:00', end: '10:30', kind: 'regular', remaining: 10 },
      { slotId: 'city.shangshi.2026-03-03.1030', date: '2026-03-03', start: '10:30', end: '11:00', kind: 'regular', remaining: 10 },
    ]);
  });

  it.each([
    ['PAST', 'city.shangshi.2026-03-02.0900'],
    ['TOO_SOON', 'city.shangshi.2026-03-02.1030'],
    ['TOO_FAR', 'city.shangshi.2026-03-10.0900'],
  ])('answers 422 OUTSIDE_BOOKING_WINDOW (%s) with the earliest and latest bookable times', async (reason, slotId) => {
    const res = await book(core, A, 'SS05', slotId);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      code: 'OUTSIDE_BOOKING_WINDOW',
      message: expect.any(String),
      reason,
      earliest: '2026-03-02T03:00:00.000Z',
      latest: '2026-03-09',
    });
  });

  it('answers 409 DAILY_LIMIT for a second booking of the same item on the same day, but takes another day', async () => {
    expect((await book(core, A, 'SS05', SLOT)).status).toBe(201);
    const again = await book(core, A, 'SS05', 'city.shangshi.2026-03-03.1400');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DAILY_LIMIT', bookingId: 'B2026030200001' });
    expect((await book(core, A, 'SS05', 'city.shangshi.2026-03-04.1400')).status).toBe(201);
    expect((await book(core, A, 'SS01', 'city.shangshi.2026-03-03.1400')).status).toBe(201);
  });

  it('answers 409 ACTIVE_LIMIT for a fourth active booking', async () => {
    for (const d of ['03', '04', '05']) expect((await book(core, A, 'SS05', `city.shangshi.2026-03-${d}.0900`)).status).toBe(201);
    const res = await book(core, A, 'SS05', 'city.shangshi.2026-03-06.0900');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ACTIVE_LIMIT', max: 3 });
  });

  it('answers 409 HALL_CLOSED on a closed day and on a weekend in a zone without weekend service', async () => {
    const closed = await book(core, A, 'SS05', 'sishui.shangshi.2026-03-06.0900');
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ code: 'HALL_CLOSED', reason: '设备检修，暂停对外服务一天' });
    const weekend = await book(core, A, 'JM01', 'city.jingmao.2026-03-07.0900');
    expect(weekend.status).toBe(409);
    expect(weekend.body).toMatchObject({ code: 'HALL_CLOSED', reason: '周末休息' });
  });

  it('answers 422 WEEKEND_NOT_OFFERED for an item without weekend booking on a Saturday slot', async () => {
    const res = await book(core, A, 'SS07', 'city.shangshi.2026-03-07.0900');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('WEEKEND_NOT_OFFERED');
    expect((await book(core, A, 'SS05', 'city.shangshi.2026-03-07.0900')).body).toMatchObject({ slotKind: 'weekend', dayKind: 'weekend' });
  });

  it('answers 422 ITEM_NOT_AT_HALL for a slot of a hall or zone that does not handle the item', async () => {
    const county = await book(core, A, 'ZJ01', 'weishan.shangshi.2026-03-03.0900');
    expect(county.status).toBe(422);
    expect(county.body).toMatchObject({ code: 'ITEM_NOT_AT_HALL', hallIds: ['city'], zoneId: 'zhongjie' });
    expect((await book(core, A, 'SS05', 'city.gongan.2026-03-03.0900')).body.code).toBe('ITEM_NOT_AT_HALL');
  });

  it.each([
    ['an id that is not a slot id', 'tomorrow-morning', 404, 'SLOT_NOT_FOUND'],
    ['a time outside the opening hours', 'city.shangshi.2026-03-03.0800', 404, 'SLOT_NOT_FOUND'],
    ['an unknown hall', 'nowhere.shangshi.2026-03-03.0900', 404, 'SLOT_NOT_FOUND'],
  ])('answers %s with %s %s', async (_label, slotId, status, code) => {
    const res = await book(core, A, 'SS05', slotId);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('answers 404 ITEM_NOT_FOUND and 400 BAD_REQUEST for a bad personId', async () => {
    expect((await book(core, A, 'XX01', SLOT)).body.code).toBe('ITEM_NOT_FOUND');
    const bad = await core.call('POST', '/core/v1/bookings', { personId: 'someone', itemId: 'SS05', slotId: SLOT });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
  });

  it('answers a repeated requestId with the first booking and takes one seat only', async () => {
    const first = await book(core, A, 'SS05', SLOT, 'req-1');
    const again = await book(core, A, 'SS05', SLOT, 'req-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('x-idempotent-replay')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await remaining(core, SLOT)).toBe(9);
    const conflict = await book(core, A, 'SS05', 'city.shangshi.2026-03-03.0930', 'req-1');
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('IDEMPOTENCY_CONFLICT');
    // Another citizen's request id is their own.
    expect((await book(core, B, 'SS05', SLOT, 'req-1')).body.personId).toBe(B);
  });
});

describe('GET /core/v1/bookings', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  it('lists my bookings newest first, optionally only the active ones', async () => {
    const first = (await book(core, A, 'SS05', SLOT)).body;
    core.clock.advance(60_000);
    const second = (await book(core, A, 'SS01', SLOT)).body;
    await book(core, B, 'SS05', SLOT);
    await core.call('POST', `/core/v1/bookings/${first.id}/cancel`, { personId: A });
    const all = await core.call('GET', `/core/v1/bookings?personId=${A}`);
    expect(all.body.bookings.map((b: { id: string }) => b.id)).toEqual([second.id, first.id]);
    const active = await core.call('GET', `/core/v1/bookings?personId=${A}&active=true`);
    expect(active.body.bookings.map((b: { id: string }) => b.id)).toEqual([second.id]);
    expect((await core.call('GET', `/core/v1/bookings/${second.id}?personId=${A}`)).body).toEqual(second);
  });

  it("answers 404 BOOKING_NOT_FOUND for another citizen's booking on every operation", async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    const asB = [
      await core.call('GET', `/core/v1/bookings/${mine.id}?personId=${B}`),
      await core.call('POST', `/core/v1/bookings/${mine.id}/cancel`, { personId: B }),
      await core.call('POST', `/core/v1/bookings/${mine.id}/reschedule`, { personId: B, slotId: 'city.shangshi.2026-03-03.0930' }),
      await core.call('GET', `/core/v1/bookings/${mine.id}/ticket?personId=${B}`),
    ];
    const missing = await core.call('GET', `/core/v1/bookings/B2026030299999?personId=${B}`);
    for (const res of asB) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
    expect((await core.call('GET', `/core/v1/bookings?personId=${B}`)).body.bookings).toEqual([]);
    expect((await core.call('GET', `/core/v1/bookings/${mine.id}?personId=${A}`)).body.status).toBe('booked');
  });
});
