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
import type { Consents } from './consents';
import type { MessageModel } from './message.model';
import type { PushModel } from './push.model';

export interface MessagesDeps {
  messages: MessageModel;
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
const encode = (sortKey: string) => Buffer.from(sortKey).toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString();

/** 消息 (issue 12): the citizen's own messages, newest first, and their WeChat subscription consents. */
export function createMessagesService(d: MessagesDeps) {
  async function views(docs: Doc[]): Promise<Message[]> {
    const pushes = await d.pushes.find({ _id: { $in: docs.map((x) => x._id) } }, { state: 1 }).lean();
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

  const unreadOf = (userId: string) => d.messages.countDocuments({ userId, readAt: null });

  async function own(auth: AuthContext, id: string): Promise<Doc> {
    // another citizen's message answers exactly like a missing one
    const doc = await d.messages.findOne({ _id: id, userId: auth.userId }).lean<Doc>();
    if (!doc) throw notFound();
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
      const filter = { userId: auth.userId, ...(q.before ? { sortKey: { $lt: decode(q.before) } } : {}) };
      const docs = await d.messages
        .find(filter)
        .sort({ sortKey: -1 })
        .limit(q.limit + 1)
        .lean<Doc[]>();
      const page = docs.slice(0, q.limit);
      const more = docs.length > q.limit;
      return { messages: await views(page), unread: await unreadOf(auth.userId), ...(more ? { next: encode(page[page.length - 1]!.sortKey) } : {}) };
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
        await d.messages.updateOne({ _id: id, userId: auth.userId, readAt: null }, { $set: { readAt } });
        doc.readAt = readAt;
      }
      return (await views([doc]))[0]!;
    },

    async readAll(auth: AuthContext): Promise<{ marked: number; unread: number }> {
      const r = await d.messages.updateMany({ userId: auth.userId, readAt: null }, { $set: { readAt: d.clock() } });
      return { marked: r.modifiedCount, unread: await unreadOf(auth.userId) };
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
