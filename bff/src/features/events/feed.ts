import type { CoreEvent } from '@jsb/shared';
import { FeedRefused, type CoreEventsClient } from '../../clients/core-events.client';
import { UpstreamError, UpstreamRejection } from '../../clients/http';
import { isDuplicateKey } from '../../db/duplicate';
import type { Logger } from '../../log';
import { positionId, type CoreEventModel, type EventCursorModel } from './event.model';
import { findByIds, setByIds } from '../../db/by-id';

/**
 * Reading the core's change feed (issue 12): at least once in, exactly once out.
 *
 * Each round reads pages after the cursor, records every event under its position before acting on any (a repeat is
 * an insert on a taken _id: ignored), then applies positions strictly in order from the cursor on — one order for the
 * whole feed, so each case's events are applied in the order they happened — and moves the cursor. Every step is safe
 * to run again: a bff killed mid-round, a database that went away, or two instances reading at once re-read and
 * re-apply, and applying is keyed by event and citizen (messages/inbox.ts). A page the core did not sign for this very
 * request is refused whole (clients/core-events.client.ts) and changes nothing.
 *
 * A position that is missing while later ones arrived (a lagging replica, a dropped row) is a hole: waited for, then
 * skipped after `holeGraceMs` with an error in the log, since a core transaction that took a position and rolled back
 * never fills it. The grace runs on real time: it is about delivery, not about the business clock.
 */
export interface FeedDeps {
  client: CoreEventsClient;
  events: CoreEventModel;
  cursors: EventCursorModel;
  /** `round`: what may be remembered within one round (who a person is), handed back on every call of the round */
  apply: (e: CoreEvent, round: Map<string, unknown>) => Promise<number>;
  clock: () => Date;
  wireNow?: () => number;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  pageSize?: number;
  maxPages?: number;
  holeGraceMs?: number;
}

export interface PullResult {
  pages: number;
  received: number;
  recorded: number;
  repeats: number;
  applied: number;
  skipped: number;
  through: number;
  head: number;
  refused?: FeedRefused['reason'];
  /** the core could not be read this round (why, in short); the next round reads on from the same cursor */
  unavailable?: string;
}

const CURSOR = 'core';
const KEEP_MS = 400 * 24 * 3600_000;
export const HOLE_GRACE_MS = 5 * 60_000;

type Hole = { at: number; since: Date } | null;
type Recorded = {
  _id: string;
  eventId: string;
  seq: number;
  type: string;
  stream: string;
  streamSeq: number;
  personId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
  appliedAt?: Date | null;
};

const asEvent = (r: Recorded): CoreEvent => ({
  id: r.eventId,
  seq: r.seq,
  type: r.type,
  stream: r.stream,
  streamSeq: r.streamSeq,
  personId: r.personId,
  occurredAt: r.occurredAt.toISOString(),
  data: r.data,
});

