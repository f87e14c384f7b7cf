import { addDays, shanghaiDate, type CalendarData } from '@jsb/shared';
import { calendarFor } from '../calendar.domain';
import type { CoreState } from '../state';
import type { CaseRecord } from './cases.state';

/** The calendar of the case's hall from the day before it was received to well past any statutory limit. */
export function calendarOfCase(state: CoreState, c: Pick<CaseRecord, 'hallId' | 'receivedAt'>): CalendarData {
  const from = addDays(shanghaiDate(new Date(c.receivedAt)), -1);
  return calendarFor(state.calendarOverrides, c.hallId, from, addDays(from, 420));
}
