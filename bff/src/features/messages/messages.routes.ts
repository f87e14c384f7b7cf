import {
  messageIdParamSchema,
  messageListQuerySchema,
  messageListSchema,
  messageSchema,
  readAllSchema,
  reportSubscriptionsRequestSchema,
  subscriptionsSchema,
  unreadCountSchema,
} from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { MessagesService } from './messages.service';

export function messageRoutes(t: RouteTable, s: MessagesService): void {
  t.add({
    method: 'get',
    path: '/api/v1/messages',
    operationId: 'listMessages',
    summary: '消息：政务系统通知的每一件事（新的在前），含未读数；每条说明发生了什么、下一步怎么做，并链接到办件、补正、找茬、评价或缴费；before 翻页',
    tags: ['messages'],
    auth: true,
    query: messageListQuerySchema,
    response: messageListSchema,
    handler: ({ auth, query }) => s.list(auth, query),
  });
  // declared before /messages/:id so these are never read as a message id
  t.add({
    method: 'get',
    path: '/api/v1/messages/unread-count',
    operationId: 'countUnreadMessages',
    summary: '未读消息数（首页“待办”和“我的”角标）',
    tags: ['messages'],
    auth: true,
    response: unreadCountSchema,
    handler: ({ auth }) => s.unread(auth),
  });
  t.add({
    method: 'post',
    path: '/api/v1/messages/read-all',
    operationId: 'readAllMessages',
    summary: '全部标为已读',
    tags: ['messages'],
    auth: true,
    response: readAllSchema,
    handler: ({ auth }) => s.readAll(auth),
  });
  t.add({
    method: 'get',
    path: '/api/v1/messages/subscriptions',
    operationId: 'getSubscriptions',
    summary: '微信订阅消息：每个模板的模板ID、字段、何时请求（moments），以及本人还剩几次“允许”（一次性订阅：每次允许可收一条）',
    tags: ['messages'],
    auth: true,
    response: subscriptionsSchema,
    handler: ({ auth }) => s.subscriptions(auth),
  });
  t.add({
    method: 'post',
    path: '/api/v1/messages/subscriptions',
    operationId: 'reportSubscriptions',
    summary:
      '告知 wx.requestSubscribeMessage 的结果：{ answers: { [模板ID]: accept|reject|ban|filter } }（去掉 errMsg，最多3个模板）；每个 accept 增加一次可发送的消息；带 Idempotency-Key 的重复提交只计一次',
    tags: ['messages'],
    auth: true,
    body: reportSubscriptionsRequestSchema,
    response: subscriptionsSchema,
    idempotencyKey: true,
    errors: ['IDEMPOTENCY_CONFLICT'],
    handler: ({ auth, body, idempotencyKey }) => s.report(auth, body, idempotencyKey),
  });
  t.add({
    method: 'get',
    path: '/api/v1/messages/:id',
    operationId: 'getMessage',
    summary: '一条消息',
    tags: ['messages'],
    auth: true,
    params: messageIdParamSchema,
    response: messageSchema,
    handler: ({ auth, params }) => s.get(auth, params.id),
  });
  t.add({
    method: 'post',
    path: '/api/v1/messages/:id/read',
    operationId: 'readMessage',
    summary: '打开一条消息：标为已读（再次调用不变），返回这条消息',
    tags: ['messages'],
    auth: true,
    params: messageIdParamSchema,
    response: messageSchema,
    handler: ({ auth, params }) => s.markRead(auth, params.id),
  });
}
