import { Schema, type Connection } from 'mongoose';
import type { ErrorCode } from '@jsb/shared';
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
 * up to 2 × max attempts can pass within a short time. A rule may name its own windows instead (a Shanghai day).
 *
 * An attempt that did not happen after all (the upload was not kept, the right code was given, the core could not be
 * asked) gives its place back with `release`: the place's document goes, and this instance starts there next time.
 * Another instance may not see the freed place until the window ends: a limit is kept too eagerly, never too leniently.
 *
 * One 429 for every limit (issue 13): the rule's code (RATE_LIMITED unless the feature has its own), a message and a
 * hint that say when to try again, `details` with the limit and the window's end, and Retry-After.
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

/** A window a rule names itself, e.g. the Shanghai day: its name goes into the places' _ids. */
export interface RateWindow {
  name: string;
  end: Date;
}

/** What is counted (e.g. `signin:addr:1.2.3.4`; never a phone or ID number), how many, and in which windows. */
export type RateRule = { key: string; max: number } & ({ windowMs: number } | { window: (now: Date) => RateWindow });

/** How a full window is refused: the code, and words that may say when it opens again. */
export interface RateRefusal {
  /** RATE_LIMITED unless the feature has its own code (TOO_MANY_ATTEMPTS, COMPLAINT_DAILY_LIMIT) */
  code?: ErrorCode;
  message?: string | ((retryAt: Date, seconds: number) => string);
  hint?: (retryAt: Date, seconds: number) => string;
}

/** A place taken: the n-th of the rule's max in its window; `release` gives it back. */
export interface RatePlace {
  base: string;
  n: number;
}

export interface RateLimiter {
  /** Takes one place in the rule's window; throws the rule's 429 (with Retry-After) when the window is full. */
  take(rule: RateRule, refusal?: RateRefusal): Promise<RatePlace>;
  /** Gives a place back: the attempt it counted did not happen after all. */
  release(place: RatePlace): Promise<void>;
  /** An attempt that always counts: `take`, keeping the place. */
  hit(rule: RateRule, refusal?: RateRefusal): Promise<void>;
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
        // the driver's insert: a place is two fields, and mongoose's document machinery was a sign-in's largest cost
        await d.model.collection.insertOne({ _id: `${base}#${n}` as never, expiresAt });
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

  function windowOf(rule: RateRule, now: Date): RateWindow {
    if ('window' in rule) return rule.window(now);
    const w = Math.floor(now.getTime() / rule.windowMs);
    return { name: String(w), end: new Date((w + 1) * rule.windowMs) };
  }

  async function take(rule: RateRule, refusal?: RateRefusal): Promise<RatePlace> {
    const now = d.clock();
    const { name, end } = windowOf(rule, now);
    const base = `${rule.key}|${name}`;
    const n = await takePlace(base, rule.max, end);
    if (n > 0) return { base, n };
    throw rateLimited(rule.max, end, now, refusal);
  }

  return {
    take,
    async release(place) {
      await d.model.deleteOne({ _id: `${place.base}#${place.n}` });
      // this instance tries the freed place first next time
      const known = seen.get(place.base);
      if (known !== undefined && known >= place.n) seen.set(place.base, place.n - 1);
    },
    async hit(rule, refusal) {
      await take(rule, refusal);
    },
  };
}

/** The one 429: the limit, when the window opens again (details and Retry-After), and words that say so. */
function rateLimited(limit: number, retryAt: Date, now: Date, refusal: RateRefusal = {}): AppError {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const message = typeof refusal.message === 'function' ? refusal.message(retryAt, seconds) : refusal.message;
  return new AppError(refusal.code ?? 'RATE_LIMITED', {
    ...(message ? { message } : {}),
    hint: refusal.hint ? refusal.hint(retryAt, seconds) : `请${waitLabel(seconds)}后再试。`,
    details: { limit, retryAt: retryAt.toISOString(), retryAfterSeconds: seconds },
    headers: { 'Retry-After': String(seconds) },
  });
}

/** "1分钟" / "10分钟" / "30秒": how long a citizen waits, in words. */
export function waitLabel(seconds: number): string {
  return seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
}
