import type { Appointment, AppointmentTicket, BookingStanding, Hall, ItemSummary, SlotsResponse, Theme } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, openid, signIn, type ErrBody } from '../support/http';
import { renew, verifiedCitizen } from '../support/citizens';

// a loaded 2-core CI machine: drawing the QR ticket alone took 4–6 s there, past jest's 5 s default
jest.setTimeout(30_000);

// Monday 9 February 2026, 08:00 in Jining; the week ahead holds Sat 14 Feb (调休上班) and the Spring Festival from 15 Feb.
const MONDAY_8AM = new Date('2026-02-09T00:00:00Z');

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'appointments', start: MONDAY_8AM });
  s.clock.freeze();
  s.clock.set(MONDAY_8AM);
});
afterAll(() => s.close());

type Citizen = Awaited<ReturnType<typeof verifiedCitizen>>;
const book = (c: Citizen, itemId: string, slotId: string, key?: string) =>
  call<Appointment & ErrBody>(s.bffUrl, 'POST', '/api/v1/appointments', {
    token: c.accessToken,
    body: { itemId, slotId },
    headers: key ? { 'idempotency-key': key } : {},
  });
const slots = (c: Citizen, q: string) => call<SlotsResponse & ErrBody>(s.bffUrl, 'GET', `/api/v1/slots?${q}`, { token: c.accessToken });
const setCapacity = (slotId: string, capacity: number) => call(s.coreUrl, 'POST', '/__mock/slots/capacity', { body: { slotId, capacity } });

