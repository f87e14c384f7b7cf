import {
  createPaymentRequestSchema,
  createPaymentResponseSchema,
  myBillsSchema,
  paymentIdParamSchema,
  paymentListSchema,
  paymentSchema,
  utilityLookupQuerySchema,
  utilityLookupSchema,
  wechatPayNotificationSchema,
} from '@jsb/shared';
import type { Context } from 'koa';
import type { RouteTable } from '../../http/route';
import { NOTIFY_PATH, wechatPayFailureSchema } from './notify';
import type { PaymentsService } from './payments.service';

export function paymentRoutes(t: RouteTable, s: PaymentsService, notify: (ctx: Context) => Promise<void>): void {
  t.add({
    method: 'get',
    path: '/api/v1/bills/mine',
    operationId: 'listMyBills',
    summary: '我的办件费用：本人办件的应缴、已缴和可退费用（金额以政务系统为准）',
    tags: ['payments'],
    auth: true,
    response: myBillsSchema,
    errors: ['REAL_NAME_REQUIRED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth }) => s.listMyBills(auth),
  });
  t.add({
    method: 'get',
    path: '/api/v1/bills/utility',
    operationId: 'lookupUtilityBill',
    summary: '按户号查询水费、电费、燃气费账单（户主姓名脱敏）',
    tags: ['payments'],
    auth: true,
    query: utilityLookupQuerySchema,
    response: utilityLookupSchema,
    errors: ['ACCOUNT_NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ query }) => s.lookupUtility(query.accountNumber),
  });
  t.add({
    method: 'post',
    path: '/api/v1/payments',
    operationId: 'createPayment',
    summary: '为一笔费用或账单发起微信支付：金额取自政务系统；订单有效期内（WXPAY_ORDER_TTL_MINUTES）重复发起会重新签名同一订单',
    tags: ['payments'],
    auth: true,
    body: createPaymentRequestSchema,
    response: createPaymentResponseSchema,
    status: 201,
    idempotencyKey: true,
    errors: ['PAYMENTS_UNAVAILABLE', 'ALREADY_PAID', 'REAL_NAME_REQUIRED', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'],
    handler: ({ auth, body, idempotencyKey }) => s.create(auth, body, idempotencyKey),
  });
  t.add({
    method: 'get',
    path: '/api/v1/payments',
    operationId: 'listMyPayments',
    summary: '我的缴费记录（含电子凭证）',
    tags: ['payments'],
    auth: true,
    response: paymentListSchema,
    errors: ['UPSTREAM_UNAVAILABLE'],
    handler: ({ auth }) => s.listMine(auth),
  });
  t.add({
    method: 'get',
    path: '/api/v1/payments/:id',
    operationId: 'getPayment',
    summary: '一笔缴费的状态：以微信支付的签名通知或订单查询为准，结果页轮询它',
    tags: ['payments'],
    auth: true,
    params: paymentIdParamSchema,
    response: paymentSchema,
    errors: ['NOT_FOUND'],
    handler: ({ auth, params }) => s.get(auth, params.id),
  });
  t.add({
    method: 'post',
    path: '/api/v1/payments/:id/refund',
    operationId: 'requestRefund',
    summary: '申请退费：仅限已撤回申请、经窗口确认可退的事项收费，原路退回',
    tags: ['payments'],
    auth: true,
    params: paymentIdParamSchema,
    response: paymentSchema,
    errors: ['REFUND_NOT_ALLOWED', 'PAYMENTS_UNAVAILABLE', 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ auth, params }) => s.refund(auth, params.id),
  });
  t.add({
    method: 'post',
    path: NOTIFY_PATH,
    operationId: 'wechatPayNotify',
    summary: '微信支付结果通知（支付、退款）：验签、解密、核对后204；失败返回4xx/5xx与{code:"FAIL",message}',
    tags: ['payments'],
    auth: false,
    body: wechatPayNotificationSchema,
    response: null,
    failure: { schema: wechatPayFailureSchema, statuses: [400, 401, 404, 503] },
    handler: ({ ctx }) => notify(ctx),
  });
}
