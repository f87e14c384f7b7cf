import {
  checkRatingTags,
  checkRatingWindow,
  RATING_LEVELS,
  tagsFor,
  type CaseRating,
  type Channel,
  type CoreRating,
  type HallStats,
  type RateCaseRequest,
  type RatingLevel,
  monthDayText,
} from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { IdempotencyStore } from '../../db/idempotency';
import type { Outbox, OutboxEntry } from '../../outbox/outbox';
import type { CoreCasesClient } from '../../clients/core-cases.client';
import type { CitizenModel } from '../auth/citizen.model';
import { personOf } from '../cases/cases.service';
import { caseRefusal, followUpRefusal } from '../cases/refusals';

/** Outbox kinds: a rating and a follow-up wait here while the provincial relay is down. */
export const RATING_KIND = 'rating.create';
export const FOLLOW_UP_KIND = 'rating.follow-up';

export interface RatingPayload {
  caseNo: string;
  personId: string;
  level: RatingLevel;
  tags: string[];
  comment: string;
  /** when the citizen submitted: the core judges the 15-working-day window on this, not on delivery */
  ratedAt: string;
  /** the Idempotency-Key it came with (kept in the bff, never sent on): a request repeated after a crash is recognised */
  requestKey?: string;
}

export interface RatingsDeps {
  core: CoreCasesClient;
  citizens: CitizenModel;
  idempotency: IdempotencyStore;
  outbox: Outbox;
  clock: () => Date;
}

const STATE_LABEL: Record<CaseRating['state'], string> = {
  'not-rated': '尚未评价',
  queued: '已提交，等待报送省好差评系统',
  relayed: '已报送省好差评系统',
  refused: '评价未被受理',
};

const tagsByLevel = (channel: Channel) => Object.fromEntries(RATING_LEVELS.map((l) => [l, tagsFor(l, channel)]));

function ensureTags(level: RatingLevel, channel: Channel, tags: string[]): void {
  const problem = checkRatingTags(level, channel, tags);
  if (!problem) return;
  if (problem.kind === 'tag-required') throw new AppError('TAG_REQUIRED', { details: { allowed: tagsFor(level, channel) } });
  throw new AppError('TAG_NOT_FOR_LEVEL', {
    message: `“${problem.tags.join('、')}”不是“${level}”可选的标签。`,
    details: { tags: problem.tags, allowed: tagsFor(level, channel) },
  });
}

/** A rating the core refused on delivery from the outbox: the citizen gets the same answer as a direct refusal. */
function refusalOf(entry: OutboxEntry): AppError {
  return caseRefusal(entry.refusal ?? { code: 'UNKNOWN', details: {} });
}

