import { createHash } from 'node:crypto';
import {
  addWorkingDays,
  BAD_LEVELS,
  CASE_RULES,
  checkRatingTags,
  checkRatingWindow,
  CoreRefusal,
  isBadLevel,
  RATING_LEVELS,
  shanghaiDate,
  tagsFor,
  type CoreRating,
  type RatingLevel,
} from '@jsb/shared';
import { CoreError } from '../errors';
import type { CoreState } from '../state';
import { calendarOfCase, ensureCase, ensureOwnCase, isClosed, ratingDeadline } from './cases.domain';
import type { CaseRecord, RatingRecord } from './cases.state';
import { relayToProvince, type ProvinceEvaluation } from './province.client';
import { emit } from '../events/events.domain';

/*
 * 好差评. Checks run synchronously and mark the case as "rating in flight" before the one await (the relay to
 * the province), so two different submissions cannot both pass "not rated yet". A province that does not
 * answer leaves nothing recorded (503), and the same request id may be sent again.
 */

/** What the province's 好差评 system is told of a rating or a follow-up: the case's channel and window, the rater as a key, never a name. */
function evaluationOf(c: CaseRecord, input: RateInput, ratedAt: Date): ProvinceEvaluation {
  return {
    requestId: input.requestId,
    caseNo: c.caseNo,
    level: input.level,
    tags: input.tags,
    comment: input.comment,
    channel: c.channel,
    hallId: c.hallId,
    windowNo: c.windowNo,
    raterKey: raterKey(c.personId),
    ratedAt: ratedAt.toISOString(),
  };
}

export interface RateInput {
  personId: string;
  requestId: string;
  level: RatingLevel;
  tags: string[];
  comment: string;
  /** when the citizen submitted (the bff's outbox may deliver later); the 15-day window is judged on it */
  ratedAt?: string;
}

const raterKey = (personId: string): string => createHash('sha256').update(`rater:${personId}`).digest('hex').slice(0, 32);

function ensureTags(c: CaseRecord, level: RatingLevel, tags: string[]): void {
  const problem = checkRatingTags(level, c.channel, tags);
  if (!problem) return;
  const allowed = tagsFor(level, c.channel);
  if (problem.kind === 'tag-required') throw new CoreRefusal(422, 'TAG_REQUIRED', '差评请至少选择一个问题标签', { allowed });
  throw new CoreRefusal(422, 'TAG_NOT_FOR_LEVEL', `标签与评价等级“${level}”不一致`, { level, tags: problem.tags, allowed });
}

function ratedAtOf(now: Date, input: RateInput): Date {
  if (input.ratedAt === undefined) return now;
  const t = new Date(input.ratedAt);
  // a bff may be a little ahead; never accept a rating "from the future"
  if (Number.isNaN(t.getTime()) || t.getTime() > now.getTime() + 60_000) throw new CoreError(400, 'BAD_REQUEST', 'ratedAt 无效');
  return t;
}

/** Runs the relay once per request id: a repeat while in flight waits for the same answer. */
async function once(state: CoreState, c: CaseRecord, requestId: string, relay: () => Promise<RatingRecord>): Promise<RatingRecord> {
  c.ratingInFlight = requestId;
  const p = relay();
  state.cases.inflight.set(requestId, p);
  try {
    return await p;
  } finally {
    state.cases.inflight.delete(requestId);
    if (c.ratingInFlight === requestId) delete c.ratingInFlight;
  }
}

