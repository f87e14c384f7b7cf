import {
  SUBSCRIBE_MOMENTS,
  SUBSCRIPTION_TEMPLATE_KEYS,
  SUBSCRIPTION_TEMPLATES,
  type Message,
  type MessageList,
  type ReportSubscriptionsRequest,
  type SubscriptionTemplateKey,
  type Subscriptions,
} from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { IdempotencyStore } from '../../db/idempotency';
import type { Lists } from '../../db/lists';
import { findByIds, setByIds } from '../../db/by-id';
import { messagesListOf } from './inbox';
import type { Consents } from './consents';
import type { MessageModel } from './message.model';
import type { PushModel } from './push.model';

export interface MessagesDeps {
  messages: MessageModel;
  lists: Lists;
  pushes: PushModel;
  consents: Consents;
  templateIds: Record<SubscriptionTemplateKey, string>;
  idempotency: IdempotencyStore;
  clock: () => Date;
}

type Doc = {
  _id: string;
  event: string;
  title: string;
  body: string;
  nextStep: string;
  link: Message['link'];
  occurredAt: Date;
  sortKey: string;
  readAt?: Date | null;
  place?: number | null;
};

const WECHAT: Record<string, Message['wechat']> = {
  pending: 'pending',
  sending: 'pending',
  sent: 'sent',
  refused: 'not-subscribed',
  failed: 'not-sent',
  unknown: 'unknown',
};

const notFound = () => new AppError('NOT_FOUND', { message: '没有找到这条消息。', hint: '请返回“消息”刷新后查看。' });
/** the cursor of the next page: the list number it starts below */
const encode = (place: number) => Buffer.from(`below:${place}`).toString('base64url');
function decode(cursor: string): number {
  const m = /^below:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new AppError('VALIDATION_FAILED', { message: '翻页参数已失效。', hint: '请返回“消息”下拉刷新后再往下翻。' });
  return Number(m[1]);
}

/**
 * The unread count looks at the newest this many messages (a lookup by _id whatever the database's size, issue 14):
 * unread ones older than those are not counted, nor marked by 全部已读 (a citizen who left that many unread is told so).
 */
export const UNREAD_LOOKS_AT = 200;

/** 消息 (issue 12): the citizen's own messages, newest first, and their WeChat subscription consents. */
export function createMessagesService(d: MessagesDeps) {
  async function views(docs: Doc[]): Promise<Message[]> {
    const pushes = await findByIds<{ _id: string; state: string }>(
      d.pushes,
      docs.map((x) => x._id),
      { state: 1 },
    );
    const state = new Map(pushes.map((p) => [p._id, p.state]));
    return docs.map((x) => ({
      id: x._id,
      event: x.event as Message['event'],
      title: x.title,
      body: x.body,
      nextStep: x.nextStep,
      link: { kind: x.link.kind, id: x.link.id, page: x.link.page },
      occurredAt: x.occurredAt.toISOString(),
      read: Boolean(x.readAt),
      ...(x.readAt ? { readAt: x.readAt.toISOString() } : {}),
      wechat: WECHAT[state.get(x._id) ?? ''] ?? 'none',
    }));
  }

  /** the citizen's unread messages among the newest UNREAD_LOOKS_AT, each at its own list number */
  async function unreadIds(userId: string): Promise<string[]> {
    const entries = await d.lists.newest(messagesListOf(userId), UNREAD_LOOKS_AT);
    if (!entries.length) return [];
    const at = new Map(entries.map((e) => [e.ref, e.n]));
    const docs = await findByIds<Doc & { userId: string }>(d.messages, [...at.keys()], { _id: 1, userId: 1, readAt: 1, place: 1 });
    const listed = new Set(entries.map((e) => `${e.ref}#${e.n}`));
    return docs.filter((x) => x.userId === userId && !x.readAt && (x.place == null || listed.has(`${x._id}#${x.place}`))).map((x) => x._id);
  }
  const unreadOf = async (userId: string) => (await unreadIds(userId)).length;

  async function own(auth: AuthContext, id: string): Promise<Doc> {
    // another citizen's message answers exactly like a missing one
    const doc = await d.messages.findById(id).lean<Doc & { userId: string }>();
    if (!doc || doc.userId !== auth.userId) throw notFound();
    return doc;
  }

  async function subscriptions(auth: AuthContext): Promise<Subscriptions> {
    const templates = await Promise.all(
      SUBSCRIPTION_TEMPLATE_KEYS.map(async (key) => {
        const spec = SUBSCRIPTION_TEMPLATES[key];
        const templateId = d.templateIds[key];
        return {
          key,
          templateId,
          title: spec.title,
          askWhen: spec.askWhen,
          fields: Object.entries(spec.fields).map(([keyword, label]) => ({ keyword, label })),
          remaining: await d.consents.remaining(auth.userId, templateId),
        };
      }),
    );
    return { templates, moments: Object.fromEntries(Object.entries(SUBSCRIBE_MOMENTS).map(([m, keys]) => [m, [...keys]])) };
  }

  return {
    async list(auth: AuthContext, q: { before?: string; limit: number }): Promise<MessageList> {
      const below = q.before ? decode(q.before) : undefined;
      const [page, unread] = await Promise.all([
        d.lists.page(messagesListOf(auth.userId), { limit: q.limit, ...(below ? { below } : {}) }, (ids) =>
          findByIds<Doc & { userId: string }>(d.messages, ids).then((docs) => docs.filter((x) => x.userId === auth.userId)),
        ),
        unreadOf(auth.userId),
      ]);
      return { messages: await views(page.docs), unread, ...(page.next ? { next: encode(page.next) } : {}) };
    },

    async unread(auth: AuthContext): Promise<{ unread: number }> {
      return { unread: await unreadOf(auth.userId) };
    },

    async get(auth: AuthContext, id: string): Promise<Message> {
      return (await views([await own(auth, id)]))[0]!;
    },

    /** Opened: read from now on. Again is harmless (the first time stays). */
    async markRead(auth: AuthContext, id: string): Promise<Message> {
      const doc = await own(auth, id);
      if (!doc.readAt) {
        const readAt = d.clock();
        await d.messages.updateOne({ _id: id }, { $set: { readAt } });
        doc.readAt = readAt;
      }
      return (await views([doc]))[0]!;
    },

    async readAll(auth: AuthContext): Promise<{ marked: number; unread: number }> {
      const ids = await unreadIds(auth.userId);
      const marked = await setByIds(d.messages, ids, { readAt: d.clock() });
      return { marked, unread: await unreadOf(auth.userId) };
    },

    subscriptions,

    /**
     * What the subscription sheet answered (wx.requestSubscribeMessage): each 'accept' is one more message this
     * citizen allows for that template. A repeat with the same Idempotency-Key counts once.
     */
    async report(auth: AuthContext, body: ReportSubscriptionsRequest, idempotencyKey?: string): Promise<Subscriptions> {
      const known = new Set(Object.values(d.templateIds));
      const unknown = Object.keys(body.answers).filter((id) => !known.has(id));
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', {
          message: '订阅的消息模板已更新。',
          hint: '请更新小程序到最新版本后重新订阅；已订阅的不受影响。',
          details: { templateIds: unknown },
        });
      }
      await d.idempotency.once({
        userId: auth.userId,
        operation: 'reportSubscriptions',
        key: idempotencyKey,
        request: body.answers,
        run: async () => {
          for (const [templateId, answer] of Object.entries(body.answers)) if (answer === 'accept') await d.consents.grant(auth.userId, templateId);
          return { ok: true };
        },
      });
      return subscriptions(auth);
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
