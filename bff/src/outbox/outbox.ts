import { randomBytes } from 'node:crypto';
import { CoreRefusal, type CoreRefusalData } from '@jsb/shared';
import type { Claims } from '../db/claims';
import type { Lists } from '../db/lists';
import { findByIds } from '../db/by-id';
import { UpstreamError } from '../clients/http';
import type { Logger } from '../log';
import type { OutboxModel } from './outbox.model';
import { isDuplicateKey } from '../db/duplicate';

/**
 * Delivers one kind of outbox entry to its core system. `requestId` is the entry's id: the core treats a repeat
 * with the same id as the same write, so a delivery that happened but whose answer was lost is not doubled.
 * Throw an UpstreamError (or let the client throw one) for "try again later"; throw anything else for a refusal
 * that retrying will not change (the entry is then marked rejected, with the core's refusal when the error carries one).
 */
export type Deliver = (payload: unknown, requestId: string) => Promise<unknown>;

export interface OutboxEntry<P = unknown, R = unknown> {
  id: string;
  kind: string;
  userId: string;
  payload: P;
  state: 'queued' | 'delivered' | 'rejected';
  attempts: number;
  result?: R;
  createdAt: Date;
  deliveredAt?: Date;
  lastError?: string;
  /** a rejected entry: the core's refusal (its code and details), for the citizen's view to answer as a direct refusal would */
  refusal?: CoreRefusalData;
}

export interface OutboxDeps {
  model: OutboxModel;
  /** each citizen's entries of each kind, newest first (`<kind>|<userId>`) */
  lists: Lists;
  claims: Claims;
  owner: string;
  clock: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** one delivery function per kind */
  deliverers: Record<string, Deliver>;
  /** the wait before attempt n+1, in ms (default: 5 s doubling up to 10 min) */
  backoffMs?: (attempts: number) => number;
}

/**
 * An attempt claimed this long ago without an outcome was cut short (the instance died): try again. A live attempt
 * takes at most a few upstream timeouts; should one outlive this, the retry is still harmless, because the core
 * answers a repeated request id with the same result. (The SIGKILL drill showed 2 minutes left queued writes
 * waiting that long after a restart.)
 */
export const STALE_ATTEMPT_MS = 30_000;

/** a citizen's entries of one kind (my complaints, a case's 补正 submissions), newest first: served by `_id` (issue 14) */
export const listOf = (kind: string, userId: string) => `${kind}|${userId}`;
/** the newest entries `listFor` returns */
const LIST_LIMIT = 200;

const defaultBackoff = (n: number) => Math.min(5_000 * 2 ** Math.max(0, n - 1), 600_000);

type Doc = {
  _id: string;
  kind: string;
  userId: string;
  payload: unknown;
  state: OutboxEntry['state'];
  attempts: number;
  result?: unknown;
  createdAt: Date;
  deliveredAt?: Date | null;
  lastError?: string | null;
  refusal?: CoreRefusalData | null;
};

function toEntry(d: Doc): OutboxEntry {
  return {
    id: d._id,
    kind: d.kind,
    userId: d.userId,
    payload: d.payload,
    state: d.state,
    attempts: d.attempts,
    ...(d.result !== undefined ? { result: d.result } : {}),
    createdAt: d.createdAt,
    ...(d.deliveredAt ? { deliveredAt: d.deliveredAt } : {}),
    ...(d.lastError ? { lastError: d.lastError } : {}),
    ...(d.refusal ? { refusal: d.refusal } : {}),
  };
}

/** The core's refusal behind an error: the error itself, or its cause (a core client's answer to a refusal). */
function refusalIn(err: unknown): CoreRefusalData | undefined {
  const r = err instanceof CoreRefusal ? err : err instanceof Error && err.cause instanceof CoreRefusal ? err.cause : undefined;
  return r ? { code: r.code, details: r.details } : undefined;
}