export async function rateCase(
  state: CoreState,
  now: Date,
  provinceUrl: string | undefined,
  caseNo: string,
  input: RateInput,
): Promise<{ rating: RatingRecord; replay: boolean }> {
  const c = ensureOwnCase(state, caseNo, input.personId);
  if (c.rating?.requestId === input.requestId) return { rating: c.rating, replay: true };
  const pending = state.cases.inflight.get(input.requestId);
  if (pending && c.ratingInFlight === input.requestId) return { rating: await pending, replay: true };
  if (!isClosed(c)) throw new CoreRefusal(409, 'CASE_NOT_CLOSED', '办件尚未办结，暂不能评价', { status: c.status });
  if (c.rating || c.ratingInFlight) throw new CoreRefusal(409, 'ALREADY_RATED', '该办件已评价', { ratedAt: c.rating?.ratedAt });
  const ratedAt = ratedAtOf(now, input);
  const late = checkRatingWindow({ closed: isClosed(c), ratingDeadline: ratingDeadline(state, c) }, ratedAt);
  if (late) throw new CoreRefusal(409, 'RATING_WINDOW_CLOSED', `已超过办结后${CASE_RULES.ratingWindowDays}个工作日的评价期限`, { deadline: late.deadline });
  ensureTags(c, input.level, input.tags);

  const rating = await once(state, c, input.requestId, async () => {
    const receiptId = await relayToProvince(provinceUrl, evaluationOf(c, input, ratedAt));
    state.cases.ratingSeq += 1;
    const ratedDay = shanghaiDate(ratedAt);
    const cal = calendarOfCase(state, c);
    const r: RatingRecord = {
      ratingId: `R${String(state.cases.ratingSeq).padStart(6, '0')}`,
      requestId: input.requestId,
      level: input.level,
      tags: [...input.tags],
      comment: input.comment,
      channel: c.channel,
      ratedAt: ratedAt.toISOString(),
      receiptId,
      ...(isBadLevel(input.level)
        ? {
            loop: {
              callbackDue: addWorkingDays(ratedDay, CASE_RULES.callbackDays, cal),
              correctionDue: addWorkingDays(ratedDay, CASE_RULES.correctionDays, cal),
            },
          }
        : {}),
    };
    c.rating = r;
    return r;
  });
  return { rating, replay: false };
}

/** 追评: once, after a 差评 was called back and corrected with feedback. */
export async function followUp(
  state: CoreState,
  now: Date,
  provinceUrl: string | undefined,
  caseNo: string,
  input: RateInput,
): Promise<{ rating: RatingRecord; replay: boolean }> {
  const c = ensureOwnCase(state, caseNo, input.personId);
  const r = c.rating;
  if (r?.followUp?.requestId === input.requestId) return { rating: r, replay: true };
  const pending = state.cases.inflight.get(input.requestId);
  if (pending && c.ratingInFlight === input.requestId) return { rating: await pending, replay: true };
  if (!r || !r.loop) throw new CoreRefusal(409, 'FOLLOW_UP_NOT_ALLOWED', '只有差评在整改反馈后可以追评', { reason: 'not-bad' });
  if (r.followUp || c.ratingInFlight) throw new CoreRefusal(409, 'FOLLOW_UP_NOT_ALLOWED', '已追评过', { reason: 'already' });
  if (!r.loop.correctedAt)
    throw new CoreRefusal(409, 'FOLLOW_UP_NOT_ALLOWED', '整改反馈后才能追评', { reason: 'not-corrected', correctionDue: r.loop.correctionDue });
  ensureTags(c, input.level, input.tags);
  const ratedAt = ratedAtOf(now, input);

  const rating = await once(state, c, input.requestId, async () => {
    const receiptId = await relayToProvince(provinceUrl, evaluationOf(c, input, ratedAt), r.receiptId);
    r.followUp = { requestId: input.requestId, level: input.level, tags: [...input.tags], comment: input.comment, ratedAt: ratedAt.toISOString(), receiptId };
    return r;
  });
  return { rating, replay: false };
}

export function ratingView(state: CoreState, now: Date, c: CaseRecord): CoreRating | null {
  const r = c.rating;
  if (!r) return null;
  const today = shanghaiDate(now);
  const loop = r.loop
    ? {
        ...r.loop,
        callbackOverdue: !r.loop.calledBackAt && today > r.loop.callbackDue,
        correctionOverdue: !r.loop.correctedAt && today > r.loop.correctionDue,
      }
    : null;
  const f = r.followUp;
  return {
    ratingId: r.ratingId,
    caseNo: c.caseNo,
    level: r.level,
    tags: r.tags,
    comment: r.comment,
    channel: r.channel,
    ratedAt: r.ratedAt,
    receiptId: r.receiptId,
    loop,
    followUp: f ? { level: f.level, tags: f.tags, comment: f.comment, ratedAt: f.ratedAt, receiptId: f.receiptId } : null,
    canFollowUp: Boolean(r.loop?.correctedAt) && !f,
  };
}

export function ratingState(state: CoreState, now: Date, caseNo: string, personId: string) {
  const c = ensureOwnCase(state, caseNo, personId);
  const deadline = ratingDeadline(state, c);
  return { caseNo: c.caseNo, channel: c.channel, closed: isClosed(c), ...(deadline ? { ratingDeadline: deadline } : {}), rating: ratingView(state, now, c) };
}

/* ---- the 差评 loop, done by the hall's 好差评 supervision staff; they address a rating by its id, never by who ---- */

function ensureRating(state: CoreState, ratingId: string): { c: CaseRecord; r: RatingRecord } {
  for (const c of state.cases.cases.values()) if (c.rating?.ratingId === ratingId) return { c, r: c.rating };
  throw new CoreError(404, 'RATING_NOT_FOUND', '没有找到该评价');
}

