/**
 * Calendar dates and clock times in Asia/Shanghai (UTC+8 all year: China has had no daylight
 * saving time since 1991), without Intl or the host's time zone. Dates are 'YYYY-MM-DD' strings,
 * times 'HH:mm'. Nothing here reads the clock: the current instant is always a parameter.
 */

/** 'YYYY-MM-DD', a calendar day in Asia/Shanghai. */
export type IsoDate = string;
/** 'HH:mm', a wall-clock time in Asia/Shanghai. */
export type HhMm = string;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar day ('2026-02-30' is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  // parsed as ISO text: Date.UTC would read the years 0000–0099 as 1900–1999 and refuse real dates that addDays accepts
  const utc = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(utc.getTime()) && utc.toISOString().slice(0, 10) === value;
}

export function isHhMm(value: unknown): value is HhMm {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

function utcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** The Shanghai calendar day of an instant: 2026-02-13T16:30Z is already '2026-02-14'. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time of an instant, 'HH:mm'. */
export function shanghaiTime(instant: Date): HhMm {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant of `time` on `date` in Shanghai: atShanghai('2026-02-14', '09:00') = 2026-02-14T01:00Z. */
export function atShanghai(date: IsoDate, time: HhMm): Date {
  if (!isHhMm(time)) throw new RangeError(`not a time of day: ${time}`);
  return new Date(utcMidnight(date) + minutesOfDay(time) * 60_000 - SHANGHAI_OFFSET_MS);
}

export function minutesOfDay(time: HhMm): number {
  const m = TIME_PATTERN.exec(time);
  if (!m) throw new RangeError(`not a time of day: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function fromMinutes(minutes: number): HhMm {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekday(date: IsoDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/** Whole days from `a` to `b`: daysBetween('2026-02-14', '2026-02-24') = 10; negative if b is earlier. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
