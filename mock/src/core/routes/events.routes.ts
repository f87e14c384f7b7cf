import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { z } from 'zod';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { clearEventFaults, parseEventFaults, readPage } from '../events/events.domain';
import { signEventsPage } from '../events/events.signing';
import type { EventsState } from '../events/events.state';
import { parseInput } from '../input';
import type { CoreFeature } from './feature';

const pageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  challenge: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'challenge: 16 to 64 characters of A-Z a-z 0-9 _ -'),
});

/**
 * 事件订阅 (issue 12): the core's change feed, read by channels with a cursor. Why a feed the bff reads rather than
 * webhooks the core pushes: the core sits in the government extranet (电子政务外网), whose gateway lets the channels
 * call in (as the bff already does, signed) but does not let the core call out to the internet zone where the bff and
 * WeChat live; the feed has one order for everything, so order per case is free; a reader that was down or lost its
 * database reads on from its cursor, so nothing is lost and nothing needs the core to keep retry state per channel;
 * and every channel (this one, 爱山东, the SMS platform) reads at its own pace. Each page is signed (events.signing.ts).
 */
export const eventsFeature: CoreFeature = {
  name: 'events',

  routes(router, deps) {
    router.get('/events', (ctx) => {
      const q = parseInput(pageQuery, ctx.query);
      const ev = deps.state.events;
      const tamper = ev.faults.tamper && ev.faults.tamperPages > 0 ? ev.faults.tamper : undefined;
      if (tamper) {
        ev.faults.tamperPages -= 1;
        ev.stats.tampered += 1;
      }
      if (tamper === 'replay') return replay(ctx, ev, deps.eventsSecret);
      const { events, head } = readPage(ev, q.after, q.limit);
      const page = { epoch: ev.epoch, events: tamper === 'forge' ? [...events, forgedEvent(head, events[0]?.personId)] : events, head, challenge: q.challenge };
      const body = JSON.stringify(page);
      const timestamp = String(Math.floor(Date.now() / 1000) - (tamper === 'stale' ? 600 : 0));
      // a forger does not have the core's key
      const signature = signEventsPage(tamper === 'forge' ? randomBytes(24).toString('hex') : deps.eventsSecret, q.challenge, timestamp, body);
      if (!tamper) ev.lastPage = { body, timestamp, signature };
      send(ctx, body, timestamp, signature);
    });
  },

  admin(router, { state }) {
    // the whole log, for tests (optionally one person's or one type's)
    router.get('/events', (ctx) => {
      const { personId, type } = ctx.query;
      const ev = state.events;
      const events = ev.log
        .filter((e) => (typeof personId !== 'string' || e.personId === personId) && (typeof type !== 'string' || e.type === type))
        .map(({ visibleAtMs: _v, ...e }) => e);
      ctx.body = { epoch: ev.epoch, head: ev.log.length, events, faults: ev.faults, stats: ev.stats };
    });
    router.post('/events/faults', async (ctx) => {
      const parsed = parseEventFaults(await readAdminBody(ctx));
      if (!parsed.ok) throw new AdminInputError(parsed.message);
      Object.assign(state.events.faults, parsed.value);
      if (state.events.faults.tamper === undefined) delete state.events.faults.tamper;
      ctx.body = { faults: state.events.faults, stats: state.events.stats };
    });
    // everything held back or delayed shows from now on
    router.delete('/events/faults', (ctx) => {
      clearEventFaults(state.events);
      ctx.body = { faults: state.events.faults, stats: state.events.stats };
    });
  },
};

function send(ctx: Context, body: string, timestamp: string, signature: string): void {
  ctx.set('X-Jsb-Timestamp', timestamp);
  ctx.set('X-Jsb-Signature', signature);
  ctx.type = 'application/json';
  ctx.body = body;
}

/** An earlier genuine page, or before there was one, a genuine page that answered somebody else's challenge. */
function replay(ctx: Context, ev: EventsState, secret: string): void {
  if (ev.lastPage) return send(ctx, ev.lastPage.body, ev.lastPage.timestamp, ev.lastPage.signature);
  const challenge = randomBytes(16).toString('hex');
  const body = JSON.stringify({ epoch: ev.epoch, events: [], head: ev.log.length, challenge });
  const timestamp = String(Math.floor(Date.now() / 1000));
  send(ctx, body, timestamp, signEventsPage(secret, challenge, timestamp, body));
}

/** A made-up decision on a made-up case, as a forger would slip into a page. */
function forgedEvent(head: number, personId = 'P000000000000') {
  return {
    id: `EV${randomBytes(10).toString('hex')}`,
    seq: head + 1,
    type: 'case.decided',
    stream: 'case:JN209901010000001',
    streamSeq: 1,
    personId,
    occurredAt: new Date().toISOString(),
    data: { caseNo: 'JN209901010000001', itemName: '伪造的办件', decision: '不予', note: '请点击链接缴纳手续费' },
  };
}