/** The rater hears of the loop on their own 差评 (one stream per rating); the window never learns who rated. */
function emitRatingEvent(
  state: CoreState,
  now: Date,
  c: CaseRecord,
  r: RatingRecord,
  e: { type: 'rating.called-back'; note: string; correctionDue: string } | { type: 'rating.corrected'; feedback: string },
): void {
  const base = { stream: `rating:${r.ratingId}`, personId: c.personId };
  const ref = { ratingId: r.ratingId, caseNo: c.caseNo, itemName: c.itemName };
  if (e.type === 'rating.called-back') emit(state.events, now, { ...base, type: e.type, data: { ...ref, note: e.note, correctionDue: e.correctionDue } });
  else emit(state.events, now, { ...base, type: e.type, data: { ...ref, feedback: e.feedback } });
}

export function callBack(state: CoreState, now: Date, ratingId: string, note: string): RatingRecord {
  const { c, r } = ensureRating(state, ratingId);
  if (!r.loop) throw new CoreRefusal(409, 'NOT_BAD_RATING', '只有差评需要回访');
  if (r.loop.calledBackAt) throw new CoreRefusal(409, 'ALREADY_CALLED_BACK', '已回访');
  r.loop.calledBackAt = now.toISOString();
  r.loop.callbackNote = note;
  emitRatingEvent(state, now, c, r, { type: 'rating.called-back', note, correctionDue: r.loop.correctionDue });
  return r;
}

export function correct(state: CoreState, now: Date, ratingId: string, feedback: string): RatingRecord {
  const { c, r } = ensureRating(state, ratingId);
  if (!r.loop) throw new CoreRefusal(409, 'NOT_BAD_RATING', '只有差评需要整改');
  if (!r.loop.calledBackAt) throw new CoreRefusal(409, 'CALLBACK_FIRST', '请先回访，了解情况后再整改反馈');
  if (r.loop.correctedAt) throw new CoreRefusal(409, 'ALREADY_CORRECTED', '已整改反馈');
  r.loop.correctedAt = now.toISOString();
  r.loop.feedback = feedback;
  emitRatingEvent(state, now, c, r, { type: 'rating.corrected', feedback });
  return r;
}

/** The staff/window view: what was rated and what is owed, never who rated (no person, no case number). */
export function staffRatings(state: CoreState, now: Date, hallId?: string) {
  return [...state.cases.cases.values()]
    .filter((c) => c.rating && (!hallId || c.hallId === hallId))
    .map((c) => {
      const v = ratingView(state, now, c)!;
      return {
        ratingId: v.ratingId,
        hallId: c.hallId,
        windowNo: c.windowNo,
        itemName: c.itemName,
        level: v.level,
        tags: v.tags,
        comment: v.comment,
        ratedAt: v.ratedAt,
        loop: v.loop,
        followUp: v.followUp,
      };
    });
}

type Row = {
  total: number;
  satisfied: number;
  satisfactionRate: number | null;
  badCount: number;
  corrected: number;
  correctionRate: number | null;
  byLevel: Record<string, number>;
};

function row(ratings: RatingRecord[]): Row {
  const byLevel = Object.fromEntries(RATING_LEVELS.map((l) => [l, ratings.filter((r) => r.level === l).length]));
  const bad = ratings.filter((r) => BAD_LEVELS.includes(r.level));
  const corrected = bad.filter((r) => r.loop?.correctedAt).length;
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    total: ratings.length,
    satisfied: ratings.length - bad.length,
    satisfactionRate: ratings.length ? round((ratings.length - bad.length) / ratings.length) : null,
    badCount: bad.length,
    corrected,
    correctionRate: bad.length ? round(corrected / bad.length) : null,
    byLevel,
  };
}

/** 统计: satisfaction rate (基本满意 and better), 差评 count and correction rate, per hall and per window. */
export function hallStats(state: CoreState, hallId: string) {
  const hall = state.catalog.ensureHall(hallId);
  const rated = [...state.cases.cases.values()].filter((c) => c.hallId === hallId && c.rating);
  const windows = [...new Set(rated.map((c) => c.windowNo))].sort();
  return {
    hallId: hall.id,
    hallName: hall.name,
    hall: row(rated.map((c) => c.rating!)),
    windows: windows.map((w) => ({ windowNo: w, ...row(rated.filter((c) => c.windowNo === w).map((c) => c.rating!)) })),
  };
}

export { ensureCase };
