import { shanghaiDate, type IsoDate } from '../calendar/date';

/**
 * The 好差评 window: a closed case may be rated up to its `ratingDeadline` (the CASE_RULES.ratingWindowDays-th working
 * day after the day of closing, inclusive; the core works it out with its calendar). One check for the core, the bff and
 * the app, so none of them judges the last day differently.
 */
export interface RatingWindowProblem {
  kind: 'not-closed' | 'window-closed';
  /** the last day a rating was accepted, when there is one */
  deadline?: IsoDate;
}

/**
 * null when a rating made at `at` is in time for this case; otherwise why not.
 *
 *   checkRatingWindow({ closed: true, ratingDeadline: '2026-03-20' }, 2026-03-20T15:59Z) → null (23:59 in Jining)
 *   checkRatingWindow({ closed: true, ratingDeadline: '2026-03-20' }, 2026-03-20T16:00Z) → window-closed (already the 21st)
 */
export function checkRatingWindow(c: { closed: boolean; ratingDeadline?: IsoDate }, at: Date): RatingWindowProblem | null {
  if (!c.closed) return { kind: 'not-closed' };
  if (c.ratingDeadline === undefined) return { kind: 'window-closed' };
  return shanghaiDate(at) > c.ratingDeadline ? { kind: 'window-closed', deadline: c.ratingDeadline } : null;
}
