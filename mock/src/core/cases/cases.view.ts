import { createHash } from 'node:crypto';
import { caseCountdown, maskName, maskPhone, type CoreCase, type MaskedCase, type TimelineEntry } from '@jsb/shared';
import { CoreError } from '../errors';
import type { CoreState } from '../state';
import { calendarOfCase } from './case-calendar';
import { mailingAvailable, ratingDeadline } from './cases.domain';
import type { CaseRecord } from './cases.state';
import { correctionView } from './corrections.domain';

/** What the core answers about cases: the owner's view, the masked lookup, one person's list. */

function applicantName(state: CoreState, personId: string): string {
  const p = [...state.persons.values()].find((x) => x.personId === personId);
  return p ? maskName(p.name) : '**';
}

const sortTimeline = (t: TimelineEntry[]): TimelineEntry[] => [...t].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

/** The owner's view: identity masked, the countdown worked out with the hall's calendar. */
export function caseView(state: CoreState, now: Date, c: CaseRecord): CoreCase {
  const cal = calendarOfCase(state, c);
  const m = c.mailing;
  const deadline = ratingDeadline(state, c);
  return {
    caseNo: c.caseNo,
    personId: c.personId,
    applicantName: applicantName(state, c.personId),
    itemId: c.itemId,
    itemName: c.itemName,
    department: c.department,
    hallId: c.hallId,
    hallName: c.hallName,
    windowNo: c.windowNo,
    channel: c.channel,
    ...(c.bookingId ? { bookingId: c.bookingId } : {}),
    status: c.status,
    ...(c.decision ? { decision: c.decision } : {}),
    statutoryDays: c.statutoryDays,
    promisedDays: c.promisedDays,
    receivedAt: c.receivedAt,
    ...(c.acceptedAt ? { acceptedAt: c.acceptedAt } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    pauses: c.pauses.map((p) => ({ ...p })),
    timeline: sortTimeline(c.timeline),
    countdown: caseCountdown(c, now, cal),
    mailing: m
      ? {
          state: m.state,
          requestedAt: m.requestedAt,
          address: { ...m.address, recipient: maskName(m.address.recipient), phone: maskPhone(m.address.phone) },
          ...(m.emsNo ? { emsNo: m.emsNo } : {}),
          events: m.events.map((e) => ({ ...e })),
        }
      : null,
    mailingAvailable: mailingAvailable(c),
    rated: c.rating !== undefined,
    ...(deadline ? { ratingDeadline: deadline } : {}),
    correction: correctionView(state, now, c),
  };
}

/** Lookup by case number and query code: the same answer for an unknown number and a wrong code. */
export function lookupCase(state: CoreState, now: Date, caseNo: string, code: string): Omit<MaskedCase, 'statusLabel'> {
  const c = state.cases.cases.get(caseNo);
  const ok =
    c !== undefined &&
    c.queryCode.length === code.length &&
    createHash('sha256').update(c.queryCode).digest().equals(createHash('sha256').update(code).digest());
  if (!c || !ok) throw new CoreError(404, 'LOOKUP_FAILED', '办件编号或查询码不正确');
  const v = caseView(state, now, c);
  return {
    caseNo: v.caseNo,
    applicantName: v.applicantName,
    itemName: v.itemName,
    department: v.department,
    hallName: v.hallName,
    status: v.status,
    ...(v.decision ? { decision: v.decision } : {}),
    receivedAt: v.receivedAt,
    ...(v.closedAt ? { closedAt: v.closedAt } : {}),
    timeline: v.timeline,
    countdown: v.countdown,
    mailing: v.mailing
      ? { state: v.mailing.state, ...(v.mailing.emsNo ? { emsNo: v.mailing.emsNo } : {}), events: v.mailing.events.map(({ place: _p, ...e }) => e) }
      : null,
  };
}

export function listCases(state: CoreState, personId: string): CaseRecord[] {
  return [...state.cases.cases.values()]
    .filter((c) => c.personId === personId)
    .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : a.caseNo < b.caseNo ? 1 : -1));
}
