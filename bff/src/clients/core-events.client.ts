import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { coreEventsPageSchema, type CoreEventsPage } from '@jsb/shared';
import type { CoreClient } from './core.client';
import { UpstreamRejection } from './http';

/**
 * A page of the core's event feed that is not the core's answer to our request: refused before anything in it is
 * read, so it changes nothing. `forged`: the signature is not the core's; `replayed`: a genuine page, but it answers an
 * earlier challenge; `stale`: signed longer ago than the skew allows; `unsigned`/`malformed`: not a page at all.
 */
export class FeedRefused extends Error {
  constructor(readonly reason: 'forged' | 'replayed' | 'stale' | 'unsigned' | 'malformed') {
    super(`core event feed page refused: ${reason}`);
    this.name = 'FeedRefused';
  }
}

/** the same window as every other signature check between us and the core (and WeChat Pay's 300 s) */
export const FEED_MAX_SKEW_S = 300;

/**
 * The reader of GET /core/v1/events. The request is signed like every core call; the answer must be signed by the core
 * (mock/src/core/events/events.signing.ts is the contract, verified here on the bytes as they came):
 *   X-Jsb-Signature = base64(HMAC-SHA256(secret, "EVENTS-PAGE\n" + challenge + "\n" + X-Jsb-Timestamp + "\n" + sha256hex(body)))
 * where `challenge` is a fresh random value of this request, so no earlier page can stand in for this one.
 */
export function createCoreEventsClient(core: CoreClient, o: { secret: string; wireNow?: () => number }) {
  const wireNow = o.wireNow ?? Date.now;
  const sign = (challenge: string, ts: string, text: string) =>
    createHmac('sha256', o.secret)
      .update(`EVENTS-PAGE\n${challenge}\n${ts}\n${createHash('sha256').update(text).digest('hex')}`)
      .digest();

  function verify(challenge: string, ts: string | null, signature: string | null, text: string): void {
    if (!ts || !signature || !/^\d{1,12}$/.test(ts)) throw new FeedRefused('unsigned');
    const given = Buffer.from(signature, 'base64');
    const ours = sign(challenge, ts, text);
    if (given.length !== ours.length || !timingSafeEqual(given, ours)) {
      // a genuine page for another request is a replay; anything else is not the core's
      const theirs = (() => {
        try {
          return (JSON.parse(text) as { challenge?: unknown }).challenge;
        } catch {
          return undefined;
        }
      })();
      const old = typeof theirs === 'string' && theirs !== challenge ? sign(theirs, ts, text) : undefined;
      throw new FeedRefused(old && old.length === given.length && timingSafeEqual(old, given) ? 'replayed' : 'forged');
    }
    if (Math.abs(wireNow() / 1000 - Number(ts)) > FEED_MAX_SKEW_S) throw new FeedRefused('stale');
  }

  return {
    /** Events after position `after` (at most `limit`), checked as the core's answer to this very request. */
    async readPage(after: number, limit: number): Promise<CoreEventsPage> {
      const challenge = randomBytes(16).toString('hex');
      const res = await core.http.request<unknown>('/core/v1/events', { query: { after, limit, challenge } });
      if (res.status >= 400) throw new UpstreamRejection('core', res.status, res.body);
      verify(challenge, res.headers.get('x-jsb-timestamp'), res.headers.get('x-jsb-signature'), res.text);
      const page = coreEventsPageSchema.safeParse(res.body);
      if (!page.success) throw new FeedRefused('malformed');
      if (page.data.challenge !== challenge) throw new FeedRefused('replayed');
      return page.data;
    },
  };
}

export type CoreEventsClient = ReturnType<typeof createCoreEventsClient>;
