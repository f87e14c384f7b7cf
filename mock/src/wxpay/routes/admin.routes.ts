import type { Router } from '@koa/router';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { readRawBody } from '../../infra/body';
import type { MockClock } from '../../infra/clock';
import type { PlatformKey } from '../keys';
import { notificationBody, signedHeaders, transactionView, type Notifier } from '../notifier';
import { randomAlnum } from '../wxpay.crypto';
import { payOrder } from '../wxpay.domain';
import { WxpayError } from '../wxpay.errors';
import { NO_API_FAULTS, NO_NOTIFY_FAULTS, type WxOrder, type WxpayState } from '../wxpay.state';
import { payPage } from './pay-page';
import { checkRequestPayment } from './request-payment';

export interface WxpayAdminDeps {
  state: WxpayState;
  clock: MockClock;
  notifier: Notifier;
  platformKey: PlatformKey;
  apiV3Key: string;
  /** the merchant certificate's public key: checks paySign the way WeChat does before it shows the pay sheet */
  merchantPublicKey: string;
  pump(): Promise<unknown>;
}

/** Crafted one-off notifications: what an attacker, a probe or a broken network could send to notify_url. */
export const NOTIFY_VARIANTS = [
  'valid',
  'tampered-body',
  'unknown-serial',
  'stale-timestamp',
  'signtest',
  'bad-signature',
  'bad-tag',
  'amount-mismatch',
  'wrong-appid',
] as const;
type Variant = (typeof NOTIFY_VARIANTS)[number];

function orderOf(state: WxpayState, key: unknown): WxOrder {
  const no = typeof key === 'string' ? (state.prepay.get(key) ?? key) : '';
  const o = state.orders.get(no);
  if (!o) throw new AdminInputError('no such order (give prepayId or outTradeNo)', 404, 'ORDER_NOT_EXIST');
  return o;
}

/**
 * Test-only (`/__mock`): the citizen's side of WeChat Pay (the development pay page, the pay sheet of wx.requestPayment, or a JSON "pay"), the
 * notification pump that fast-forwards WeChat's retry schedule, crafted notifications and fault switches.
 */