export function createRatingsService(d: RatingsDeps) {
  const entryId = (kind: string, userId: string, caseNo: string) => `${kind}:${userId}:${caseNo}`;

  async function view(auth: AuthContext, personId: string, caseNo: string): Promise<CaseRating> {
    const s = await d.core.ratingState(caseNo, personId);
    const [queued, queuedFollowUp] = await Promise.all([
      d.outbox.get(entryId(RATING_KIND, auth.userId, caseNo)),
      d.outbox.get(entryId(FOLLOW_UP_KIND, auth.userId, caseNo)),
    ]);
    const open = !s.rating && !checkRatingWindow(s, d.clock());
    const base = {
      caseNo,
      channel: s.channel,
      ...(s.ratingDeadline ? { ratingDeadline: s.ratingDeadline } : {}),
      tagsByLevel: tagsByLevel(s.channel),
      followUpQueued: queuedFollowUp?.state === 'queued',
    };
    if (s.rating) {
      const { caseNo: _c, ...rating } = s.rating;
      // a queued follow-up is shown as such; it cannot be followed up again
      return {
        ...base,
        state: 'relayed',
        stateLabel: STATE_LABEL.relayed,
        canRate: false,
        rating: { ...rating, canFollowUp: rating.canFollowUp && queuedFollowUp?.state !== 'queued' },
      };
    }
    if (queued && queued.state !== 'delivered') {
      const p = queued.payload as RatingPayload;
      const pending = {
        level: p.level,
        tags: p.tags,
        comment: p.comment,
        channel: s.channel,
        ratedAt: p.ratedAt,
        loop: null,
        followUp: null,
        canFollowUp: false,
      };
      if (queued.state === 'rejected') {
        const e = refusalOf(queued);
        return { ...base, state: 'refused', stateLabel: STATE_LABEL.refused, canRate: false, rating: pending, refusal: { code: e.code, message: e.message } };
      }
      return { ...base, state: 'queued', stateLabel: STATE_LABEL.queued, canRate: false, rating: pending };
    }
    return { ...base, state: 'not-rated', stateLabel: STATE_LABEL['not-rated'], canRate: open, rating: null };
  }

  /**
   * True when the rating already stored for this case came with this same Idempotency-Key: the request is being
   * repeated after its first run was cut off (the bff died before it answered), so the answer is the rating, not 已评价.
   */
  async function sameRequest(kind: string, userId: string, caseNo: string, key: string | undefined): Promise<boolean> {
    if (!key) return false;
    const entry = await d.outbox.get(entryId(kind, userId, caseNo));
    return !!entry && entry.state !== 'rejected' && (entry.payload as RatingPayload).requestKey === key;
  }

  async function submit(kind: string, userId: string, payload: RatingPayload): Promise<void> {
    // keyed by the case: one rating (and one follow-up) per case per citizen, whatever the concurrency
    const entry = await d.outbox.submit(kind, userId, payload, payload.caseNo);
    if (entry.state === 'rejected') throw refusalOf(entry);
  }

  return {
    view: async (auth: AuthContext, caseNo: string) => view(auth, await personOf(d.citizens, auth), caseNo),

    /**
     * 评价: checked here first (owner, closed, once, window, tags), then handed to the outbox. When the provincial
     * relay is up the answer carries the receipt; when it is down the rating is kept and relayed later, once.
     */
    async rate(auth: AuthContext, caseNo: string, input: Required<RateCaseRequest>, idempotencyKey?: string): Promise<CaseRating> {
      const personId = await personOf(d.citizens, auth);
      return d.idempotency.once({
        userId: auth.userId,
        operation: 'rateCase',
        key: idempotencyKey,
        request: { caseNo, ...input },
        run: async () => {
          const now = d.clock();
          const before = await view(auth, personId, caseNo);
          if (before.state !== 'not-rated') {
            if (await sameRequest(RATING_KIND, auth.userId, caseNo, idempotencyKey)) return before;
            throw new AppError('ALREADY_RATED', { details: { state: before.state } });
          }
          const s = await d.core.ratingState(caseNo, personId);
          const late = checkRatingWindow(s, now);
          if (late?.kind === 'not-closed') throw new AppError('CASE_NOT_CLOSED');
          if (late)
            throw new AppError('RATING_WINDOW_CLOSED', {
              message: late.deadline ? `评价期限已于${monthDayText(late.deadline)}结束。` : undefined,
              details: { deadline: late.deadline },
            });
          ensureTags(input.level, s.channel, input.tags);
          await submit(RATING_KIND, auth.userId, {
            caseNo,
            personId,
            level: input.level,
            tags: input.tags,
            comment: input.comment,
            ratedAt: now.toISOString(),
            ...(idempotencyKey ? { requestKey: idempotencyKey } : {}),
          });
          return view(auth, personId, caseNo);
        },
      });
    },

    /** 追评: once, after the hall called back and corrected a 差评. */
    async followUp(auth: AuthContext, caseNo: string, input: Required<RateCaseRequest>, idempotencyKey?: string): Promise<CaseRating> {
      const personId = await personOf(d.citizens, auth);
      return d.idempotency.once({
        userId: auth.userId,
        operation: 'followUpRating',
        key: idempotencyKey,
        request: { caseNo, ...input },
        run: async () => {
          const before = await view(auth, personId, caseNo);
          if ((before.followUpQueued || before.rating?.followUp) && (await sameRequest(FOLLOW_UP_KIND, auth.userId, caseNo, idempotencyKey))) return before;
          const r = before.rating;
          if (before.state !== 'relayed' || !r?.loop) throw followUpRefusal(before.state === 'queued' ? 'not-corrected' : 'not-bad');
          if (r.followUp || before.followUpQueued) throw followUpRefusal('already');
          if (!r.loop.correctedAt) throw followUpRefusal('not-corrected', r.loop.correctionDue);
          ensureTags(input.level, before.channel, input.tags);
          await submit(FOLLOW_UP_KIND, auth.userId, {
            caseNo,
            personId,
            level: input.level,
            tags: input.tags,
            comment: input.comment,
            ratedAt: d.clock().toISOString(),
            ...(idempotencyKey ? { requestKey: idempotencyKey } : {}),
          });
          return view(auth, personId, caseNo);
        },
      });
    },

    /** The outbox deliverers: the request id makes a repeated delivery the same rating at the core and the province. */
    deliverRating: (p: RatingPayload, requestId: string): Promise<CoreRating> =>
      d.core.rate(p.caseNo, { personId: p.personId, requestId, level: p.level, tags: p.tags, comment: p.comment, ratedAt: p.ratedAt }),
    deliverFollowUp: (p: RatingPayload, requestId: string): Promise<CoreRating> =>
      d.core.followUp(p.caseNo, { personId: p.personId, requestId, level: p.level, tags: p.tags, comment: p.comment, ratedAt: p.ratedAt }),

    stats: (hallId: string): Promise<HallStats> => d.core.stats(hallId),
  };
}

export type RatingsService = ReturnType<typeof createRatingsService>;
