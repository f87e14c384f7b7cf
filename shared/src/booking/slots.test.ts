import { atShanghai } from '../calendar/date';
import { dayKind } from '../calendar/calendar';
import { CAL_2026 } from '../calendar/fixtures.test-data';
import { DEFAULT_SLOT_RULES as RULES, SLOT_KIND_LABEL } from './rules';
import { checkBookingWindow, checkCancel, checkInValidity, checkInWindow, generateDaySlots, parseSlotId, slotId } from './slots';

const day = (date: string, zone: { weekend?: boolean; afterHours?: boolean; closed?: boolean } = {}) =>
  generateDaySlots({
    date,
    dayKind: dayKind(date, CAL_2026),
    closed: zone.closed ?? false,
    zoneOffersWeekend: zone.weekend ?? true,
    zoneOffersAfterHours: zone.afterHours ?? true,
    rules: RULES,
  });

describe('generateDaySlots', () => {
  it('opens a workday at 09:00 and closes regular service with 16:30–17:00, after-hours with 18:30–19:00', () => {
    const slots = day('2026-03-02');
    const regular = slots.filter((s) => s.kind === 'regular');
    const after = slots.filter((s) => s.kind === 'after-hours');
    expect(slots[0]).toEqual({ date: '2026-03-02', start: '09:00', end: '09:30', kind: 'regular', capacity: 6 });
    expect(regular).toHaveLength(13);
    expect(regular.at(-1)).toMatchObject({ start: '16:30', end: '17:00' });
    expect(after.map((s) => s.start)).toEqual(['12:00', '12:30', '13:00', '17:00', '17:30', '18:00', '18:30']);
    expect(slots.at(-1)).toMatchObject({ start: '18:30', end: '19:00', kind: 'after-hours', capacity: 3 });
    expect(slots.map((s) => s.start)).toEqual([...slots.map((s) => s.start)].sort());
  });

  it('leaves out 错时延时 for a zone without it', () => {
    expect(day('2026-03-02', { afterHours: false }).every((s) => s.kind === 'regular')).toBe(true);
  });

  it.each(['2026-02-14', '2026-02-28', '2026-10-10', '2026-09-20', '2026-01-04'])('serves full weekday slots on the make-up workday %s', (date) => {
    const slots = day(date, { weekend: false });
    expect(slots.filter((s) => s.kind === 'regular')).toHaveLength(13);
    expect(slots.filter((s) => s.kind === 'after-hours')).toHaveLength(7);
    expect(slots.some((s) => s.kind === 'weekend')).toBe(false);
  });

  it('offers only the weekend-kind morning on a holiday, and only where the zone offers it', () => {
    const slots = day('2026-02-16');
    expect(slots.map((s) => `${s.start}-${s.end}`)).toEqual(['09:00-09:30', '09:30-10:00', '10:00-10:30', '10:30-11:00', '11:00-11:30', '11:30-12:00']);
    expect(slots.every((s) => s.kind === 'weekend' && s.capacity === 4)).toBe(true);
    expect(SLOT_KIND_LABEL[slots[0]!.kind]).toBe('周末/节假日预约');
    expect(day('2026-02-16', { weekend: false })).toEqual([]);
    expect(day('2026-10-03', { weekend: false })).toEqual([]);
    expect(day('2026-03-01')).toHaveLength(6);
  });

  it('has no slots on a closed day, and takes a zone capacity override', () => {
    expect(day('2026-03-06', { closed: true })).toEqual([]);
    const slots = generateDaySlots({
      date: '2026-03-02',
      dayKind: 'workday',
      closed: false,
      zoneOffersWeekend: false,
      zoneOffersAfterHours: true,
      rules: RULES,
      capacity: { regular: 10 },
    });
    expect(slots.find((s) => s.kind === 'regular')?.capacity).toBe(10);
    expect(slots.find((s) => s.kind === 'after-hours')?.capacity).toBe(3);
  });
});

describe('slot ids', () => {
  it('round-trips hall, zone, date and start', () => {
    const id = slotId('city', 'shangshi', '2026-02-14', '09:30');
    expect(id).toBe('city.shangshi.2026-02-14.0930');
    expect(parseSlotId(id)).toEqual({ hallId: 'city', zoneId: 'shangshi', date: '2026-02-14', start: '09:30' });
    expect(parseSlotId('city.shangshi.2026-02-30.0930')).toBeNull();
    expect(parseSlotId('city.shangshi.2026-02-14.2530')).toBeNull();
    expect(parseSlotId('nonsense')).toBeNull();
  });
});

describe('booking, cancel and check-in windows', () => {
  const mondayNine = atShanghai('2026-03-02', '09:00');

  it('books from 2 hours ahead up to the 7th day after today', () => {
    expect(checkBookingWindow(atShanghai('2026-03-02', '08:30'), mondayNine, RULES)).toBe('PAST');
    expect(checkBookingWindow(mondayNine, mondayNine, RULES)).toBe('PAST');
    expect(checkBookingWindow(atShanghai('2026-03-02', '10:30'), mondayNine, RULES)).toBe('TOO_SOON');
    expect(checkBookingWindow(atShanghai('2026-03-02', '11:00'), mondayNine, RULES)).toBeNull();
    expect(checkBookingWindow(atShanghai('2026-03-09', '18:30'), mondayNine, RULES)).toBeNull();
    expect(checkBookingWindow(atShanghai('2026-03-10', '09:00'), mondayNine, RULES)).toBe('TOO_FAR');
  });

  it('counts "7 days ahead" in Shanghai days across the New Year', () => {
    const nye = atShanghai('2025-12-31', '23:30');
    expect(checkBookingWindow(atShanghai('2026-01-07', '09:00'), nye, RULES)).toBeNull();
    expect(checkBookingWindow(atShanghai('2026-01-08', '09:00'), nye, RULES)).toBe('TOO_FAR');
  });

  it('cancels up to exactly 2 hours before the start', () => {
    const start = atShanghai('2026-03-02', '14:00');
    expect(checkCancel(start, atShanghai('2026-03-02', '12:00'), RULES)).toBeNull();
    expect(checkCancel(start, new Date(atShanghai('2026-03-02', '12:00').getTime() + 1000), RULES)).toBe('TOO_LATE');
  });

  it('admits a ticket from 30 minutes before the start to 15 minutes after the end', () => {
    const start = atShanghai('2026-03-02', '09:00');
    const end = atShanghai('2026-03-02', '09:30');
    const { validFrom, validUntil } = checkInValidity(start, end, RULES);
    expect(validFrom.toISOString()).toBe(atShanghai('2026-03-02', '08:30').toISOString());
    expect(validUntil.toISOString()).toBe(atShanghai('2026-03-02', '09:45').toISOString());
    expect(checkInWindow(start, end, atShanghai('2026-03-02', '08:29'), RULES)).toBe('NOT_YET');
    expect(checkInWindow(start, end, validFrom, RULES)).toBeNull();
    expect(checkInWindow(start, end, validUntil, RULES)).toBeNull();
    expect(checkInWindow(start, end, atShanghai('2026-03-02', '09:46'), RULES)).toBe('EXPIRED');
  });
});
