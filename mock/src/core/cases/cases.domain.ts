import { createHash, randomInt } from 'node:crypto';
import { addWorkingDays, CASE_RULES, CLOSED_STATUSES, CoreRefusal, shanghaiDate, type CorrectionMaterialSpec, type MailingAddress } from '@jsb/shared';
import { CoreError } from '../errors';
import type { CoreState } from '../state';
import type { CaseRecord } from './cases.state';
import { calendarOfCase } from './case-calendar';
import { emitCaseEvent, promisedNow } from './case-events';
import { closeCorrection, requestCorrection } from './corrections.domain';

export { calendarOfCase };

/*
 * 办件: a progress engine driven by staff operations. Every function is synchronous (check, then write,
 * with no await in between), and takes `now` from the caller so seeds and tests can place events in time.
 * Each change a citizen should hear about is appended to the event feed in the same step (case-events.ts).
 */

export const caseNotFound = (): CoreError => new CoreError(404, 'CASE_NOT_FOUND', '没有找到该办件，请核对办件编号');

export function ensureOwnCase(state: CoreState, caseNo: string, personId: string): CaseRecord {
  const c = state.cases.cases.get(caseNo);
  // another citizen's case answers exactly like a missing one
  if (!c || c.personId !== personId) throw caseNotFound();
  return c;
}

export function ensureCase(state: CoreState, caseNo: string): CaseRecord {
  const c = state.cases.cases.get(caseNo);
  if (!c) throw caseNotFound();
  return c;
}

const isClosed = (c: CaseRecord): boolean => CLOSED_STATUSES.includes(c.status);

export function ratingDeadline(state: CoreState, c: CaseRecord): string | undefined {
  if (!c.closedAt) return undefined;
  return addWorkingDays(shanghaiDate(new Date(c.closedAt)), CASE_RULES.ratingWindowDays, calendarOfCase(state, c));
}

/* ---- creation ---- */

export interface NewCase {
  personId: string;
  itemId: string;
  hallId?: string;
  windowNo?: string;
  channel?: 'online' | 'onsite';
  bookingId?: string;
  /** 收件 and 受理 in one step (a window that checked the materials on the spot) */
  accept?: boolean;
  /** seeds only: a code derived from the case number instead of a random one */
  deterministicCode?: boolean;
}

const ZONE_WINDOW_LETTER: Record<string, string> = {
  shangshi: 'A',
  shehui: 'B',
  jingmao: 'C',
  jianshe: 'D',
  gongan: 'E',
  gongyong: 'F',
  huiqi: 'G',
  shuiwu: 'H',
  budongchan: 'J',
  gongjijin: 'K',
  renshe: 'L',
  zhongjie: 'M',
};

export function createCase(state: CoreState, now: Date, input: NewCase): CaseRecord {
  const item = state.catalog.ensureItem(input.itemId);
  const hallId = input.hallId ?? item.hallIds[0] ?? 'city';
  const hall = state.catalog.ensureHall(hallId);
  if (![...state.persons.values()].some((p) => p.personId === input.personId)) throw new CoreError(404, 'PERSON_NOT_FOUND', '人口库中没有该申请人');
  const s = state.cases;
  s.seq += 1;
  const caseNo = `JN${shanghaiDate(now).replaceAll('-', '')}${String(s.seq).padStart(5, '0')}`;
  const queryCode = input.deterministicCode
    ? String(parseInt(createHash('sha256').update(`code:${caseNo}`).digest('hex').slice(0, 8), 16) % 1_000_000).padStart(6, '0')
    : String(randomInt(0, 1_000_000)).padStart(6, '0');
  const at = now.toISOString();
  const c: CaseRecord = {
    caseNo,
    queryCode,
    personId: input.personId,
    itemId: item.id,
    itemName: item.name,
    department: item.department,
    hallId: hall.id,
    hallName: hall.name,
    windowNo: input.windowNo ?? `${ZONE_WINDOW_LETTER[item.zoneId] ?? 'Z'}0${1 + (s.seq % 6)}`,
    channel: input.channel ?? 'onsite',
    ...(input.bookingId ? { bookingId: input.bookingId } : {}),
    status: 'received',
    statutoryDays: item.statutoryDays,
    promisedDays: item.promisedDays,
    receivedAt: at,
    pauses: [],
    timeline: [{ kind: 'received', title: '收件', at, department: `${hall.name} ${item.zoneName}窗口` }],
    corrections: [],
  };
  s.cases.set(caseNo, c);
  // 收件 and 受理 in one step is one change for the applicant: only 受理 is announced
  if (input.accept) acceptCase(state, now, caseNo);
  else emitCaseEvent(state, now, c, 'case.received', { hallName: hall.name });
  return c;
}

