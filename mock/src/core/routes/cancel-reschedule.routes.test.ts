import { book, pid, remaining, setCapacity } from '../booking/booking.test-support';
import { startCore, type CoreHarness } from '../testing';

// Mon 2 Mar 2026, 09:00 in Jining.
const A = pid(1);
const B = pid(2);
const SLOT = 'city.shangshi.2026-03-03.0900';
const OTHER = 'city.shangshi.2026-03-03.1400';

describe('POST /core/v1/bookings/:id/cancel', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  it('frees the seat for the next citizen, and a second cancel answers BOOKING_NOT_ACTIVE', async () => {
    await setCapacity(core, SLOT, 1);
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    expect((await book(core, B, 'SS05', SLOT)).body.code).toBe('SLOT_FULL');
    const res = await core.call('POST', `/core/v1/bookings/${mine.id}/cancel`, { personId: A });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mine.id, status: 'cancelled', cancelledAt: '2026-03-02T01:00:00.000Z' });
    expect((await book(core, B, 'SS05', SLOT)).status).toBe(201);
    const again = await core.call('POST', `/core/v1/bookings/${mine.id}/cancel`, { personId: A });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'BOOKING_NOT_ACTIVE', status: 'cancelled' });
  });

  it('answers 409 CANCEL_TOO_LATE less than 2 hours before the start, with the deadline', async () => {
    const mine = (await book(core, A, 'SS05', 'city.shangshi.2026-03-02.1130')).body;
    core.clock.set(new Date('2026-03-02T01:30:00.000Z')); // 09:30: exactly the deadline, still allowed
    core.clock.advance(1000);
    const res = await core.call('POST', `/core/v1/bookings/${mine.id}/cancel`, { personId: A });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CANCEL_TOO_LATE', deadline: '2026-03-02T01:30:00.000Z' });
    expect((await core.call('GET', `/core/v1/bookings/${mine.id}?personId=${A}`)).body.status).toBe('booked');
  });
});

describe('POST /core/v1/bookings/:id/reschedule', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  it('moves the seat: the new slot loses one, the old one gets it back, the id stays', async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    // Another time on the same day for the same item: the moved booking does not block itself.
    const res = await core.call('POST', `/core/v1/bookings/${mine.id}/reschedule`, { personId: A, slotId: OTHER });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mine.id, slotId: OTHER, start: '14:00', end: '14:30', status: 'booked', rescheduledFrom: SLOT });
    expect(await remaining(core, SLOT)).toBe(10);
    expect(await remaining(core, OTHER)).toBe(9);
  });

  it('moves to another hall that handles the item, and to a weekend slot', async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    const res = await core.call('POST', `/core/v1/bookings/${mine.id}/reschedule`, { personId: A, slotId: 'qufu.shangshi.2026-03-07.0900' });
    expect(res.body).toMatchObject({ hallId: 'qufu', hallName: '曲阜市为民服务中心', slotKind: 'weekend', dayKind: 'weekend' });
  });

  it('keeps the original booking and both seat counts when the new slot is full', async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    await setCapacity(core, OTHER, 1);
    await book(core, B, 'SS05', OTHER);
    const res = await core.call('POST', `/core/v1/bookings/${mine.id}/reschedule`, { personId: A, slotId: OTHER });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SLOT_FULL');
    expect(res.body.nearest.length).toBeGreaterThan(0);
    expect((await core.call('GET', `/core/v1/bookings/${mine.id}?personId=${A}`)).body).toEqual(mine);
    expect(await remaining(core, SLOT)).toBe(9);
    expect(await remaining(core, OTHER)).toBe(0);
  });

  it('re-checks the rules for the new slot: window, daily limit, weekend', async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    await book(core, A, 'SS05', 'city.shangshi.2026-03-04.0900');
    const move = (slotId: string) => core.call('POST', `/core/v1/bookings/${mine.id}/reschedule`, { personId: A, slotId });
    expect((await move('city.shangshi.2026-03-10.0900')).body).toMatchObject({ code: 'OUTSIDE_BOOKING_WINDOW', reason: 'TOO_FAR' });
    expect((await move('city.shangshi.2026-03-04.1400')).body.code).toBe('DAILY_LIMIT');
    const pharmacy = (await book(core, A, 'SS07', 'city.shangshi.2026-03-05.0900')).body;
    const weekend = await core.call('POST', `/core/v1/bookings/${pharmacy.id}/reschedule`, { personId: A, slotId: 'city.shangshi.2026-03-07.0900' });
    expect(weekend.body.code).toBe('WEEKEND_NOT_OFFERED');
    expect((await core.call('GET', `/core/v1/bookings/${mine.id}?personId=${A}`)).body.slotId).toBe(SLOT);
  });

  it('answers CANCEL_TOO_LATE when the original slot is less than 2 hours away', async () => {
    const mine = (await book(core, A, 'SS05', 'city.shangshi.2026-03-02.1130')).body;
    core.clock.set(new Date('2026-03-02T02:00:00.000Z'));
    const res = await core.call('POST', `/core/v1/bookings/${mine.id}/reschedule`, { personId: A, slotId: OTHER });
    expect(res.body.code).toBe('CANCEL_TOO_LATE');
  });
});
