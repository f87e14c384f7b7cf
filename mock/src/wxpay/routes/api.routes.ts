import type { Context } from 'koa';
import type { Router } from '@koa/router';
import { isRecord, parseJson } from '../../infra/body';
import type { MockClock } from '../../infra/clock';
import { refundView, transactionView } from '../notifier';
import { closeOrder, createPrepay, createRefund, findOrder, orderByTransaction, type Merchant } from '../wxpay.domain';
import { WxpayError } from '../wxpay.errors';
import type { WxpayState } from '../wxpay.state';

export interface WxpayApiDeps {
  state: WxpayState;
  clock: MockClock;
  merchant: Merchant;
  /** settles refunds that are due (a query sees the current state) */
  settle(): void;
}

/** The body the signature check already read. */
function jsonBody(ctx: Context): Record<string, unknown> {
  const parsed = parseJson(String(ctx.state.rawBody ?? ''));
  if (!parsed.ok || !isRecord(parsed.value)) throw new WxpayError('PARAM_ERROR', '请求体不是合法的JSON对象');
  return parsed.value;
}

/** Paths relative to /v3 (signature already verified). */
export function registerWxpayApiRoutes(router: Router, d: WxpayApiDeps): void {
  const now = () => d.clock.now().getTime();

  router.post('/pay/transactions/jsapi', (ctx) => {
    ctx.body = createPrepay(d.state, d.merchant, jsonBody(ctx), now());
  });

  router.get('/pay/transactions/out-trade-no/:no', (ctx) => {
    ctx.body = transactionView(findOrder(d.state, d.merchant, ctx.params.no ?? '', ctx.query.mchid));
  });

  router.get('/pay/transactions/id/:id', (ctx) => {
    if (ctx.query.mchid !== d.merchant.mchid) throw new WxpayError('PARAM_ERROR', 'mchid参数有误');
    ctx.body = transactionView(orderByTransaction(d.state, ctx.params.id ?? ''));
  });

  router.post('/pay/transactions/out-trade-no/:no/close', (ctx) => {
    closeOrder(d.state, d.merchant, ctx.params.no ?? '', jsonBody(ctx));
    ctx.status = 204;
  });

  router.post('/refund/domestic/refunds', (ctx) => {
    ctx.body = refundView(createRefund(d.state, d.merchant, jsonBody(ctx), now()));
  });

  router.get('/refund/domestic/refunds/:no', (ctx) => {
    d.settle();
    const r = d.state.refunds.get(ctx.params.no ?? '');
    if (!r) throw new WxpayError('RESOURCE_NOT_EXISTS', '退款单不存在');
    ctx.body = refundView(r);
  });

  // Merchants on 微信支付公钥 mode have no platform certificates to download (see shared/notes/wechat.md).
  router.get('/certificates', (ctx) => {
    throw new WxpayError('RESOURCE_NOT_EXISTS', '商户已切换为微信支付公钥模式，无可下载的平台证书');
    void ctx;
  });
}
