import { addDays, CoreRefusal, daysBetween, isIsoDate, shanghaiDate, type IsoDate } from '@jsb/shared';
import type { Standing } from '@jsb/shared';
import { badRequest } from '../errors';
import type { CoreState } from '../state';

/** The last day (inclusive) of a suspension still running on `today`, or null. */
export function suspendedUntil(state: CoreState, personId: string, today: IsoDate): IsoDate | null {
  const until = state.booking.suspendedUntil.get(personId);
  return until !== undefined && until >= today ? until : null;
}

export function ensureNotSuspended(state: CoreState, personId: string, now: Date): void {
  const until = suspendedUntil(state, personId, shanghaiDate(now));
  if (until) {
    throw new CoreRefusal(403, 'BOOKING_SUSPENDED', `因30天内2次预约未到，网上预约暂停至${until}；期间可直接到大厅取号办理`, { until });
  }
}

/** No-shows on a day within the window ending `today`: today and the 29 days before it, by default. */
function recentNoShows(dates: readonly IsoDate[], today: IsoDate, windowDays: number): number {
  return dates.filter((d) => d <= today && daysBetween(d, today) < windowDays).length;
}

export function activeBookingCount(state: CoreState, personId: string): number {
  let n = 0;
  for (const b of state.booking.bookings.values()) if (b.personId === personId && b.status === 'booked') n += 1;
  return n;
}

export function standingOf(state: CoreState, personId: string, now: Date): Standing {
  const { rules } = state.booking;
  const today = shanghaiDate(now);
  const noShows30d = recentNoShows(state.booking.noShows.get(personId) ?? [], today, rules.noShowWindowDays);
  const until = suspendedUntil(state, personId, today);
  return {
    noShows30d,
    suspendedUntil: until,
    warning: until === null && noShows30d > 0 && noShows30d >= rules.noShowsToSuspend - 1,
    activeBookings: activeBookingCount(state, personId),
  };
}

/**
 * Record a no-show on `date`. PRODUCT.md: two no-shows within 30 days suspend online booking for
 * 90 days, counted from the day of the second: a second no-show on 2026-03-09 suspends through
 * 2026-06-07 (inclusive) and booking opens again on 2026-06-08.
 */
function recordNoShow(state: CoreState, personId: string, date: IsoDate): void {
  const { rules } = state.booking;
  const dates = [...(state.booking.noShows.get(personId) ?? []), date];
  state.booking.noShows.set(personId, dates);
  if (recentNoShows(dates, date, rules.noShowWindowDays) < rules.noShowsToSuspend) return;
  const until = addDays(date, rules.suspensionDays);
  const current = state.booking.suspendedUntil.get(personId);
  if (current === undefined || current < until) state.booking.suspendedUntil.set(personId, until);
}

/** Staff close a hall's day: every booking still 'booked' for that date becomes a no-show. */
export function closeDay(state: CoreState, now: Date, hallId: string, date: string): { noShows: number } {
  state.catalog.ensureHall(hallId);
  if (!isIsoDate(date)) throw badRequest('date 应为 YYYY-MM-DD 格式的日期');
  if (date > shanghaiDate(now)) throw new CoreRefusal(409, 'DAY_NOT_STARTED', `${date}尚未到来，不能结束当天的预约`);
  let noShows = 0;
  for (const b of state.booking.bookings.values()) {
    if (b.hallId !== hallId || b.date !== date || b.status !== 'booked') continue;
    b.status = 'no-show';
    b.noShowAt = now.toISOString();
    recordNoShow(state, b.personId, date);
    noShows += 1;
  }
  return { noShows };
}
