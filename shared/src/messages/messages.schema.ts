import { z } from 'zod';
import { CORE_EVENT_TYPES } from '../events/events.schema';
import { SUBSCRIPTION_TEMPLATE_KEYS } from './templates';

/**
 * 消息 (issue 12): everything the core announced for the citizen, newest first, whether or not a WeChat subscription
 * message could be sent, and the subscription consents the citizen gave.
 */
export const MESSAGE_LINK_KINDS = ['case', 'correction', 'complaint', 'rating', 'payment'] as const;
export type MessageLinkKind = (typeof MESSAGE_LINK_KINDS)[number];

/**
 * Whether a WeChat subscription message went out too: sent; pending (on its way); not-subscribed (no 允许 left for its
 * template, or WeChat said so with 43101: "cannot notify", shown only in 消息); not-sent (WeChat failed); unknown (the
 * answer of WeChat never came back, so it may have arrived; it is not sent twice); none (this kind of event has no
 * subscription message).
 */
export const WECHAT_NOTICE_STATES = ['sent', 'pending', 'not-subscribed', 'not-sent', 'unknown', 'none'] as const;

export const messageSchema = z.object({
  /** opaque, m_ and 24 hex digits */
  id: z.string(),
  event: z.enum(CORE_EVENT_TYPES),
  title: z.string(),
  /** what happened */
  body: z.string(),
  /** what to do next */
  nextStep: z.string(),
  /** what it is about, and the mini-program page that shows it */
  link: z.object({ kind: z.enum(MESSAGE_LINK_KINDS), id: z.string(), page: z.string() }),
  occurredAt: z.string(),
  read: z.boolean(),
  readAt: z.string().optional(),
  wechat: z.enum(WECHAT_NOTICE_STATES),
});
export type Message = z.infer<typeof messageSchema>;

export const messageListSchema = z.object({
  messages: z.array(messageSchema),
  /** unread messages in all (for 首页's 待办 and the badge on 我的) */
  unread: z.number().int(),
  /** pass as `before` for the next, older page; absent on the last page */
  next: z.string().optional(),
});
export type MessageList = z.infer<typeof messageListSchema>;

export const messageListQuerySchema = z.strictObject({
  before: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,200}$/, '翻页参数不正确')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const unreadCountSchema = z.object({ unread: z.number().int() });
export const messageIdParamSchema = z.strictObject({ id: z.string().regex(/^m_[a-f0-9]{24}$/, '消息编号格式不正确') });
export const readAllSchema = z.object({ marked: z.number().int(), unread: z.number().int() });

/* ---- subscription consents (wx.requestSubscribeMessage) ---- */

/** What wx.requestSubscribeMessage reports per template id: 'accept' is the only answer that allows a message. */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
export const templateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号格式不正确');

/**
 * POST /api/v1/messages/subscriptions: the answers of one subscription sheet, as wx.requestSubscribeMessage gave them
 * (`{ [tmplId]: 'accept' | 'reject' | 'ban' | 'filter' }`, without its errMsg). At most 3 templates, as WeChat's sheet.
 */
export const reportSubscriptionsRequestSchema = z.strictObject({
  answers: z
    .record(templateIdSchema, z.enum(SUBSCRIBE_ANSWERS))
    .refine((a) => Object.keys(a).length >= 1 && Object.keys(a).length <= 3, '一次订阅最多3个模板，至少1个'),
});
export type ReportSubscriptionsRequest = z.infer<typeof reportSubscriptionsRequestSchema>;

export const subscriptionTemplateSchema = z.object({
  key: z.enum(SUBSCRIPTION_TEMPLATE_KEYS),
  templateId: z.string(),
  title: z.string(),
  askWhen: z.string(),
  fields: z.array(z.object({ keyword: z.string(), label: z.string() })),
  /** messages this citizen has allowed and not yet received: each 允许 pays for one */
  remaining: z.number().int(),
});
export const subscriptionsSchema = z.object({
  templates: z.array(subscriptionTemplateSchema),
  /** which template keys to ask for at each moment (booking, case, correction, complaint, rating, refund) */
  moments: z.record(z.string(), z.array(z.enum(SUBSCRIPTION_TEMPLATE_KEYS))),
});
export type Subscriptions = z.infer<typeof subscriptionsSchema>;
