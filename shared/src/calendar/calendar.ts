import { addDays, isWeekend, shanghaiDate, type IsoDate } from './date';

/**
 * The official calendar as the core systems publish it: the State Council's holidays and the
 * make-up workdays (调休上班), plus a hall's own closures. Names are Chinese ('春节', '国庆节');
 * a make-up workday carries the name of the holiday it pays for.
 */
export interface CalendarData {
  holidays: Record<IsoDate, string>;
  workdays: Record<IsoDate, string>;
  /** Per-hall closures (设备检修, ...): the hall does not serve, but the legal clock keeps running. */
  closures?: Record<IsoDate, string>;
}

export const DAY_KINDS = ['workday', 'adjusted-workday', 'weekend', 'holiday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export const DAY_KIND_LABEL: Record<DayKind, string> = {
  workday: '工作日',
  'adjusted-workday': '调休上班',
  weekend: '周末',
  holiday: '节假日',
};

/** A published holiday wins over everything; a listed make-up workday turns a weekend day into one. */
export function dayKind(date: IsoDate, cal: CalendarData): DayKind {
  if (cal.holidays[date] !== undefined) return 'holiday';
  if (cal.workdays[date] !== undefined) return isWeekend(date) ? 'adjusted-workday' : 'workday';
  return isWeekend(date) ? 'weekend' : 'workday';
}

/**
 * A day the statutory and promised time limits count. Hall closures do not stop the legal clock
 * (they are the hall's problem, not the citizen's), so they are ignored here.
 */
export function isWorkingDay(date: IsoDate, cal: CalendarData): boolean {
  const kind = dayKind(date, cal);
  return kind === 'workday' || kind === 'adjusted-workday';
}

/** [from, to): the days from `from` up to the day before `to` stop the clock (补正, 特别程序). */
export type Pause = readonly [from: IsoDate, to: IsoDate];

const isPaused = (date: IsoDate, pauses: readonly Pause[]): boolean => pauses.some(([from, to]) => date >= from && date < to);

// A time limit is at most a few hundred working days; this bounds a walk over a calendar whose
// data would (wrongly) contain no working day at all.
const MAX_WALK_DAYS = 3660;

/**
 * The deadline of an n-working-day limit that starts on `start` (the day of 受理).
 * Convention (行政许可法 §82 style: 期间开始之日不计算在内): the start day itself is not counted;
 * the deadline is the n-th working day after it, and the whole of that day is still in time.
 * n = 0 is a 即办件: due on the start day itself.
 *
 * Worked examples with the 2026 calendar:
 * - accepted Fri 2026-02-13, n = 1 → Sat 2026-02-14 (调休上班 counts);
 *   n = 2 → Tue 2026-02-24 (春节 15–23 Feb is skipped).
 * - accepted Wed 2025-12-31, n = 1 → Sun 2026-01-04 (元旦 1–3 Jan skipped; 4 Jan is a workday);
 *   n = 2 → Mon 2026-01-05.
 * - accepted Fri 2026-09-18, n = 1 → Sun 2026-09-20 (调休); n = 5 → Fri 2026-09-25 is 中秋, so
 *   Mon 21, Tue 22, Wed 23, Thu 24 are 2–5 → Thu 2026-09-24.
 *
 * `pauses` extend the deadline: a paused working day is not counted.
 */
export function addWorkingDays(start: IsoDate, n: number, cal: CalendarData, pauses: readonly Pause[] = []): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let date = start;
  let counted = 0;
  for (let step = 0; counted < n; step += 1) {
    if (step > MAX_WALK_DAYS) throw new RangeError('calendar has no working days');
    date = addDays(date, 1);
    if (isWorkingDay(date, cal) && !isPaused(date, pauses)) counted += 1;
  }
  return date;
}

/**
 * Working days in (a, b]: after `a`, up to and including `b`. The inverse of addWorkingDays:
 * workingDaysBetween(s, addWorkingDays(s, n)) = n. Negative when `b` is before `a`.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, cal: CalendarData, pauses: readonly Pause[] = []): number {
  if (b < a) return -workingDaysBetween(b, a, cal, pauses);
  let count = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) {
    if (isWorkingDay(d, cal) && !isPaused(d, pauses)) count += 1;
  }
  return count;
}

/**
 * How many working days of a limit have been used by `now`, counting today in full: on the
 * deadline day of an n-day limit this is n (due today), the day after it is n + 1 (overdue).
 * `start` is the day of 受理 (a date, or the instant of acceptance).
 */
export function workingDaysElapsed(start: IsoDate | Date, now: Date, cal: CalendarData, pauses: readonly Pause[] = []): number {
  const startDate = typeof start === 'string' ? start : shanghaiDate(start);
  return Math.max(0, workingDaysBetween(startDate, shanghaiDate(now), cal, pauses));
}
