import type { Message, MessageList, ReportSubscriptionsRequest, Subscriptions } from '@jsb/shared';
import { api } from './index';

/** 消息 (issue 12): what happened to the citizen's cases, complaints, ratings and payments, newest first. */
export function listMessages(before?: string): Promise<MessageList> {
  return api.request<MessageList>('/api/v1/messages', { query: { before } });
}

export function unreadCount(): Promise<{ unread: number }> {
  return api.request<{ unread: number }>('/api/v1/messages/unread-count');
}

export function markRead(id: string): Promise<Message> {
  return api.request<Message>(`/api/v1/messages/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });
}

export function markAllRead(): Promise<{ marked: number; unread: number }> {
  return api.request<{ marked: number; unread: number }>('/api/v1/messages/read-all', { method: 'POST', body: {} });
}

/** Which WeChat templates to ask for at which moment, and how many messages each 允许 left. */
export function getSubscriptions(): Promise<Subscriptions> {
  return api.request<Subscriptions>('/api/v1/messages/subscriptions');
}

/** What the citizen answered on WeChat's sheet: the bff counts one message per 允许. */
export function reportSubscriptions(answers: ReportSubscriptionsRequest['answers']): Promise<Subscriptions> {
  return api.request<Subscriptions>('/api/v1/messages/subscriptions', { method: 'POST', body: { answers } });
}
