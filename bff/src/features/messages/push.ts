import type { Claims } from '../../db/claims';
import { UpstreamError } from '../../clients/http';
import { WechatApiError, type WechatClient } from '../../clients/wechat.client';
import type { Logger } from '../../log';
import type { Consents } from './consents';
import type { PushModel } from './push.model';

/**
 * Sends the pending WeChat subscription messages (a periodic job; safe on several instances). Per message: claim the
 * attempt, spend one of the citizen's consents for its template (none left: "cannot notify", WeChat is not asked),
 * mark it `sending`, call subscribeMessage.send. A 43101 is WeChat saying the same: cannot notify, not an error.
 *
 * At most once: WeChat's send has no idempotency key, so an attempt whose answer we never got (a timeout, an unreadable
 * answer, an instance that died during the call) is `unknown` and not repeated — the citizen still has it in 消息.
 * Only failures that prove nothing was sent (WeChat busy, -1; the connection refused; a 5xx) are tried again, with the
 * consent already spent for it.
 */
export interface PushSenderDeps {
  pushes: PushModel;
  consents: Consents;
  wechat: Pick<WechatClient, 'sendSubscribeMessage'>;
  claims: Claims;
  owner: string;
  clock: () => Date;
  log: Pick<Logger, 'warn' | 'error'>;
}

/** an attempt claimed this long ago and still `sending` belongs to an instance that died during the call */
const STALE_MS = 60_000;
/**
 * A claim this old on a message still `pending` was taken by a round that never got as far as `sending` (a few database
 * writes after the claim: the instance died, or the database went away in between, as the event drill showed): the
 * next round may try again. WeChat was not called for it, so this cannot send twice.
 */
const ABANDONED_MS = 10_000;
const MAX_ATTEMPTS = 5;
/** news older than this is not pushed any more (it stays in 消息) */
const MAX_AGE_MS = 7 * 24 * 3600_000;

type Outcome = { state: 'sent' | 'refused' | 'failed' | 'unknown' | 'pending'; reason?: string };

function outcomeOf(err: unknown, attempts: number): Outcome {
  const again = (reason: string): Outcome => (attempts >= MAX_ATTEMPTS ? { state: 'failed', reason } : { state: 'pending', reason });
  if (err instanceof WechatApiError) return err.errcode === -1 ? again('wechat-busy') : { state: 'failed', reason: `wechat-${err.errcode}` };
  if (err instanceof UpstreamError && (err.kind === 'network' || err.kind === 'circuit-open' || err.kind === 'server')) return again(`wechat-${err.kind}`);
  return { state: 'unknown', reason: err instanceof UpstreamError ? `wechat-${err.kind}` : 'error' };
}

export function createPushSender(d: PushSenderDeps) {
  return async function sendDue(limit = 200): Promise<Record<Outcome['state'], number>> {
    const now = d.clock();
    const out = { sent: 0, refused: 0, failed: 0, unknown: 0, pending: 0 };
    const cutShort = await d.pushes
      .find({ state: 'sending', claimedAt: { $lt: new Date(now.getTime() - STALE_MS) } }, { _id: 1 })
      .limit(limit)
      .lean();
    for (const p of cutShort) {
      await d.pushes.updateOne({ _id: p._id, state: 'sending' }, { $set: { state: 'unknown', reason: 'cut-short' } });
      out.unknown += 1;
    }
    const due = await d.pushes
      .find({ state: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ seq: 1 })
      .limit(limit)
      .lean();
    for (const p of due) {
      const key = `push:${p._id}:${p.attempts}`;
      if (!(await d.claims.take(key, d.owner, now, 7 * 24 * 3600_000))) {
        // claimed by an instance that died before it got as far as `sending`: let the next round try with a new claim
        const since = await d.claims.takenAt(key);
        if (since && now.getTime() - since.getTime() > ABANDONED_MS)
          await d.pushes.updateOne({ _id: p._id, state: 'pending', attempts: p.attempts }, { $set: { attempts: p.attempts + 1 } });
        continue;
      }
      if (now.getTime() - p.createdAt.getTime() > MAX_AGE_MS) {
        await d.pushes.updateOne({ _id: p._id }, { $set: { state: 'failed', reason: 'too-late' } });
        out.failed += 1;
        continue;
      }
      const consent = p.consent ?? (await d.consents.spend(p.userId, p.templateId, p._id));
      if (consent === null) {
        await d.pushes.updateOne({ _id: p._id }, { $set: { state: 'refused', reason: 'no-consent' } });
        out.refused += 1;
        continue;
      }
      const attempts = p.attempts + 1;
      await d.pushes.updateOne({ _id: p._id }, { $set: { state: 'sending', claimedAt: now, consent, attempts } });
      let o: Outcome;
      try {
        const r = await d.wechat.sendSubscribeMessage({
          touser: p.openid,
          templateId: p.templateId,
          page: p.page,
          data: p.data as Record<string, { value: string }>,
        });
        o = r === 'sent' ? { state: 'sent' } : { state: 'refused', reason: 'wechat-43101' };
      } catch (err) {
        o = outcomeOf(err, attempts);
        if (o.state !== 'pending') d.log.warn({ err, pushId: p._id, outcome: o.state }, 'subscription message not sent');
      }
      const next = o.state === 'pending' ? { nextAttemptAt: new Date(now.getTime() + 30_000 * 2 ** (attempts - 1)) } : {};
      await d.pushes.updateOne(
        { _id: p._id },
        { $set: { state: o.state, ...(o.reason ? { reason: o.reason } : {}), ...(o.state === 'sent' ? { sentAt: d.clock() } : {}), ...next } },
      );
      out[o.state] += 1;
    }
    return out;
  };
}

export type PushSender = ReturnType<typeof createPushSender>;
