import { shanghaiDate, shanghaiTime, weekday, type IsoDate } from './date';

/**
 * The one set of date and time words a citizen reads, on every screen, in every refusal and in WeChat messages:
 * all in Asia/Shanghai, from 'YYYY-MM-DD' dates or instants, never by adding 8 hours by hand.
 */

const WEEKDAY_TEXT = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const asInstant = (at: Date | string): Date => (typeof at === 'string' ? new Date(at) : at);

/** '2026-03-12' → '3月12日' */
export function monthDayText(date: IsoDate): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

/** '2026-03-12' → '2026年3月12日' */
export function fullDateText(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${monthDayText(date)}`;
}

/** '2026-02-16' → '周一' */
export function weekdayText(date: IsoDate): string {
  return WEEKDAY_TEXT[weekday(date)] ?? '';
}

/** An instant as '3月5日 10:00' in Jining */
export function momentText(at: Date | string): string {
  const t = asInstant(at);
  return `${monthDayText(shanghaiDate(t))} ${shanghaiTime(t)}`;
}

/** An instant as '2026年3月2日 10:05' in Jining */
export function fullMomentText(at: Date | string): string {
  const t = asInstant(at);
  return `${fullDateText(shanghaiDate(t))} ${shanghaiTime(t)}`;
}
