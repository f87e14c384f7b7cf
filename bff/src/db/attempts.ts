import { Schema, Types, type Connection } from 'mongoose';
import { AppError } from '../http/errors';

/**
 * Rate limits counted with insert-only attempt records (FerretDB has no atomic conditional update or $inc, see claims.ts).
 * An attempt inserts its record first, then counts the live records of its key: it may go ahead when there are at most
 * `max`; otherwise it withdraws its own record (a refused attempt does not extend the wait) and is refused with
 * 429 RATE_LIMITED and Retry-After. Under a burst this may refuse a few too many, never let one too many through.
 */
const attemptSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'rate_attempts', versionKey: false },
);
attemptSchema.index({ key: 1, at: 1 });
attemptSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('RateAttempt', attemptSchema);
export type AttemptModel = ReturnType<typeof build>;
export function attemptModel(conn: Connection): AttemptModel {
  return (conn.models.RateAttempt as AttemptModel | undefined) ?? build(conn);
}

export interface RateRule {
  /** what is counted, e.g. `signin:addr:1.2.3.4`; never a phone or ID number */
  key: string;
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one attempt against every rule; throws RATE_LIMITED (with Retry-After) when any of them is over its limit. */
  hit(rules: RateRule[], refusal?: { message?: string; hint?: (retryAt: Date, seconds: number) => string }): Promise<void>;
}

export function createRateLimiter(d: { model: AttemptModel; clock: () => Date }): RateLimiter {
  return {
    async hit(rules, refusal) {
      if (!rules.length) return;
      const now = d.clock();
      const mine = rules.map((r) => ({ _id: new Types.ObjectId(), key: r.key, at: now, expiresAt: new Date(now.getTime() + r.windowMs) }));
      await d.model.insertMany(mine);
      let retryAt: Date | null = null;
      for (const [i, rule] of rules.entries()) {
        const since = new Date(now.getTime() - rule.windowMs);
        // only the newest max+1 records matter: if there are that many, this attempt is one too many. Reading no
        // more than that keeps the cost of a hit bounded by the limit, not by the traffic.
        const newest = await d.model
          .find({ key: rule.key, at: { $gt: since }, expiresAt: { $gt: now } }, { at: 1 })
          .sort({ at: -1, _id: -1 })
          .limit(rule.max + 1)
          .lean();
        // this attempt's own record was inserted first; of the attempts that go ahead, the last one inserted sees all
        // the others, so no more than `max` can ever go ahead, whatever the concurrency. If its record is not among
        // the newest max+1, at least max+1 others are newer: over the limit too.
        const includesMine = newest.some((x) => String(x._id) === String(mine[i]!._id));
        const count = includesMine ? newest.length : newest.length + 1;
        if (count <= rule.max) continue;
        // it may go once the oldest of the newest max+1 has left the window
        const freeing = newest[newest.length - 1];
        const at = new Date((freeing ? freeing.at.getTime() : now.getTime()) + rule.windowMs);
        if (!retryAt || at > retryAt) retryAt = at;
      }
      if (!retryAt) return;
      await d.model.deleteMany({ _id: { $in: mine.map((m) => m._id) } });
      const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', {
        ...(refusal?.message ? { message: refusal.message } : {}),
        hint: refusal?.hint ? refusal.hint(retryAt, seconds) : `请${waitLabel(seconds)}后再试。`,
        details: { retryAt: retryAt.toISOString(), retryAfterSeconds: seconds },
        headers: { 'Retry-After': String(seconds) },
      });
    },
  };
}

/** "1分钟" / "10分钟" / "30秒": how long a citizen waits, in words. */
export function waitLabel(seconds: number): string {
  return seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
}