export function createEventFeed(d: FeedDeps) {
  const wireNow = d.wireNow ?? Date.now;
  const pageSize = d.pageSize ?? 100;
  const maxPages = d.maxPages ?? 10;
  const grace = d.holeGraceMs ?? HOLE_GRACE_MS;

  async function save(epoch: string, through: number, hole: Hole): Promise<void> {
    // never move another instance's newer cursor back (a regression would only cost a re-read, but why)
    const filter = { _id: CURSOR, $or: [{ epoch: { $ne: epoch } }, { through: { $lte: through } }] };
    try {
      await d.cursors.updateOne(filter, { $set: { epoch, through, hole, updatedAt: d.clock() } }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // the cursor is further on already
    }
  }

  /**
   * Records a page's events; returns those not seen before. One read finds the positions already recorded (a re-read
   * page is mostly repeats: an insert each would be a failed write each); the rest are inserted, and an insert that
   * loses to another instance's is a repeat too. A repeat keeps the first record.
   */
  async function record(epoch: string, events: CoreEvent[]): Promise<Map<number, CoreEvent>> {
    const now = d.clock();
    const fresh = new Map<number, CoreEvent>();
    const seen = new Map(
      (
        await findByIds<{ seq: number; eventId: string }>(
          d.events,
          events.map((e) => positionId(epoch, e.seq)),
          { eventId: 1, seq: 1 },
        )
      ).map((r) => [r.seq, r.eventId]),
    );
    for (const e of events) {
      const first = seen.get(e.seq);
      if (first !== undefined || fresh.has(e.seq)) {
        if (first !== undefined && first !== e.id)
          d.log.error({ epoch, seq: e.seq, first, now: e.id }, 'core event feed: two events at one position; the first is kept');
        continue;
      }
      try {
        await d.events.create({
          _id: positionId(epoch, e.seq),
          eventId: e.id,
          epoch,
          seq: e.seq,
          type: e.type,
          stream: e.stream,
          streamSeq: e.streamSeq,
          personId: e.personId,
          occurredAt: new Date(e.occurredAt),
          data: e.data,
          receivedAt: now,
          expiresAt: new Date(now.getTime() + KEEP_MS),
        });
        fresh.set(e.seq, e);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    return fresh;
  }

  /**
   * Applies every recorded position after `through`, in order, up to the first missing one; returns the new `through`.
   * The records are marked applied once per call (one write, not one per event): a mark that a crash lost only means
   * that position is applied again, which writes nothing new.
   */
  async function applyFrom(epoch: string, through: number, fresh: Map<number, CoreEvent>, out: PullResult, round: Map<string, unknown>): Promise<number> {
    const done: string[] = [];
    for (;;) {
      const seq = through + 1;
      const id = positionId(epoch, seq);
      const known = fresh.get(seq);
      const rec = known ? null : await d.events.findById(id).lean<Recorded>();
      if (!known && !rec) break;
      if (known || !rec?.appliedAt) {
        await d.apply(known ?? asEvent(rec!), round);
        done.push(id);
        out.applied += 1;
      }
      through = seq;
    }
    await setByIds(d.events, done, { appliedAt: d.clock() });
    return through;
  }

  return {
    async pull(): Promise<PullResult> {
      const cur = await d.cursors.findById(CURSOR).lean();
      let epoch = cur?.epoch;
      let through = cur?.through ?? 0;
      let hole: Hole = cur?.hole?.at ? { at: cur.hole.at, since: cur.hole.since as Date } : null;
      let after = through;
      const out: PullResult = { pages: 0, received: 0, recorded: 0, repeats: 0, applied: 0, skipped: 0, through, head: 0 };
      const round = new Map<string, unknown>();
      for (let p = 0; p < maxPages; p++) {
        let page;
        try {
          page = await d.client.readPage(after, pageSize);
        } catch (err) {
          if (err instanceof FeedRefused) {
            out.refused = err.reason;
            d.log.warn({ reason: err.reason }, "core event feed: refused a page that is not the core's answer to our request; nothing in it was read");
            break;
          }
          if (err instanceof UpstreamError || err instanceof UpstreamRejection) {
            out.unavailable = err.message.slice(0, 120);
            break;
          }
          throw err;
        }
        out.pages += 1;
        if (page.epoch !== epoch) {
          const restart = epoch !== undefined && after > 0;
          if (epoch !== undefined) d.log.warn({ from: epoch, to: page.epoch }, 'core event feed started a new epoch: reading it from the beginning');
          epoch = page.epoch;
          through = 0;
          hole = null;
          if (restart) {
            after = 0;
            continue;
          }
        }
        out.head = page.head;
        const fresh = await record(epoch, page.events);
        out.received += page.events.length;
        out.recorded += fresh.size;
        out.repeats += page.events.length - fresh.size;
        through = await applyFrom(epoch, through, fresh, out, round);
        const maxSeq = Math.max(after, ...page.events.map((e) => e.seq));
        if (maxSeq > through) {
          if (!hole || hole.at !== through + 1) hole = { at: through + 1, since: new Date(wireNow()) };
          else if (wireNow() - hole.since.getTime() > grace) {
            d.log.error(
              { epoch, seq: hole.at, waitedMs: wireNow() - hole.since.getTime() },
              'core event feed: a position never arrived within the grace period; skipped',
            );
            out.skipped += 1;
            hole = null;
            through = await applyFrom(epoch, through + 1, fresh, out, round);
          }
        } else hole = null;
        await save(epoch, through, hole);
        if (page.events.length === 0 || maxSeq >= page.head) break;
        after = maxSeq;
      }
      out.through = through;
      return out;
    },
  };
}

export type EventFeed = ReturnType<typeof createEventFeed>;
