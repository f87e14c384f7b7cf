import { Schema, type Connection } from 'mongoose';
import { AppError } from '../http/errors';
import { isDuplicateKey } from './duplicate';

/**
 * Rate limits as fixed windows of numbered places: an attempt in window w of key k takes the first free place
 * `k|w#n` with n ≤ max by inserting a document with that _id. A unique _id insert is atomic on every server we run
 * (FerretDB has no atomic conditional update or $inc, see claims.ts), so no more than `max` attempts ever go ahead in
 * a window, whatever the concurrency; the rest are refused with 429 RATE_LIMITED and Retry-After (the window's end)
 * and take no place, so a refused attempt does not extend the wait.
 *
 * Every read and write is by _id, the only lookup FerretDB v1.24 (SQLite) answers without scanning the collection.
 * An instance starts where its own last attempt in the window ended; when that place is taken, a `k|w` document that
 * remembers roughly how many places are taken tells it where to go on. That note may lag behind (it is written without
 * a lock); then an attempt tries a place or two more. Windows are fixed (aligned to the epoch), so at a window's edge
 * up to 2 × max attempts can pass within a short time.
 */
const attemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** the highest place known to be taken, on the `k|w` document */
    n: { type: Number },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'rate_attempts', versionKey: false },
);
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
  /** Counts one attempt; throws RATE_LIMITED (with Retry-After) when the rule's window is full. */
  hit(rule: RateRule, refusal?: { message?: string; hint?: (retryAt: Date, seconds: number) => string }): Promise<void>;
}

export function createRateLimiter(d: { model: AttemptModel; clock: () => Date }): RateLimiter {
  /**
   * The highest place this instance took or saw taken, per window: where its next attempt starts, without reading the
   * note (issue 14: a sign-in's two limits cost one insert each). Windows end, so the map is simply emptied when full.
   */
  const seen = new Map<string, number>();

  /** the place taken (1…max), or 0 when the window is full */
  async function takePlace(base: string, max: number, expiresAt: Date): Promise<number> {
    const start = seen.get(base) ?? 0;
    let noteRead = false;
    for (let n = start + 1; n <= max; n++) {
      try {
        await d.model.create({ _id: `${base}#${n}`, expiresAt });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // taken by another instance (or before a restart): the note says how far the others got
        if (!noteRead) {
          noteRead = true;
          n = Math.max(n, (await d.model.findById(base, { n: 1 }).lean())?.n ?? 0);
        }
        continue;
      }
      if (seen.size > 10_000) seen.clear();
      seen.set(base, n);
      // the note is moved on only when it was behind (the first place tried was taken): the usual attempt costs one insert
      if (n > start + 1) await remember(base, n, expiresAt);
      return n;
    }
    // full until the window ends: this instance refuses the next attempts without asking the database
    seen.set(base, max);
    return 0;
  }

  async function remember(base: string, n: number, expiresAt: Date): Promise<void> {
    try {
      await d.model.updateOne({ _id: base }, { $max: { n }, $setOnInsert: { expiresAt } }, { upsert: true });
    } catch (err) {
      // two first notes of a window at once: the other one was inserted; move it on instead
      if (!isDuplicateKey(err)) throw err;
      await d.model.updateOne({ _id: base }, { $max: { n } });
    }
  }

  return {
    async hit(rule, refusal) {
      const now = d.clock().getTime();
      const window = Math.floor(now / rule.windowMs);
      const end = new Date((window + 1) * rule.windowMs);
      if ((await takePlace(`${rule.key}|${window}`, rule.max, end)) > 0) return;
      const seconds = Math.max(1, Math.ceil((end.getTime() - now) / 1000));
      throw new AppError('RATE_LIMITED', {
        ...(refusal?.message ? { message: refusal.message } : {}),
        hint: refusal?.hint ? refusal.hint(end, seconds) : `请${waitLabel(seconds)}后再试。`,
        details: { retryAt: end.toISOString(), retryAfterSeconds: seconds },
        headers: { 'Retry-After': String(seconds) },
      });
    },
  };
}

/** "1分钟" / "10分钟" / "30秒": how long a citizen waits, in words. */
export function waitLabel(seconds: number): string {
  return seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
}
