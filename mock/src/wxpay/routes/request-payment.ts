import { AdminInputError } from '../../infra/admin';
import { rsaVerify, signMessage } from '../wxpay.crypto';
import { isExpired, PREPAY_TTL_MS } from '../wxpay.domain';
import type { WxOrder, WxpayState } from '../wxpay.state';

export interface RequestPaymentInput {
  order: WxOrder;
  action: 'pay' | 'cancel';
}

const FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;

/**
 * What WeChat checks before it shows the pay sheet for `wx.requestPayment` (the app passes the bff's parameters,
 * the runtime adds its own appId). A failed check throws AdminInputError; its message becomes the reason in
 * `requestPayment:fail <reason>` (our wording: WeChat's own texts vary by client version).
 */
export function checkRequestPayment(b: Record<string, unknown>, d: { state: WxpayState; nowMs: number; merchantPublicKey: string }): RequestPaymentInput {
  for (const f of FIELDS) {
    if (typeof b[f] !== 'string' || b[f] === '') throw new AdminInputError(`parameter error: ${f} should be a non-empty String`);
  }
  const { appId, timeStamp, nonceStr, package: pkg, signType, paySign } = b as Record<(typeof FIELDS)[number], string>;
  if (b.action !== 'pay' && b.action !== 'cancel') throw new AdminInputError("parameter error: action should be 'pay' or 'cancel'");
  // APIv3 JSAPI payments are signed with RSA only (HMAC-SHA256 and MD5 belong to APIv2)
  if (signType !== 'RSA') throw new AdminInputError('parameter error: signType should be RSA');
  const m = /^prepay_id=(.+)$/.exec(pkg);
  if (!m?.[1]) throw new AdminInputError('parameter error: package should be prepay_id=<id>');
  const no = d.state.prepay.get(m[1]);
  const order = no ? d.state.orders.get(no) : undefined;
  if (!order) throw new AdminInputError('prepay_id not found', 404, 'ORDER_NOT_EXIST');
  if (appId !== order.appid) throw new AdminInputError('appId does not match the order (appid和mch_id不匹配)', 403, 'NO_AUTH');
  // paySign: SHA256withRSA with the merchant API key; WeChat checks it with the merchant certificate
  if (!rsaVerify(signMessage([appId, timeStamp, nonceStr, pkg]), paySign, d.merchantPublicKey))
    throw new AdminInputError('invalid paySign (支付验证签名失败)', 403, 'SIGN_ERROR');
  if (order.trade_state === 'SUCCESS' || order.trade_state === 'REFUND') throw new AdminInputError('order paid (该订单已支付)', 409, 'ORDERPAID');
  if (order.trade_state === 'CLOSED') throw new AdminInputError('order closed (该订单已关闭)', 409, 'ORDER_CLOSED');
  if (d.nowMs - order.createdAtMs > PREPAY_TTL_MS || isExpired(order, d.nowMs))
    throw new AdminInputError('prepay_id expired (订单已过期，请重新下单)', 409, 'ORDER_CLOSED');
  return { order, action: b.action };
}
