import { addWorkingDays, isWorkingDay, workingDaysElapsed, type CalendarData, type Pause } from '../calendar/calendar';
import { addDays, shanghaiDate, type IsoDate } from '../calendar/date';

/** A pause of the legal clock (补正, 特别程序) as instants; `to` absent while it lasts. */
export interface ClockPause {
  from: string;
  to?: string;
}

export interface CountdownInput {
  /** the instant of 受理; absent before acceptance (the clock has not started) */
  acceptedAt?: string;
  /** the instant the result was issued (办结); the clock stops there */
  closedAt?: string;
  statutoryDays: number;
  promisedDays: number;
  pauses: readonly ClockPause[];
}

export interface LimitCountdown {
  limitDays: number;
  /** the last working day that is still in time (the whole day counts) */
  dueDate: IsoDate;
  remainingDays: number;
  overdueDays: number;
}

export interface Countdown {
  state: 'not-started' | 'running' | 'paused' | 'due-today' | 'overdue' | 'finished';
  /** working days counted so far (pauses excluded) */
  usedDays: number;
  pausedDays: number;
  paused: boolean;
  promised: LimitCountdown;
  statutory: LimitCountdown;
  /** for a finished case: was it done within the promised limit */
  onTime?: boolean;
}

/**
 * Days a pause stops the clock: from the day after it began up to the day before it ended, so the
 * day of 补正通知 still counts and the day the materials arrive counts again (the day something
 * happens is a working day of the case). A pause that is still on covers today too.
 * Example: paused Tue 3 Mar 10:00, resumed Fri 6 Mar → Wed 4 and Thu 5 do not count.
 */
export function pausesAsDays(pauses: readonly ClockPause[], now: Date): Pause[] {
  return pauses.map((p) => {
    const from = addDays(shanghaiDate(new Date(p.from)), 1);
    const to = p.to ? shanghaiDate(new Date(p.to)) : addDays(shanghaiDate(now), 1);
    return [from, to < from ? from : to] as const;
  });
}

function pausedWorkingDays(pauses: readonly Pause[], cal: CalendarData): number {
  let n = 0;
  for (const [from, to] of pauses) {
    for (let d = from; d < to; d = addDays(d, 1)) {
      if (isWorkingDay(d, cal)) n += 1;
    }
  }
  return n;
}

function limit(start: IsoDate, days: number, used: number, cal: CalendarData, pauses: readonly Pause[]): LimitCountdown {
  return { limitDays: days, dueDate: addWorkingDays(start, days, cal, pauses), remainingDays: Math.max(0, days - used), overdueDays: Math.max(0, used - days) };
}

/**
 * The working-day countdown of a case: how many of the promised and statutory working days are used,
 * what remains, whether it is overdue or paused. The start day of 受理 is not counted (see addWorkingDays).
 * `cal` must cover from the day of 受理 to past the statutory due date.
 */
export function caseCountdown(c: CountdownInput, now: Date, cal: CalendarData): Countdown | null {
  if (!c.acceptedAt) return null;
  const start = shanghaiDate(new Date(c.acceptedAt));
  const end = c.closedAt ? new Date(c.closedAt) : now;
  const pauses = pausesAsDays(c.pauses, end);
  const used = workingDaysElapsed(start, end, cal, pauses);
  const paused = !c.closedAt && c.pauses.some((p) => !p.to);
  const promised = limit(start, c.promisedDays, used, cal, pauses);
  const statutory = limit(start, c.statutoryDays, used, cal, pauses);
  const base = { usedDays: used, pausedDays: pausedWorkingDays(pauses, cal), paused, promised, statutory };
  if (c.closedAt) return { ...base, state: 'finished', onTime: used <= c.promisedDays };
  const state = paused ? 'paused' : used > c.promisedDays ? 'overdue' : used === c.promisedDays ? 'due-today' : 'running';
  return { ...base, state };
}
