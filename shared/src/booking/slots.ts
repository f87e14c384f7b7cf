import { addDays, atShanghai, fromMinutes, isHhMm, isIsoDate, minutesOfDay, shanghaiDate, type HhMm, type IsoDate } from '../calendar/date';
import type { DayKind } from '../calendar/calendar';
import type { SlotCapacity, SlotKind, SlotRules, TimeRange } from './rules';

export interface SlotTemplate {
  date: IsoDate;
  start: HhMm;
  end: HhMm;
  kind: SlotKind;
  capacity: number;
}

export interface DaySlotsInput {
  date: IsoDate;
  dayKind: DayKind;
  /** The hall does not serve this day (closure from its override table). */
  closed: boolean;
  zoneOffersWeekend: boolean;
  zoneOffersAfterHours: boolean;
  rules: SlotRules;
  /** The zone's own seats per kind; `rules.capacity` for a kind it does not override. */
  capacity?: Partial<SlotCapacity>;
}

function split(date: IsoDate, ranges: readonly TimeRange[], kind: SlotKind, minutes: number, capacity: number): SlotTemplate[] {
  const out: SlotTemplate[] = [];
  for (const range of ranges) {
    const last = minutesOfDay(range.end);
    // A range that does not divide evenly drops its short tail rather than offer a half slot.
    for (let t = minutesOfDay(range.start); t + minutes <= last; t += minutes) {
      out.push({ date, start: fromMinutes(t), end: fromMinutes(t + minutes), kind, capacity });
    }
  }
  return out;
}

/**
 * The slots of one zone on one day. Workdays and make-up workdays (Sat 14 Feb 2026) have the
 * regular slots, plus 错时延时 if the zone offers it; weekends and holidays have only the
 * weekend-kind morning, and only for zones that offer it; a closed day has none.
 * With the defaults: 09:00–09:30 … 16:30–17:00 regular (13 slots), 12:00–13:30 and 17:00–19:00
 * after-hours (7 slots, last 18:30–19:00), weekend 09:00–12:00 (6 slots).
 */
export function generateDaySlots(input: DaySlotsInput): SlotTemplate[] {
  const { date, dayKind, closed, rules } = input;
  if (closed) return [];
  const seats = (kind: SlotKind): number => input.capacity?.[kind] ?? rules.capacity[kind];
  const m = rules.slotMinutes;
  let slots: SlotTemplate[];
  if (dayKind === 'workday' || dayKind === 'adjusted-workday') {
    slots = split(date, rules.regularHours, 'regular', m, seats('regular'));
    if (input.zoneOffersAfterHours) slots.push(...split(date, rules.afterHours, 'after-hours', m, seats('after-hours')));
  } else {
    slots = input.zoneOffersWeekend ? split(date, rules.weekendHours, 'weekend', m, seats('weekend')) : [];
  }
  return slots.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * Stable slot id: `${hallId}.${zoneId}.${date}.${HHmm}`, e.g. 'city.shangshi.2026-02-14.0930'.
 * Hall and zone ids never contain a dot. The kind is not in the id: it follows from the day
 * and the time, so an id stays the same when capacity or labels change.
 */
export function slotId(hallId: string, zoneId: string, date: IsoDate, start: HhMm): string {
  return `${hallId}.${zoneId}.${date}.${start.replace(':', '')}`;
}

export interface ParsedSlotId {
  hallId: string;
  zoneId: string;
  date: IsoDate;
  start: HhMm;
}

export function parseSlotId(id: string): ParsedSlotId | null {
  const m = /^([a-z0-9-]+)\.([a-z0-9-]+)\.(\d{4}-\d{2}-\d{2})\.(\d{2})(\d{2})$/.exec(id);
  if (!m) return null;
  const [, hallId = '', zoneId = '', date = '', hh = '', mm = ''] = m;
  const start = `${hh}:${mm}`;
  if (!isIsoDate(date) || !isHhMm(start)) return null;
  return { hallId, zoneId, date, start };
}

export type BookingWindowProblem = 'PAST' | 'TOO_SOON' | 'TOO_FAR';

/**
 * The bookable window at `now`: from `minLeadMinutes` ahead to the end of the day
 * `maxAheadDays` after today (Shanghai). At Mon 2 Mar 2026 09:00 with the defaults:
 * the earliest start is 11:00 the same day, the last bookable day is Mon 9 Mar.
 */
export function bookingWindow(now: Date, rules: SlotRules): { earliest: Date; latestDate: IsoDate } {
  return {
    earliest: new Date(now.getTime() + rules.minLeadMinutes * 60_000),
    latestDate: addDays(shanghaiDate(now), rules.maxAheadDays),
  };
}

/** null when a slot starting at `slotStart` can be booked at `now`. */
export function checkBookingWindow(slotStart: Date, now: Date, rules: SlotRules): BookingWindowProblem | null {
  if (slotStart.getTime() <= now.getTime()) return 'PAST';
  const { earliest, latestDate } = bookingWindow(now, rules);
  if (slotStart.getTime() < earliest.getTime()) return 'TOO_SOON';
  if (shanghaiDate(slotStart) > latestDate) return 'TOO_FAR';
  return null;
}

/** The last instant a booking can be cancelled or moved away: 2 h before a 14:00 slot is 12:00. */
export function cancelDeadline(slotStart: Date, rules: SlotRules): Date {
  return new Date(slotStart.getTime() - rules.cancelLeadMinutes * 60_000);
}

/** null when the booking can still be cancelled at `now` (at the deadline itself it still can). */
export function checkCancel(slotStart: Date, now: Date, rules: SlotRules): 'TOO_LATE' | null {
  return now.getTime() > cancelDeadline(slotStart, rules).getTime() ? 'TOO_LATE' : null;
}

/**
 * When a ticket admits its holder. PRODUCT.md: "valid from 30 minutes before to 15 minutes after
 * the slot". We read "after the slot" as after the slot's END: a citizen who arrives anywhere
 * inside their own 30-minute slot, or up to 15 minutes late for its end, is still served as
 * booked. For 09:00–09:30 that is 08:30 to 09:45, both included.
 */
export function checkInValidity(slotStart: Date, slotEnd: Date, rules: SlotRules): { validFrom: Date; validUntil: Date } {
  return {
    validFrom: new Date(slotStart.getTime() - rules.checkInBeforeMinutes * 60_000),
    validUntil: new Date(slotEnd.getTime() + rules.checkInAfterMinutes * 60_000),
  };
}

export function checkInWindow(slotStart: Date, slotEnd: Date, now: Date, rules: SlotRules): 'NOT_YET' | 'EXPIRED' | null {
  const { validFrom, validUntil } = checkInValidity(slotStart, slotEnd, rules);
  if (now.getTime() < validFrom.getTime()) return 'NOT_YET';
  if (now.getTime() > validUntil.getTime()) return 'EXPIRED';
  return null;
}

/** The instants of a slot template, for the window checks above. */
export function slotInstants(slot: { date: IsoDate; start: HhMm; end: HhMm }): { start: Date; end: Date } {
  return { start: atShanghai(slot.date, slot.start), end: atShanghai(slot.date, slot.end) };
}