describe('catalog', () => {
  it('lists the city hall with its 12 zones and the 14 county halls', async () => {
    const r = await call<{ halls: Hall[] }>(s.bffUrl, 'GET', '/api/v1/halls');
    expect(r.status).toBe(200);
    expect(r.body.halls).toHaveLength(15);
    expect(r.body.halls[0]?.zones.map((z) => z.name)).toEqual(
      expect.arrayContaining([
        '商事登记',
        '社会事务',
        '经贸交通',
        '基本建设',
        '公安服务',
        '公用事业',
        '惠企服务',
        '税务综合',
        '不动产登记',
        '公积金服务',
        '人社医保综合',
        '中介超市',
      ]),
    );
  });

  it('serves cacheable catalog answers with an ETag, and 304 when the client has it', async () => {
    const first = await call(s.bffUrl, 'GET', '/api/v1/items?hallId=city');
    expect(first.headers.get('cache-control')).toContain('max-age');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await call(s.bffUrl, 'GET', '/api/v1/items?hallId=city', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('has at least 40 items over every zone, each with its materials and limits', async () => {
    const r = await call<{ items: ItemSummary[] }>(s.bffUrl, 'GET', '/api/v1/items?hallId=city');
    expect(r.body.items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(r.body.items.map((i) => i.zoneId)).size).toBe(12);
    const item = await call<{ materials: unknown[]; statutoryDays: number; promisedDays: number }>(s.bffUrl, 'GET', '/api/v1/items/SS05');
    expect(item.body.materials.length).toBeGreaterThan(2);
    expect(item.body.promisedDays).toBeLessThanOrEqual(item.body.statutoryDays * 0.25);
    const search = await call<{ items: ItemSummary[] }>(s.bffUrl, 'GET', `/api/v1/items?q=${encodeURIComponent('身份证')}`);
    expect(search.body.items.map((i) => i.id)).toContain('GA01');
  });

  it('merges a theme into one checklist without duplicates', async () => {
    const list = await call<{ themes: { id: string; name: string }[] }>(s.bffUrl, 'GET', '/api/v1/themes');
    expect(list.body.themes.length).toBeGreaterThanOrEqual(3);
    const restaurant = list.body.themes.find((t) => t.name === '我要开饭店')!;
    const theme = await call<Theme>(s.bffUrl, 'GET', `/api/v1/themes/${restaurant.id}`);
    const names = theme.body.materials.map((m) => `${m.name}|${m.form}`);
    expect(new Set(names).size).toBe(names.length);
    expect(theme.body.materials.some((m) => m.forItems.length > 1)).toBe(true);
  });

  it('answers NOT_FOUND in Chinese for an unknown item', async () => {
    const r = await call<ErrBody>(s.bffUrl, 'GET', '/api/v1/items/NOPE99');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这个事项。' });
  });
});

describe('GET /api/v1/slots', () => {
  let c: Citizen;
  beforeAll(async () => {
    c = await verifiedCitizen(s);
  });

  it('labels each day: 工作日, 调休上班 on Sat 14 Feb, 节假日 for the Spring Festival', async () => {
    const r = await slots(c, 'hallId=city&itemId=SS01&from=2026-02-09&to=2026-02-16');
    expect(r.status).toBe(200);
    const kind = Object.fromEntries(r.body.days.map((d) => [d.date, d.kind]));
    expect(kind['2026-02-09']).toBe('workday');
    expect(kind['2026-02-14']).toBe('adjusted-workday');
    expect(kind['2026-02-15']).toBe('holiday');
    const sat = r.body.days.find((d) => d.date === '2026-02-14')!;
    expect(sat.slots.some((x) => x.kind === 'regular' && x.start === '13:30')).toBe(true);
    expect(sat.slots.some((x) => x.kind === 'after-hours' && x.start === '17:00')).toBe(true);
    const festival = r.body.days.find((d) => d.date === '2026-02-16')!;
    expect(festival.slots.every((x) => x.kind === 'weekend' && x.start >= '09:00' && x.end <= '12:00')).toBe(true);
  });

  it('marks slots closer than 2 hours as not bookable', async () => {
    const r = await slots(c, 'hallId=city&itemId=SS01&from=2026-02-09&to=2026-02-09');
    const nine = r.body.days[0]!.slots.find((x) => x.start === '09:00')!;
    expect(nine).toMatchObject({ bookable: false, reason: 'TOO_SOON' });
    const ten = r.body.days[0]!.slots.find((x) => x.start === '10:00')!;
    expect(ten.bookable).toBe(true);
  });

  it('needs a signed-in citizen', async () => {
    const r = await call<ErrBody>(s.bffUrl, 'GET', '/api/v1/slots?hallId=city&itemId=SS01');
    expect(r.status).toBe(401);
  });
});

describe('POST /api/v1/appointments', () => {
  it('books a slot, and an Idempotency-Key replay returns the same booking without taking a second seat', async () => {
    const c = await verifiedCitizen(s);
    const slotId = 'city.shehui.2026-02-10.1000';
    const before = (await slots(c, 'hallId=city&zoneId=shehui&from=2026-02-10&to=2026-02-10')).body.days[0]!.slots.find((x) => x.id === slotId)!;
    const a = await book(c, 'SH01', slotId, 'key-replay-0001');
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ itemId: 'SH01', slotId, status: 'booked', date: '2026-02-10', start: '10:00', canChange: true });
    const b = await book(c, 'SH01', slotId, 'key-replay-0001');
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    const mine = await call<{ appointments: Appointment[] }>(s.bffUrl, 'GET', '/api/v1/appointments', { token: c.accessToken });
    expect(mine.body.appointments).toHaveLength(1);
    const after = (await slots(c, 'hallId=city&zoneId=shehui&from=2026-02-10&to=2026-02-10')).body.days[0]!.slots.find((x) => x.id === slotId)!;
    expect(after.remaining).toBe(before.remaining - 1);
    expect(a.text).not.toContain('personId');
  });

  it('answers REAL_NAME_REQUIRED with the way to verify', async () => {
    const t = await signIn(s, openid());
    const r = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/appointments', {
      token: t.accessToken,
      body: { itemId: 'SH01', slotId: 'city.shehui.2026-02-10.1030' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('REAL_NAME_REQUIRED');
    expect(r.body.error.hint).toContain('实名认证');
  });

  it('answers SLOT_FULL with the nearest free slots in the hint and details', async () => {
    const slotId = 'city.gongan.2026-02-11.1400';
    await setCapacity(slotId, 1);
    const first = await verifiedCitizen(s);
    expect((await book(first, 'GA05', slotId)).status).toBe(201);
    const second = await verifiedCitizen(s);
    const r = await book(second, 'GA05', slotId);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SLOT_FULL');
    const nearest = r.body.error.details!.nearest as { slotId: string; start: string }[];
    expect(nearest.length).toBeGreaterThan(0);
    expect(r.body.error.hint).toContain(nearest[0]!.start);
    // the suggestion really is bookable
    expect((await book(second, 'GA05', nearest[0]!.slotId)).status).toBe(201);
  });

  it('offers a seat freed by a cancellation at once, though the slot was just called full', async () => {
    const slotId = 'city.gongan.2026-02-12.1500';
    await setCapacity(slotId, 1);
    const first = await verifiedCitizen(s);
    const held = await book(first, 'GA05', slotId);
    expect(held.status).toBe(201);
    const second = await verifiedCitizen(s);
    // twice within a second: the second answer is the bff's memory of the core's SLOT_FULL, with the same nearest slots
    const [a, b] = [await book(second, 'GA05', slotId), await book(second, 'GA05', slotId)];
    expect([a.body.error.code, b.body.error.code]).toEqual(['SLOT_FULL', 'SLOT_FULL']);
    expect(b.body.error.details).toEqual(a.body.error.details);
    const cancelled = await call<Appointment>(s.bffUrl, 'POST', `/api/v1/appointments/${held.body.id}/cancel`, { token: first.accessToken });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await book(second, 'GA05', slotId)).status).toBe(201);
  });

  it('answers 30 citizens pressing 预约 at once for a 3-seat slot: 3 booked, every other one SLOT_FULL with the nearest free slots', async () => {
    const slotId = 'city.gongan.2026-02-13.1000';
    await setCapacity(slotId, 3);
    const citizens = await Promise.all(Array.from({ length: 30 }, () => verifiedCitizen(s)));
    const answers = await Promise.all(citizens.map((c) => book(c, 'GA05', slotId)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.body.error.code)).toEqual(Array.from({ length: 27 }, () => 'SLOT_FULL'));
    for (const r of refused) expect((r.body.error.details!.nearest as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers OUTSIDE_BOOKING_WINDOW for a slot less than 2 hours ahead and one beyond 7 days', async () => {
    const c = await verifiedCitizen(s);
    const soon = await book(c, 'SH01', 'city.shehui.2026-02-09.0930');
    expect(soon.status).toBe(422);
    expect(soon.body.error.code).toBe('OUTSIDE_BOOKING_WINDOW');
    expect(soon.body.error.hint).toContain('10:00');
    const far = await book(c, 'SH01', 'city.shehui.2026-02-18.0900');
    expect(far.body.error.code).toBe('OUTSIDE_BOOKING_WINDOW');
  });

  it('answers DAILY_LIMIT for a second booking of the same item on one day, ACTIVE_LIMIT for a fourth', async () => {
    const c = await verifiedCitizen(s);
    expect((await book(c, 'RS01', 'city.renshe.2026-02-12.0900')).status).toBe(201);
    const same = await book(c, 'RS01', 'city.renshe.2026-02-12.1500');
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('DAILY_LIMIT');
    expect((await book(c, 'RS02', 'city.renshe.2026-02-12.1000')).status).toBe(201);
    expect((await book(c, 'GA05', 'city.gongan.2026-02-12.1000')).status).toBe(201);
    const fourth = await book(c, 'SS01', 'city.shangshi.2026-02-12.1000');
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe('ACTIVE_LIMIT');
    expect(fourth.body.error.hint).toContain('取消');
  });

  it('answers HALL_CLOSED on a closed day and WEEKEND_NOT_OFFERED for an item without weekend booking', async () => {
    const c = await verifiedCitizen(s);
    await call(s.coreUrl, 'POST', '/__mock/calendar/overrides', { body: { hallId: 'city', date: '2026-02-13', closed: true, reason: '设备检修' } });
    const closed = await book(c, 'SH01', 'city.shehui.2026-02-13.1000');
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('HALL_CLOSED');
    expect(closed.body.error.message).toContain('设备检修');
    const holiday = await book(c, 'SS04', 'city.shangshi.2026-02-15.0900');
    expect(['WEEKEND_NOT_OFFERED', 'HALL_CLOSED']).toContain(holiday.body.error.code);
    expect(holiday.status).toBeGreaterThanOrEqual(409);
  });
});

describe("another citizen's appointment", () => {
  it('answers 404 to every operation', async () => {
    const owner = await verifiedCitizen(s);
    const a = await book(owner, 'GA02', 'city.gongan.2026-02-10.1100');
    expect(a.status).toBe(201);
    const other = await verifiedCitizen(s);
    const id = a.body.id;
    const attempts = [
      call<ErrBody>(s.bffUrl, 'GET', `/api/v1/appointments/${id}`, { token: other.accessToken }),
      call<ErrBody>(s.bffUrl, 'GET', `/api/v1/appointments/${id}/ticket`, { token: other.accessToken }),
      call<ErrBody>(s.bffUrl, 'POST', `/api/v1/appointments/${id}/cancel`, { token: other.accessToken }),
      call<ErrBody>(s.bffUrl, 'POST', `/api/v1/appointments/${id}/reschedule`, { token: other.accessToken, body: { slotId: 'city.gongan.2026-02-10.1130' } }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
    // and the owner's booking is untouched
    const mine = await call<Appointment>(s.bffUrl, 'GET', `/api/v1/appointments/${id}`, { token: owner.accessToken });
    expect(mine.body).toMatchObject({ status: 'booked', slotId: 'city.gongan.2026-02-10.1100' });
  });
});

describe('cancel, reschedule, ticket', () => {
  it('reschedules by moving the seat: the new slot loses one, the old one gets it back', async () => {
    const c = await verifiedCitizen(s);
    const q = 'hallId=city&zoneId=budongchan&from=2026-02-11&to=2026-02-11';
    const seat = (r: SlotsResponse, id: string) => r.days[0]!.slots.find((x) => x.id === id)!.remaining;
    const a = await book(c, 'BD01', 'city.budongchan.2026-02-11.0900');
    expect(a.status).toBe(201);
    const mid = (await slots(c, q)).body;
    const moved = await call<Appointment>(s.bffUrl, 'POST', `/api/v1/appointments/${a.body.id}/reschedule`, {
      token: c.accessToken,
      body: { slotId: 'city.budongchan.2026-02-11.1000' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: a.body.id, start: '10:00', status: 'booked' });
    const after = (await slots(c, q)).body;
    expect(seat(after, 'city.budongchan.2026-02-11.0900')).toBe(seat(mid, 'city.budongchan.2026-02-11.0900') + 1);
    expect(seat(after, 'city.budongchan.2026-02-11.1000')).toBe(seat(mid, 'city.budongchan.2026-02-11.1000') - 1);
  });

  it('keeps the original booking when the new slot is full', async () => {
    const c = await verifiedCitizen(s);
    await setCapacity('city.budongchan.2026-02-11.1500', 0);
    const a = await book(c, 'BD01', 'city.budongchan.2026-02-11.1400');
    const r = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/appointments/${a.body.id}/reschedule`, {
      token: c.accessToken,
      body: { slotId: 'city.budongchan.2026-02-11.1500' },
    });
    expect(r.body.error.code).toBe('SLOT_FULL');
    const still = await call<Appointment>(s.bffUrl, 'GET', `/api/v1/appointments/${a.body.id}`, { token: c.accessToken });
    expect(still.body).toMatchObject({ status: 'booked', start: '14:00' });
  });

  it('issues a QR ticket valid from 30 minutes before to 15 minutes after the slot', async () => {
    const c = await verifiedCitizen(s);
    const a = await book(c, 'GA04', 'city.gongan.2026-02-10.0900');
    const t = await call<AppointmentTicket>(s.bffUrl, 'GET', `/api/v1/appointments/${a.body.id}/ticket`, { token: c.accessToken });
    expect(t.status).toBe(200);
    expect(t.body.qrPng.startsWith('data:image/png;base64,')).toBe(true);
    expect(new Date(t.body.validFrom).toISOString()).toBe('2026-02-10T00:30:00.000Z'); // 08:30 in Jining
    expect(new Date(t.body.validUntil).toISOString()).toBe('2026-02-10T01:45:00.000Z'); // 09:45
  });

  it('cancels up to 2 hours before, and answers CANCEL_TOO_LATE after that', async () => {
    const c = await verifiedCitizen(s);
    const early = await book(c, 'SH02', 'city.shehui.2026-02-09.1600');
    const late = await book(c, 'SH03', 'city.shehui.2026-02-09.1100');
    expect(early.status).toBe(201);
    expect(late.status).toBe(201);
    const ok = await call<Appointment>(s.bffUrl, 'POST', `/api/v1/appointments/${early.body.id}/cancel`, { token: c.accessToken });
    expect(ok.body.status).toBe('cancelled');
    s.clock.advance(90 * 60_000); // 09:30: the 11:00 slot is 1.5 hours away
    await renew(s, c);
    try {
      const r = await call<ErrBody>(s.bffUrl, 'POST', `/api/v1/appointments/${late.body.id}/cancel`, { token: c.accessToken });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('CANCEL_TOO_LATE');
      expect(r.body.error.hint).toContain('大厅');
    } finally {
      s.clock.set(MONDAY_8AM);
    }
  });
});

describe('no-shows', () => {
  it('warns after the first no-show and suspends online booking after the second, showing the end date', async () => {
    const c = await verifiedCitizen(s);
    const day1 = await book(c, 'GA03', 'city.gongan.2026-02-10.1500');
    expect(day1.status).toBe(201);
    s.clock.set(new Date('2026-02-10T12:00:00Z')); // 20:00 on the 10th
    await call(s.coreUrl, 'POST', '/core/v1/staff/close-day', {
      body: { hallId: 'city', date: '2026-02-10' },
      headers: await staffHeaders('/core/v1/staff/close-day', { hallId: 'city', date: '2026-02-10' }),
    });
    await renew(s, c);
    const st1 = await call<BookingStanding>(s.bffUrl, 'GET', '/api/v1/me/booking-standing', { token: c.accessToken });
    expect(st1.body).toMatchObject({ noShows30d: 1, warning: true, suspendedUntil: null });

    const day2 = await book(c, 'GA03', 'city.gongan.2026-02-11.1500');
    expect(day2.status).toBe(201);
    s.clock.set(new Date('2026-02-11T12:00:00Z'));
    await call(s.coreUrl, 'POST', '/core/v1/staff/close-day', {
      body: { hallId: 'city', date: '2026-02-11' },
      headers: await staffHeaders('/core/v1/staff/close-day', { hallId: 'city', date: '2026-02-11' }),
    });
    await renew(s, c);
    const st2 = await call<BookingStanding>(s.bffUrl, 'GET', '/api/v1/me/booking-standing', { token: c.accessToken });
    expect(st2.body.noShows30d).toBe(2);
    expect(st2.body.suspendedUntil).toBe('2026-05-12');
    const refused = await book(c, 'GA05', 'city.gongan.2026-02-12.1000');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('BOOKING_SUSPENDED');
    expect(refused.body.error.message).toContain('5月12日');
    expect(refused.body.error.details).toEqual({ until: '2026-05-12' });
    s.clock.set(MONDAY_8AM);
  });
});

/** The staff desk is a core client too: it signs like the bff does. */
async function staffHeaders(path: string, body: unknown): Promise<Record<string, string>> {
  const { signCoreHeaders } = await import('@jsb/bff');
  return signCoreHeaders({
    secret: s.config.CORE_HMAC_SECRET,
    clientId: s.config.CORE_CLIENT_ID,
    method: 'POST',
    pathWithQuery: path,
    body: JSON.stringify(body),
    nowMs: Date.now(),
  });
}
