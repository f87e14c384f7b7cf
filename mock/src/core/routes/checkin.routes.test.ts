import { book, pid } from '../booking/booking.test-support';
import { startCore, type CoreHarness } from '../testing';

// Mon 2 Mar 2026, 09:00 in Jining.
const A = pid(1);
const B = pid(2);
const SLOT = 'city.shangshi.2026-03-03.0900';
const at = (iso: string) => new Date(iso);

describe('GET /core/v1/bookings/:id/ticket and POST /core/v1/checkin', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  const ticketFor = async (id: string) => (await core.call('GET', `/core/v1/bookings/${id}/ticket?personId=${A}`)).body;

  it('issues a signed ticket valid from 30 minutes before the slot to 15 minutes after its end', async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    const t = await ticketFor(mine.id);
    expect(t).toEqual({
      bookingId: mine.id,
      ticket: expect.stringMatching(/^JSB1\.[\w-]+\.[\w-]+$/),
      validFrom: '2026-03-03T00:30:00.000Z',
      validUntil: '2026-03-03T01:45:00.000Z',
    });

    core.clock.set(at('2026-03-03T00:29:00Z'));
    const early = await core.call('POST', '/core/v1/checkin', { ticket: t.ticket });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'TICKET_NOT_YET_VALID', validFrom: t.validFrom, validUntil: t.validUntil });

    core.clock.set(at('2026-03-03T00:45:00Z'));
    const ok = await core.call('POST', '/core/v1/checkin', { ticket: t.ticket });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: mine.id, status: 'checked-in', checkedInAt: '2026-03-03T00:45:00.000Z' });
    // A second scan answers the same check-in.
    expect((await core.call('POST', '/core/v1/checkin', { ticket: t.ticket })).body.checkedInAt).toBe('2026-03-03T00:45:00.000Z');
  });

  it('answers 409 TICKET_EXPIRED after the window', async () => {
    const t = await ticketFor((await book(core, A, 'SS05', SLOT)).body.id);
    core.clock.set(at('2026-03-03T01:46:00Z'));
    const res = await core.call('POST', '/core/v1/checkin', { ticket: t.ticket });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TICKET_EXPIRED', validUntil: '2026-03-03T01:45:00.000Z' });
  });

  it('answers 400 TICKET_INVALID for a tampered ticket, garbage, or a ticket from before a reschedule', async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    const t = await ticketFor(mine.id);
    const [v, payload, mac] = t.ticket.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.u = '2026-12-31T00:00:00.000Z';
    const tampered = [v, Buffer.from(JSON.stringify(forged)).toString('base64url'), mac].join('.');
    core.clock.set(at('2026-03-03T00:45:00Z'));
    for (const ticket of [tampered, `${t.ticket}x`, 'JSB1.e30.AAAA', 'hello']) {
      const res = await core.call('POST', '/core/v1/checkin', { ticket });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('TICKET_INVALID');
    }
    core.clock.set(at('2026-03-02T01:00:00Z'));
    await core.call('POST', `/core/v1/bookings/${mine.id}/reschedule`, { personId: A, slotId: 'city.shangshi.2026-03-03.0930' });
    core.clock.set(at('2026-03-03T00:45:00Z'));
    expect((await core.call('POST', '/core/v1/checkin', { ticket: t.ticket })).body.code).toBe('TICKET_INVALID');
    core.clock.set(at('2026-03-03T01:05:00Z')); // 09:05: inside the new 09:30 slot's window
    expect((await core.call('POST', '/core/v1/checkin', { ticket: (await ticketFor(mine.id)).ticket })).status).toBe(200);
  });

  it('refuses a cancelled booking: no ticket, and an old ticket does not admit', async () => {
    const mine = (await book(core, A, 'SS05', SLOT)).body;
    const t = await ticketFor(mine.id);
    await core.call('POST', `/core/v1/bookings/${mine.id}/cancel`, { personId: A });
    expect((await core.call('GET', `/core/v1/bookings/${mine.id}/ticket?personId=${A}`)).body.code).toBe('BOOKING_NOT_ACTIVE');
    core.clock.set(at('2026-03-03T00:45:00Z'));
    expect((await core.call('POST', '/core/v1/checkin', { ticket: t.ticket })).body).toMatchObject({ code: 'BOOKING_NOT_ACTIVE', status: 'cancelled' });
  });
});

describe('POST /core/v1/staff/close-day and GET /core/v1/citizens/:personId/standing', () => {
  let core: CoreHarness;
  beforeEach(async () => {
    core = await startCore();
  });
  afterEach(() => core.close());

  const standing = async (personId: string) => (await core.call('GET', `/core/v1/citizens/${personId}/standing`)).body;
  const closeDay = (date: string) => core.call('POST', '/core/v1/staff/close-day', { hallId: 'city', date });

  it('warns after the first no-show and suspends booking for 90 days after the second', async () => {
    expect(await standing(A)).toEqual({ noShows30d: 0, suspendedUntil: null, warning: false, activeBookings: 0 });
    await book(core, A, 'SS05', 'city.shangshi.2026-03-02.1130');
    const shown = (await book(core, B, 'SS05', 'city.shangshi.2026-03-02.1130')).body;
    core.clock.set(at('2026-03-02T03:20:00Z'));
    await core.call('POST', '/core/v1/checkin', { ticket: (await core.call('GET', `/core/v1/bookings/${shown.id}/ticket?personId=${B}`)).body.ticket });

    core.clock.set(at('2026-03-02T12:00:00Z')); // 20:00, the hall has closed
    expect((await closeDay('2026-03-02')).body).toEqual({ noShows: 1 });
    expect(await standing(A)).toEqual({ noShows30d: 1, suspendedUntil: null, warning: true, activeBookings: 0 });
    expect((await standing(B)).noShows30d).toBe(0);

    const second = await book(core, A, 'SS05', 'city.shangshi.2026-03-03.0900');
    expect(second.status).toBe(201);
    core.clock.set(at('2026-03-03T12:00:00Z'));
    expect((await closeDay('2026-03-03')).body).toEqual({ noShows: 1 });
    expect(await standing(A)).toEqual({ noShows30d: 2, suspendedUntil: '2026-06-01', warning: false, activeBookings: 0 });
    expect((await core.call('GET', `/core/v1/bookings/${second.body.id}?personId=${A}`)).body.status).toBe('no-show');

    const refused = await book(core, A, 'SS05', 'city.shangshi.2026-03-05.0900');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'BOOKING_SUSPENDED', until: '2026-06-01' });

    core.clock.set(at('2026-06-02T01:00:00Z'));
    expect((await standing(A)).suspendedUntil).toBeNull();
    expect((await book(core, A, 'SS05', 'city.shangshi.2026-06-03.0900')).status).toBe(201);
  });

  it('forgets a no-show after 30 days', async () => {
    await book(core, A, 'SS05', 'city.shangshi.2026-03-03.0900');
    core.clock.set(at('2026-03-03T12:00:00Z'));
    await closeDay('2026-03-03');
    core.clock.set(at('2026-04-02T01:00:00Z'));
    expect(await standing(A)).toMatchObject({ noShows30d: 0, warning: false });
  });

  it('refuses to close a day that has not started', async () => {
    const res = await closeDay('2026-03-03');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DAY_NOT_STARTED');
  });
});
