import { createHash } from 'node:crypto';
import { parseCoreEvent, type CoreEvent, type SubscriptionTemplateKey } from '@jsb/shared';
import { isDuplicateKey } from '../../db/duplicate';
import type { Logger } from '../../log';
import type { Lists } from '../../db/lists';
import type { CitizenModel } from '../auth/citizen.model';
import { personListOf } from '../auth/person';
import { findByIds } from '../../db/by-id';
import { describe } from './describe';
import type { MessageModel } from './message.model';
import type { PushModel } from './push.model';

/** Opaque and stable: the same event for the same citizen is always the same message (and never names the citizen). */
export function messageIdOf(eventId: string, userId: string): string {
  return `m_${createHash('sha256').update(`${eventId}|${userId}`).digest('hex').slice(0, 24)}`;
}

/** how many of a person's accounts are looked at: one person, a handful of WeChat accounts at most */
const PERSON_ACCOUNTS = 20;

/** a citizen's 消息, newest first (db/lists.ts) */
export const messagesListOf = (userId: string) => `messages|${userId}`;

/** how long a subscription message's record is kept (its state shows in 消息: sent, not subscribed …) */
const PUSH_KEEP_MS = 400 * 24 * 3600_000;

async function insertOnce(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export interface InboxDeps {
  citizens: CitizenModel;
  messages: MessageModel;
  lists: Lists;
  pushes: PushModel;
  /** the mini-program's WeChat template id of each template */
  templateIds: Record<SubscriptionTemplateKey, string>;
  clock: () => Date;
  log: Pick<Logger, 'warn'>;
}

/**
 * Turns one recorded event into 消息 for every citizen the core's person is (a person may use more than one WeChat
 * account), plus a pending WeChat subscription message where that kind of news has one. Every write is keyed by event
 * and citizen, so applying the same event again writes nothing: the feed's at-least-once becomes exactly once here.
 * Returns how many citizens it was for (0: the person has no account with us, or the event is of an unknown kind).
 */
export function createInbox(d: InboxDeps) {
  /** The citizens of a person; remembered for one round of the feed only (a citizen who verifies later is found next round). */
  async function recipientsOf(personId: string, round?: Map<string, unknown>): Promise<{ _id: string; openid: string }[]> {
    const key = `person:${personId}`;
    const known = round?.get(key) as { _id: string; openid: string }[] | undefined;
    if (known) return known;
    const entries = await d.lists.newest(personListOf(personId), PERSON_ACCOUNTS);
    const citizens = await findByIds<{ _id: string; openid: string; realName?: { personId?: string } | null }>(
      d.citizens,
      entries.map((e) => e.ref),
      { _id: 1, openid: 1, realName: 1 },
    );
    const found = citizens.filter((c) => c.realName?.personId === personId).map((c) => ({ _id: c._id, openid: c.openid }));
    round?.set(key, found);
    return found;
  }

  return async function apply(e: CoreEvent, round?: Map<string, unknown>): Promise<number> {
    const known = parseCoreEvent(e);
    if (!known) {
      d.log.warn({ eventId: e.id, type: e.type }, 'core event of a kind this bff does not know (or with a payload that does not fit): recorded, not shown');
      return 0;
    }
    const recipients = await recipientsOf(e.personId, round);
    if (!recipients.length) return 0;
    const m = describe(known);
    const now = d.clock();
    const occurredAt = new Date(e.occurredAt);
    const sortKey = `${occurredAt.toISOString()}|${String(e.seq).padStart(12, '0')}`;
    for (const r of recipients) {
      const id = messageIdOf(e.id, r._id);
      // the citizen's list names the message first (db/lists.ts); a repeat of the event finds the message there
      const there = await d.messages.exists({ _id: id });
      const place = there ? null : await d.lists.add(messagesListOf(r._id), id);
      await insertOnce(() =>
        d.messages.create({
          place,
          _id: id,
          userId: r._id,
          eventId: e.id,
          event: e.type,
          stream: e.stream,
          streamSeq: e.streamSeq,
          title: m.title,
          body: m.body,
          nextStep: m.nextStep,
          link: m.link,
          occurredAt,
          sortKey: `${sortKey}|${id}`,
          createdAt: now,
          readAt: null,
        }),
      );
      if (!m.push) continue;
      const push = m.push;
      await insertOnce(() =>
        d.pushes.create({
          _id: id,
          userId: r._id,
          openid: r.openid,
          templateKey: push.key,
          templateId: d.templateIds[push.key],
          page: push.page,
          data: push.data,
          seq: e.seq,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          expiresAt: new Date(now.getTime() + PUSH_KEEP_MS),
        }),
      );
    }
    return recipients.length;
  };
}

export type ApplyEvent = ReturnType<typeof createInbox>;
