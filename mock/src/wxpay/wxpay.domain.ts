import { createHash } from 'node:crypto';
import { isRecord } from '../infra/body';
import { WxpayError } from './wxpay.errors';
import { beijingTime, randomAlnum } from './wxpay.crypto';
import type { WxOrder, WxRefund, WxpayState } from './wxpay.state';

/** Synchronous state changes of the WeChat Pay mock: no await between a check and its set. */

export interface Merchant {
  mchid: string;
  appid: string;
}

const OUT_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const param = (message: string) => new WxpayError('PARAM_ERROR', message);
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** JSAPI 下单. A repeat with the same body gets the same prepay_id; a different body under a used number is refused. */
export function createPrepay(state: WxpayState, m: Merchant, body: Record<string, unknown>, nowMs: number): { prepay_id: string } {
  const { appid, mchid, description, out_trade_no, notify_url, amount, payer, time_expire, attach } = body;
  if (!str(appid) || !str(mchid) || !str(description) || !str(out_trade_no) || !str(notify_url))
    throw param('缺少必填参数 appid/mchid/description/out_trade_no/notify_url');
  if (mchid !== m.mchid) throw new WxpayError('INVALID_REQUEST', 'mchid与请求方商户号不一致');
  if (appid !== m.appid) throw new WxpayError('INVALID_REQUEST', 'appid和mch_id不匹配');
  if (!OUT_NO.test(out_trade_no)) throw param('out_trade_no应为6到32位字母、数字或_-|*');
  if (description.length > 127) throw param('description长度超过127');
  if (!/^https?:\/\/[^?#]+$/.test(notify_url)) throw param('notify_url格式错误：须为可访问的URL且不能携带参数');
  if (!isRecord(amount) || !Number.isInteger(amount.total) || (amount.total as number) <= 0) throw param('amount.total须为正整数（单位：分）');
  if (amount.currency !== undefined && amount.currency !== 'CNY') throw param('amount.currency仅支持CNY');
  if (!isRecord(payer) || !str(payer.openid)) throw param('JSAPI下单须提供payer.openid');
  if (time_expire !== undefined && (typeof time_expire !== 'string' || Number.isNaN(Date.parse(time_expire))))
    throw param('time_expire格式错误，应为rfc3339格式');

  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ appid, description, notify_url, amount: amount.total, openid: payer.openid, attach }))
    .digest('hex');
  const existing = state.orders.get(out_trade_no);
  if (existing) {
    if (existing.trade_state === 'SUCCESS' || existing.trade_state === 'REFUND') throw new WxpayError('ORDERPAID', '该订单已支付');
    if (existing.trade_state === 'CLOSED') throw new WxpayError('ORDER_CLOSED', '该订单已关闭');
    if (existing.fingerprint !== fingerprint) throw new WxpayError('INVALID_REQUEST', '201 商户订单号重复');
    return { prepay_id: existing.prepay_id };
  }
  const prepay_id = `wx${beijingTime(new Date(nowMs)).replace(/\D/g, '').slice(0, 14)}${randomAlnum(18).toLowerCase()}`;
  const order: WxOrder = {
    appid,
    mchid,
    out_trade_no,
    description,
    notify_url,
    amount: { total: amount.total as number, currency: 'CNY' },
    payer: { openid: payer.openid },
    ...(typeof time_expire === 'string' ? { time_expire } : {}),
    ...(typeof attach === 'string' ? { attach } : {}),
    fingerprint,
    prepay_id,
    trade_state: 'NOTPAY',
    createdAtMs: nowMs,
  };
  state.orders.set(out_trade_no, order);
  state.prepay.set(prepay_id, out_trade_no);
  return { prepay_id };
}

export function findOrder(state: WxpayState, m: Merchant, outTradeNo: string, mchid: unknown): WxOrder {
  if (!str(mchid)) throw param('缺少参数mchid');
  if (mchid !== m.mchid) throw new WxpayError('INVALID_REQUEST', 'mchid与请求方商户号不一致');
  const o = state.orders.get(outTradeNo);
  if (!o) throw new WxpayError('ORDER_NOT_EXIST', '订单不存在');
  return o;
}

export function orderByTransaction(state: WxpayState, transactionId: string): WxOrder {
  const o = [...state.orders.values()].find((x) => x.transaction_id === transactionId);
  if (!o) throw new WxpayError('ORDER_NOT_EXIST', '订单不存在');
  return o;
}

export function closeOrder(state: WxpayState, m: Merchant, outTradeNo: string, body: Record<string, unknown>): void {
  const o = findOrder(state, m, outTradeNo, body.mchid);
  if (o.trade_state === 'SUCCESS' || o.trade_state === 'REFUND') throw new WxpayError('ORDERPAID', '订单已支付，不能关闭');
  o.trade_state = 'CLOSED'; // closing a closed order again succeeds, like WeChat
}

