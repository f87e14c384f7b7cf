import { caseCountdown, type CalendarData, type CoreEventData, type CoreEventType } from '@jsb/shared';
import { emit } from '../events/events.domain';
import type { CoreState } from '../state';
import type { CaseRecord } from './cases.state';

type CaseEventType = Extract<CoreEventType, `case.${string}`>;
type WithoutCaseRef<T> = Omit<T, 'caseNo' | 'itemName'>;

/** Appends a case's change to the feed: one stream per case, so a reader sees each case's events in order. */
export function emitCaseEvent<K extends CaseEventType>(state: CoreState, now: Date, c: CaseRecord, type: K, data: WithoutCaseRef<CoreEventData[K]>): void {
  emit(state.events, now, {
    type,
    stream: `case:${c.caseNo}`,
    personId: c.personId,
    data: { caseNo: c.caseNo, itemName: c.itemName, ...data } as CoreEventData[K],
  });
}

/** The promised limit as it stands now (after a pause ended: what is left and the new due date). */
export function promisedNow(c: CaseRecord, now: Date, cal: CalendarData): { remainingDays: number; promisedDueDate: string } {
  const cd = caseCountdown(c, now, cal);
  return { remainingDays: cd?.promised.remainingDays ?? c.promisedDays, promisedDueDate: cd?.promised.dueDate ?? '' };
}