/** A booking accepted at the window becomes a case: received and accepted at once. */
export function createCaseFromBooking(state: CoreState, now: Date, bookingId: string): CaseRecord {
  const booking = state.booking.bookings.get(bookingId);
  if (!booking) throw new CoreError(404, 'BOOKING_NOT_FOUND', '没有找到该预约');
  if (booking.status === 'cancelled') throw new CoreRefusal(409, 'BOOKING_NOT_ACTIVE', '该预约已取消，请按现场收件新建办件', { status: booking.status });
  const existing = [...state.cases.cases.values()].find((c) => c.bookingId === bookingId);
  if (existing) throw new CoreRefusal(409, 'CASE_EXISTS', '该预约已生成办件', { caseNo: existing.caseNo });
  return createCase(state, now, { personId: booking.personId, itemId: booking.itemId, hallId: booking.hallId, bookingId, accept: true });
}

/* ---- staff operations ---- */

const refuse = (message: string, details: Record<string, unknown> = {}) => new CoreRefusal(409, 'CASE_STATE_CONFLICT', message, details);

function closeOpenStep(c: CaseRecord): void {
  for (const e of c.timeline) if (e.current && e.kind === 'review') delete e.current;
}

const openPause = (c: CaseRecord) => c.pauses.find((p) => !p.to);

export function acceptCase(state: CoreState, now: Date, caseNo: string): CaseRecord {
  const c = ensureCase(state, caseNo);
  if (c.status !== 'received') throw refuse('只有已收件的办件可以受理', { status: c.status });
  c.status = 'accepted';
  c.acceptedAt = now.toISOString();
  c.timeline.push({
    kind: 'accepted',
    title: '受理',
    at: c.acceptedAt,
    department: c.department,
    note: `承诺${c.promisedDays}个工作日、法定${c.statutoryDays}个工作日内办结`,
  });
  const { promisedDueDate } = promisedNow(c, now, calendarOfCase(state, c));
  emitCaseEvent(state, now, c, 'case.accepted', { promisedDays: c.promisedDays, statutoryDays: c.statutoryDays, promisedDueDate });
  return c;
}

export function startReview(state: CoreState, now: Date, caseNo: string, step: { department?: string; name?: string; note?: string }): CaseRecord {
  const c = ensureCase(state, caseNo);
  if (c.status !== 'accepted' && c.status !== 'reviewing') throw refuse('只有受理后、决定前的办件可以进入审查环节', { status: c.status });
  if (openPause(c)) throw refuse('办件暂停计时中，请先恢复办理');
  closeOpenStep(c);
  c.status = 'reviewing';
  c.timeline.push({
    kind: 'review',
    title: step.name ?? '审查',
    at: now.toISOString(),
    department: step.department ?? c.department,
    ...(step.note ? { note: step.note } : {}),
    current: true,
  });
  emitCaseEvent(state, now, c, 'case.review-started', { step: step.name ?? '审查', department: step.department ?? c.department });
  return c;
}

/** 补正 carries what is missing (一次告知); without a list, the reason is the one material asked for. */
export function pauseCase(
  state: CoreState,
  now: Date,
  caseNo: string,
  kind: '补正' | '特别程序',
  reason: string,
  materials?: CorrectionMaterialSpec[],
): CaseRecord {
  const c = ensureCase(state, caseNo);
  if (c.status !== 'accepted' && c.status !== 'reviewing') throw refuse('只有办理中的办件可以暂停计时', { status: c.status });
  if (openPause(c)) throw refuse('办件已在暂停计时中');
  const at = now.toISOString();
  c.pauses.push({ kind, reason, from: at });
  c.timeline.push({
    kind: 'paused',
    title: kind === '补正' ? '补正材料（暂停计时）' : '特别程序（暂停计时）',
    at,
    department: c.department,
    note: reason,
    current: true,
  });
  if (kind === '补正') requestCorrection(state, now, c, reason, materials);
  else emitCaseEvent(state, now, c, 'case.paused', { kind, reason });
  return c;
}

export function resumeCase(state: CoreState, now: Date, caseNo: string, note?: string): CaseRecord {
  const c = ensureCase(state, caseNo);
  const p = openPause(c);
  if (!p) throw refuse('办件没有暂停');
  p.to = now.toISOString();
  for (const e of c.timeline) if (e.kind === 'paused') delete e.current;
  c.timeline.push({
    kind: 'resumed',
    title: p.kind === '补正' ? '材料已补正，恢复计时' : '特别程序结束，恢复计时',
    at: p.to,
    department: c.department,
    ...(note ? { note } : {}),
  });
  const left = promisedNow(c, now, calendarOfCase(state, c));
  const k = p.kind === '补正' ? closeCorrection(c, now) : undefined;
  if (k) emitCaseEvent(state, now, c, 'case.correction-accepted', { correctionId: k.id, how: k.how!, ...left });
  else emitCaseEvent(state, now, c, 'case.resumed', left);
  return c;
}

