import chineseDays from 'chinese-days/dist/chinese-days.json';
import { dateRange, dayKind, type CalendarData, type IsoDate } from '@jsb/shared';
import type { CalendarDay } from '@jsb/shared';

/**
 * The official calendar: the `chinese-days` dataset (State Council notices 2004–2026, maintained
 * upstream), plus an override table for closures and for years not yet published.
 */
export interface CalendarOverride {
  /** Absent: every hall (e.g. next year's holidays before the dataset has them). */
  hallId?: string;
  date: IsoDate;
  kind?: 'holiday' | 'workday';
  closed?: boolean;
  reason: string;
}

/** The dataset writes "Spring Festival,春节,4": English, Chinese, length in days. */
function chineseNames(raw: Record<string, string>): Map<IsoDate, string> {
  return new Map(Object.entries(raw).map(([date, label]) => [date, label.split(',')[1] ?? label]));
}

const OFFICIAL_HOLIDAYS = chineseNames(chineseDays.holidays);
const OFFICIAL_WORKDAYS = chineseNames(chineseDays.workdays);

const appliesTo = (o: CalendarOverride, hallId: string | undefined): boolean => o.hallId === undefined || o.hallId === hallId;

/**
 * The calendar of one hall over [from, to]: official days, then city-wide overrides, then the
 * hall's own, later entries winning. Only the dates in range are listed, so a 62-day request
 * stays small.
 */
export function calendarFor(overrides: readonly CalendarOverride[], hallId: string | undefined, from: IsoDate, to: IsoDate): Required<CalendarData> {
  const cal: Required<CalendarData> = { holidays: {}, workdays: {}, closures: {} };
  const relevant = [...overrides.filter((o) => o.hallId === undefined), ...overrides.filter((o) => o.hallId !== undefined && appliesTo(o, hallId))];
  for (const date of dateRange(from, to)) {
    const holiday = OFFICIAL_HOLIDAYS.get(date);
    const workday = OFFICIAL_WORKDAYS.get(date);
    if (holiday !== undefined) cal.holidays[date] = holiday;
    if (workday !== undefined) cal.workdays[date] = workday;
    for (const o of relevant) {
      if (o.date !== date) continue;
      if (o.kind === 'holiday') {
        cal.holidays[date] = o.reason;
        delete cal.workdays[date];
      } else if (o.kind === 'workday') {
        delete cal.holidays[date];
        cal.workdays[date] = o.reason;
      }
      if (o.closed === true) cal.closures[date] = o.reason;
      if (o.closed === false) delete cal.closures[date];
    }
  }
  return cal;
}

export function describeDay(date: IsoDate, cal: Required<CalendarData>): CalendarDay {
  const kind = dayKind(date, cal);
  const holidayName = kind === 'holiday' ? cal.holidays[date] : kind === 'adjusted-workday' ? cal.workdays[date] : undefined;
  const closedReason = cal.closures[date];
  return {
    date,
    kind,
    ...(holidayName !== undefined ? { holidayName } : {}),
    closed: closedReason !== undefined,
    ...(closedReason !== undefined ? { closedReason } : {}),
  };
}