export function registerWxpayAdminRoutes(router: Router, d: WxpayAdminDeps): void {
  async function pay(key: unknown) {
    let order: WxOrder;
    try {
      order = payOrder(d.state, typeof key === 'string' ? key : '', d.clock.now().getTime());
    } catch (err) {
      if (err instanceof WxpayError) throw new AdminInputError(err.message, 409, err.code);
      throw err;
    }
    const body = notificationBody(d, 'transaction', transactionView(order), 'TRANSACTION.SUCCESS');
    const { notification, first } = await d.notifier.enqueue(order.notify_url, order.out_trade_no, 'TRANSACTION.SUCCESS', body);
    return { order: transactionView(order), notification: { id: notification.id, state: notification.state, status: first?.status ?? null } };
  }

  // The H5 build's stand-in for the WeChat pay sheet.
  router.get('/pay', (ctx) => {
    const prepayId = String(ctx.query.prepay_id ?? '');
    const redirect = String(ctx.query.redirect_url ?? '');
    const no = d.state.prepay.get(prepayId);
    const order = no ? d.state.orders.get(no) : undefined;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = payPage({ order, prepayId, redirect });
  });

  router.post('/pay/confirm', async (ctx) => {
    const form = new URLSearchParams(await readRawBody(ctx.req));
    const action = form.get('action');
    const redirect = safeRedirect(form.get('redirect_url'));
    let result = 'cancel';
    if (action === 'pay') {
      try {
        await pay(form.get('prepay_id'));
        result = 'ok';
      } catch (err) {
        result = err instanceof AdminInputError ? err.code.toLowerCase() : 'error';
      }
    }
    if (!redirect) {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = `<p>${result === 'ok' ? '支付完成' : '已取消'}，请返回济时办查看结果。</p>`;
      return;
    }
    const url = new URL(redirect);
    // a hash route (H5 builds use #/pages/...) carries its query after the hash
    if (url.hash) url.hash = `${url.hash}${url.hash.includes('?') ? '&' : '?'}wxpay=${result}`;
    else url.searchParams.set('wxpay', result);
    ctx.redirect(url.toString());
  });

  router.post('/pay', async (ctx) => {
    const b = await readAdminBody(ctx);
    ctx.body = await pay(b.prepayId ?? b.outTradeNo);
  });

  // A mini-program runtime's stand-in for the pay sheet of wx.requestPayment: answers what the app's callback gets.
  router.post('/jsapi/request-payment', async (ctx) => {
    try {
      const { order, action } = checkRequestPayment(await readAdminBody(ctx), {
        state: d.state,
        nowMs: d.clock.now().getTime(),
        merchantPublicKey: d.merchantPublicKey,
      });
      if (action === 'pay') await pay(order.prepay_id);
      ctx.body = { errMsg: action === 'pay' ? 'requestPayment:ok' : 'requestPayment:fail cancel' };
    } catch (err) {
      if (!(err instanceof AdminInputError)) throw err;
      ctx.status = err.status;
      ctx.body = { errMsg: `requestPayment:fail ${err.message}` };
    }
  });

  router.get('/orders/:no', (ctx) => {
    const o = orderOf(d.state, ctx.params.no);
    ctx.body = { ...transactionView(o), prepay_id: o.prepay_id, notify_url: o.notify_url, time_expire: o.time_expire };
  });

  router.get('/refunds', (ctx) => {
    ctx.body = { refunds: [...d.state.refunds.values()] };
  });

  router.get('/notifications', (ctx) => {
    const no = ctx.query.outTradeNo;
    ctx.body = { notifications: d.state.notifications.filter((n) => typeof no !== 'string' || n.outTradeNo === no).map(({ body: _b, ...n }) => n) };
  });

  router.post('/notifications/pump', async (ctx) => {
    ctx.body = await d.pump();
  });

  // { outTradeNo, variant, copies?, concurrent? }: sends now, outside the queue, and reports each answer
  router.post('/notifications/craft', async (ctx) => {
    const b = await readAdminBody(ctx);
    const variant = (b.variant ?? 'valid') as Variant;
    if (!NOTIFY_VARIANTS.includes(variant)) throw new AdminInputError(`variant must be one of ${NOTIFY_VARIANTS.join(', ')}`);
    const copies = typeof b.copies === 'number' && Number.isInteger(b.copies) && b.copies >= 1 && b.copies <= 100 ? b.copies : 1;
    const o = orderOf(d.state, b.outTradeNo);
    const tx = { ...transactionView(o), trade_state: 'SUCCESS', trade_state_desc: '支付成功' } as Record<string, unknown>;
    tx.transaction_id ??= `4200000000${randomAlnum(18).replace(/\D/g, '7')}`;
    tx.success_time ??= new Date().toISOString();
    if (variant === 'amount-mismatch') tx.amount = { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' };
    if (variant === 'wrong-appid') tx.appid = 'wx00000000000000ff';
    let body = notificationBody(d, 'transaction', tx, 'TRANSACTION.SUCCESS');
    if (variant === 'bad-tag') {
      const parsed = JSON.parse(body) as { resource: { ciphertext: string } };
      const raw = Buffer.from(parsed.resource.ciphertext, 'base64');
      raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0x01; // flip one bit of the GCM tag
      parsed.resource.ciphertext = raw.toString('base64');
      body = JSON.stringify(parsed);
    }
    const headerOpts =
      variant === 'unknown-serial'
        ? { serial: 'PUB_KEY_ID_0000000000000000000000UNKNOWN' }
        : variant === 'stale-timestamp'
          ? { skewSeconds: -600 }
          : variant === 'signtest'
            ? { signature: `WECHATPAY/SIGNTEST/${Buffer.from(randomAlnum(64)).toString('base64')}` }
            : variant === 'bad-signature'
              ? { signature: Buffer.from(randomAlnum(256)).toString('base64') }
              : {};
    let sent = body;
    if (variant === 'tampered-body') sent = body.replace('"summary":"支付成功"', '"summary":"支付成功 "');
    const send = () =>
      d.notifier.post(o.notify_url, sent, signedHeaders(d.platformKey, sent, { ...headerOpts, ...(variant === 'tampered-body' ? { signedBody: body } : {}) }));
    const results = b.concurrent === true ? await Promise.all(Array.from({ length: copies }, send)) : await sequential(copies, send);
    ctx.body = { variant, results };
  });

  router.get('/wxpay/faults', (ctx) => {
    ctx.body = { notify: d.state.notifyFaults, api: d.state.apiFaults };
  });

  router.post('/wxpay/faults', async (ctx) => {
    const b = await readAdminBody(ctx);
    const n = d.state.notifyFaults;
    const a = d.state.apiFaults;
    const int = (k: string, min: number, max: number) => {
      const v = b[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new AdminInputError(`${k} must be an integer ${min}..${max}`);
      return v;
    };
    const bool = (k: string) => {
      const v = b[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'boolean') throw new AdminInputError(`${k} must be a boolean`);
      return v;
    };
    n.dropNext = int('dropNext', 0, 1000) ?? n.dropNext;
    n.duplicates = int('duplicates', 0, 50) ?? n.duplicates;
    n.clockSkewSeconds = int('clockSkewSeconds', -86400, 86400) ?? n.clockSkewSeconds;
    n.signtestProbe = bool('signtestProbe') ?? n.signtestProbe;
    n.badSignature = bool('badSignature') ?? n.badSignature;
    a.badResponseSignature = bool('badResponseSignature') ?? a.badResponseSignature;
    a.unknownResponseSerial = bool('unknownResponseSerial') ?? a.unknownResponseSerial;
    ctx.body = { notify: n, api: a };
  });

  router.delete('/wxpay/faults', (ctx) => {
    d.state.notifyFaults = { ...NO_NOTIFY_FAULTS };
    d.state.apiFaults = { ...NO_API_FAULTS };
    ctx.body = { notify: d.state.notifyFaults, api: d.state.apiFaults };
  });
}

async function sequential<T>(n: number, f: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
}

function safeRedirect(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