/** A prepay_id lives 2 hours (pay.weixin.qq.com, JSAPI下单): after that it cannot be paid or open the pay sheet. */
export const PREPAY_TTL_MS = 2 * 3600_000;

export function isExpired(o: WxOrder, nowMs: number): boolean {
  return o.time_expire !== undefined && nowMs > Date.parse(o.time_expire);
}

/** The citizen confirmed in WeChat: NOTPAY → SUCCESS. */
export function payOrder(state: WxpayState, prepayOrTradeNo: string, nowMs: number): WxOrder {
  const no = state.prepay.get(prepayOrTradeNo) ?? prepayOrTradeNo;
  const o = state.orders.get(no);
  if (!o) throw new WxpayError('ORDER_NOT_EXIST', '订单不存在');
  if (o.trade_state === 'SUCCESS' || o.trade_state === 'REFUND') throw new WxpayError('ORDERPAID', '该订单已支付');
  if (o.trade_state === 'CLOSED') throw new WxpayError('ORDER_CLOSED', '该订单已关闭');
  if (isExpired(o, nowMs) || nowMs - o.createdAtMs > PREPAY_TTL_MS) throw new WxpayError('ORDER_CLOSED', '订单已过期，请重新下单');
  o.trade_state = 'SUCCESS';
  o.transaction_id = `42000${beijingTime(new Date(nowMs)).replace(/\D/g, '').slice(0, 8)}${digits(15)}`;
  o.success_time = beijingTime(new Date(nowMs));
  return o;
}

/** 申请退款. The same out_refund_no again returns the same refund. */
export function createRefund(state: WxpayState, m: Merchant, body: Record<string, unknown>, nowMs: number): WxRefund {
  const { out_trade_no, transaction_id, out_refund_no, reason, notify_url, amount } = body;
  if (!str(out_refund_no) || !OUT_NO.test(out_refund_no)) throw param('out_refund_no应为6到32位字母、数字或_-|*');
  if (!isRecord(amount) || !Number.isInteger(amount.refund) || !Number.isInteger(amount.total) || amount.currency !== 'CNY')
    throw param('amount须含整数refund、total及currency=CNY');
  const existing = state.refunds.get(out_refund_no);
  if (existing) return existing;
  const o = str(transaction_id) ? orderByTransaction(state, transaction_id) : str(out_trade_no) ? state.orders.get(out_trade_no) : undefined;
  if (!o) throw new WxpayError('RESOURCE_NOT_EXISTS', '订单不存在');
  if (o.mchid !== m.mchid) throw new WxpayError('NO_AUTH', '无权操作该订单');
  if (o.trade_state !== 'SUCCESS' && o.trade_state !== 'REFUND') throw new WxpayError('INVALID_REQUEST', '订单未支付，不能退款');
  if (amount.total !== o.amount.total) throw param('订单金额与原订单不一致');
  const refunded = [...state.refunds.values()]
    .filter((r) => r.out_trade_no === o.out_trade_no && r.status !== 'CLOSED')
    .reduce((s, r) => s + r.amount.refund, 0);
  if ((amount.refund as number) <= 0 || (amount.refund as number) + refunded > o.amount.total)
    throw new WxpayError('NOT_ENOUGH', '申请退款金额超过订单可退金额');
  if (notify_url !== undefined && (typeof notify_url !== 'string' || !/^https?:\/\/[^?#]+$/.test(notify_url))) throw param('notify_url格式错误');
  const refund: WxRefund = {
    refund_id: `50300${digits(24)}`,
    out_refund_no,
    transaction_id: o.transaction_id!,
    out_trade_no: o.out_trade_no,
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof notify_url === 'string' ? { notify_url } : {}),
    amount: { refund: amount.refund as number, total: o.amount.total, currency: 'CNY' },
    status: 'PROCESSING',
    create_time: beijingTime(new Date(nowMs)),
    createdAtMs: nowMs,
  };
  state.refunds.set(out_refund_no, refund);
  o.trade_state = 'REFUND';
  return refund;
}

/** Refunds reach the citizen's 零钱 after `delayMs` of mock time: PROCESSING → SUCCESS. Returns the ones that just settled. */
export function settleRefunds(state: WxpayState, nowMs: number, delayMs: number): WxRefund[] {
  const settled: WxRefund[] = [];
  for (const r of state.refunds.values()) {
    if (r.status === 'PROCESSING' && nowMs >= r.createdAtMs + delayMs) {
      r.status = 'SUCCESS';
      r.success_time = beijingTime(new Date(nowMs));
      settled.push(r);
    }
  }
  return settled;
}