export function decideCase(state: CoreState, now: Date, caseNo: string, decision: '准予' | '不予', note?: string): CaseRecord {
  const c = ensureCase(state, caseNo);
  if (c.status !== 'accepted' && c.status !== 'reviewing') throw refuse('只有办理中的办件可以作出决定', { status: c.status });
  if (openPause(c)) throw refuse('办件暂停计时中，请先恢复办理');
  closeOpenStep(c);
  c.status = 'decided';
  c.decision = decision;
  c.timeline.push({
    kind: 'decided',
    title: decision === '准予' ? '决定：准予许可' : '决定：不予许可',
    at: now.toISOString(),
    department: c.department,
    ...(note ? { note } : {}),
  });
  emitCaseEvent(state, now, c, 'case.decided', { decision, ...(note ? { note } : {}) });
  return c;
}

/** 办结: the licence or the decision letter is issued; the clock stops and the rating window opens. */
export function issueResult(state: CoreState, now: Date, caseNo: string): CaseRecord {
  const c = ensureCase(state, caseNo);
  if (c.status !== 'decided') throw refuse('作出决定后才能出具结果', { status: c.status });
  c.status = 'issued';
  c.closedAt = now.toISOString();
  const what = c.decision === '准予' ? '证照' : '不予许可决定书';
  const how = c.mailing ? '，将免费邮寄' : '，请到窗口领取或申请免费邮寄';
  c.timeline.push({ kind: 'issued', title: '办结，结果已出具', at: c.closedAt, department: c.department, note: `${what}已出具${how}` });
  emitCaseEvent(state, now, c, 'case.issued', { decision: c.decision!, mailing: Boolean(c.mailing), ratingDeadline: ratingDeadline(state, c)! });
  return c;
}

/* ---- mailing (免费邮寄) ---- */

const MAILABLE = ['accepted', 'reviewing', 'decided', 'issued'] as const;
export const mailingAvailable = (c: CaseRecord): boolean => !c.mailing && (MAILABLE as readonly string[]).includes(c.status);

export function requestMailing(
  state: CoreState,
  now: Date,
  caseNo: string,
  personId: string,
  address: MailingAddress,
  requestId?: string,
): { c: CaseRecord; replay: boolean } {
  const c = ensureOwnCase(state, caseNo, personId);
  if (c.mailing && requestId && c.mailing.requestId === requestId) return { c, replay: true };
  if (c.mailing) throw new CoreRefusal(409, 'MAILING_NOT_AVAILABLE', '该办件已申请过邮寄', { reason: 'already-requested', state: c.mailing.state });
  if (!mailingAvailable(c))
    throw new CoreRefusal(409, 'MAILING_NOT_AVAILABLE', c.status === 'received' ? '办件受理后才能申请邮寄' : '结果已寄出或已领取', {
      reason: c.status === 'received' ? 'not-accepted' : 'too-late',
      status: c.status,
    });
  c.mailing = { state: 'requested', requestedAt: now.toISOString(), address, events: [], ...(requestId ? { requestId } : {}) };
  return { c, replay: false };
}

export function mailResult(state: CoreState, now: Date, caseNo: string, emsNo?: string): CaseRecord {
  const c = ensureCase(state, caseNo);
  if (!c.mailing || c.mailing.state !== 'requested') throw refuse('该办件没有待寄出的邮寄申请');
  if (c.status !== 'issued') throw refuse('结果出具后才能寄出', { status: c.status });
  const at = now.toISOString();
  c.mailing.emsNo = emsNo ?? `EA${String(100_000_000 + ((state.cases.seq * 7919 + c.caseNo.length * 104_729) % 900_000_000)).slice(0, 9)}CN`;
  c.mailing.state = 'mailed';
  c.mailing.events.push({ at, status: 'accepted', text: '邮政EMS已揽收', place: `济宁市 ${c.hallName}` });
  c.status = 'mailed';
  c.timeline.push({ kind: 'mailed', title: '结果已寄出', at, note: `EMS ${c.mailing.emsNo}` });
  emitCaseEvent(state, now, c, 'case.mailed', { emsNo: c.mailing.emsNo });
  return c;
}

const TRACK_TEXT = { 'in-transit': '运输中', 'out-for-delivery': '派送中，请保持电话畅通', delivered: '已签收' } as const;

export function trackMailing(state: CoreState, now: Date, caseNo: string, status: keyof typeof TRACK_TEXT, place?: string): CaseRecord {
  const c = ensureCase(state, caseNo);
  if (!c.mailing || c.mailing.state !== 'mailed') throw refuse('该办件没有在途的邮件');
  const at = now.toISOString();
  c.mailing.events.push({ at, status, text: TRACK_TEXT[status], ...(place ? { place } : {}) });
  if (status === 'delivered') {
    c.mailing.state = 'delivered';
    c.status = 'delivered';
    c.timeline.push({ kind: 'delivered', title: '结果已签收', at });
    emitCaseEvent(state, now, c, 'case.delivered', { emsNo: c.mailing.emsNo ?? '' });
  }
  return c;
}

export { isClosed };