export function createOutbox(d: OutboxDeps) {
  const backoff = d.backoffMs ?? defaultBackoff;

  /** One delivery attempt, claimed so that two instances never deliver the same attempt at the same time. */
  async function attempt(doc: Doc): Promise<OutboxEntry> {
    const now = d.clock();
    const key = `outbox:${doc._id}:${doc.attempts}`;
    if (!(await d.claims.take(key, d.owner, now, 7 * 24 * 3600_000))) {
      const since = await d.claims.takenAt(key);
      if (since && now.getTime() - since.getTime() > STALE_ATTEMPT_MS) {
        // every instance that sees this writes the same value, so the race is harmless; the next round retries
        await d.model.updateOne({ _id: doc._id, attempts: doc.attempts, state: 'queued' }, { $set: { attempts: doc.attempts + 1 } });
      }
      return toEntry(doc);
    }
    const deliver = d.deliverers[doc.kind];
    if (!deliver) throw new Error(`no deliverer for outbox kind ${doc.kind}`);
    const attempts = doc.attempts + 1;
    try {
      const result = await deliver(doc.payload, doc._id);
      const deliveredAt = d.clock();
      await d.model.updateOne({ _id: doc._id }, { $set: { state: 'delivered', attempts, result, deliveredAt }, $unset: { lastError: 1 } });
      return toEntry({ ...doc, state: 'delivered', attempts, result, deliveredAt });
    } catch (err) {
      const transient = err instanceof UpstreamError;
      const refusal = transient ? undefined : refusalIn(err);
      const lastError = refusal ? `core refused: ${refusal.code}` : err instanceof Error ? err.message.slice(0, 300) : String(err);
      const state = transient ? 'queued' : 'rejected';
      const nextAttemptAt = new Date(now.getTime() + backoff(attempts));
      await d.model.updateOne({ _id: doc._id }, { $set: { state, attempts, nextAttemptAt, lastError, ...(refusal ? { refusal } : {}) } });
      if (!transient) d.log.error({ err, outboxId: doc._id, kind: doc.kind }, 'outbox entry rejected by upstream');
      return toEntry({ ...doc, state, attempts, lastError, ...(refusal ? { refusal } : {}) });
    }
  }

  return {
    /**
     * Stores the write, then tries to deliver it at once. Resolves with the entry either way: `delivered` with the
     * core's result, or `queued` when the core is down or slow (the relay job delivers it later).
     * `key` (e.g. an Idempotency-Key) makes a repeated submission return the same entry.
     */
    async submit<P>(kind: string, userId: string, payload: P, key?: string): Promise<OutboxEntry<P>> {
      const id = key ? `${kind}:${userId}:${key}` : `${kind}:${randomBytes(12).toString('hex')}`;
      const now = d.clock();
      try {
        // the citizen's list names the entry first (db/lists.ts): a crash in between leaves an entry naming nothing
        const place = await d.lists.add(listOf(kind, userId), id);
        await d.model.create({ _id: id, kind, userId, payload, state: 'queued', attempts: 0, nextAttemptAt: now, createdAt: now, place });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const existing = await d.model.findById(id).lean<Doc>();
        if (existing) return toEntry(existing) as OutboxEntry<P>;
        throw err;
      }
      const doc: Doc = { _id: id, kind, userId, payload, state: 'queued', attempts: 0, createdAt: now };
      return (await attempt(doc)) as OutboxEntry<P>;
    },

    async get(id: string): Promise<OutboxEntry | null> {
      const doc = await d.model.findById(id).lean<Doc>();
      return doc ? toEntry(doc) : null;
    },

    async listFor(userId: string, kind: string): Promise<OutboxEntry[]> {
      const { docs } = await d.lists.page(listOf(kind, userId), { limit: LIST_LIMIT }, async (ids) =>
        (await findByIds<Doc & { place?: number }>(d.model, ids)).filter((x) => x.userId === userId && x.kind === kind),
      );
      return docs.map(toEntry);
    },

    /** The relay: one round over due entries, oldest first. Safe on several instances at once. */
    async relay(limit = 100): Promise<{ delivered: number; queued: number; rejected: number }> {
      const now = d.clock();
      const due = await d.model
        .find({ state: 'queued', nextAttemptAt: { $lte: now } })
        .sort({ nextAttemptAt: 1 })
        .limit(limit)
        .lean<Doc[]>();
      const out = { delivered: 0, queued: 0, rejected: 0 };
      for (const doc of due) {
        const e = await attempt(doc);
        out[e.state] += 1;
      }
      if (due.length) d.log.info({ ...out }, 'outbox relay round');
      return out;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
