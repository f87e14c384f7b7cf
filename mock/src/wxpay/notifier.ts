import { randomUUID } from 'node:crypto';
import type { MockClock } from '../infra/clock';
import type { PlatformKey } from './keys';
import { aeadEncrypt, beijingTime, randomAlnum, rsaSign, signMessage } from './wxpay.crypto';
import { RETRY_SCHEDULE_MS, type WxNotification, type WxOrder, type WxRefund, type WxpayState } from './wxpay.state';

export type NotifyFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface NotifierDeps {
  state: WxpayState;
  clock: MockClock;
  apiV3Key: string;
  platformKey: PlatformKey;
  fetch: NotifyFetch;
  /** WeChat waits 5 s for an answer */
  timeoutMs?: number;
}

/** The transaction as WeChat shows it in a query and in a TRANSACTION.SUCCESS notification. */
export function transactionView(o: WxOrder): Record<string, unknown> {
  const base: Record<string, unknown> = {
    appid: o.appid,
    mchid: o.mchid,
    out_trade_no: o.out_trade_no,
    trade_type: 'JSAPI',
    trade_state: o.trade_state,
    trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[o.trade_state],
    attach: o.attach ?? '',
    payer: { openid: o.payer.openid },
    amount:
      o.trade_state === 'NOTPAY' || o.trade_state === 'CLOSED'
        ? { total: o.amount.total, currency: o.amount.currency }
        : { total: o.amount.total, payer_total: o.amount.total, currency: o.amount.currency, payer_currency: o.amount.currency },
  };
  if (o.transaction_id) Object.assign(base, { transaction_id: o.transaction_id, bank_type: 'OTHERS', success_time: o.success_time });
  return base;
}

export function refundView(r: WxRefund): Record<string, unknown> {
  return {
    refund_id: r.refund_id,
    out_refund_no: r.out_refund_no,
    transaction_id: r.transaction_id,
    out_trade_no: r.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    status: r.status,
    create_time: r.create_time,
    ...(r.success_time ? { success_time: r.success_time } : {}),
    amount: { refund: r.amount.refund, total: r.amount.total, payer_refund: r.amount.refund, payer_total: r.amount.total, currency: r.amount.currency },
  };
}

/** Builds the encrypted body WeChat POSTs to notify_url. */
export function notificationBody(
  d: { apiV3Key: string; clock: MockClock },
  kind: 'transaction' | 'refund',
  resource: Record<string, unknown>,
  eventType: string,
): string {
  const summary =
    { 'TRANSACTION.SUCCESS': '支付成功', 'REFUND.SUCCESS': '退款成功', 'REFUND.ABNORMAL': '退款异常', 'REFUND.CLOSED': '退款关闭' }[eventType] ?? '通知';
  return JSON.stringify({
    id: randomUUID(),
    create_time: beijingTime(d.clock.now()),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary,
    resource: { original_type: kind, algorithm: 'AEAD_AES_256_GCM', ...aeadEncrypt(JSON.stringify(resource), d.apiV3Key, kind) },
  });
}

export interface SignedHeadersOptions {
  skewSeconds?: number;
  serial?: string;
  signature?: string;
  /** sign this text instead of the body that is sent (a tampered body) */
  signedBody?: string;
}

export function signedHeaders(key: PlatformKey, body: string, o: SignedHeadersOptions = {}): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000) + (o.skewSeconds ?? 0));
  const nonce = randomAlnum(32);
  return {
    'Content-Type': 'application/json',
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': o.signature ?? rsaSign(signMessage([timestamp, nonce, o.signedBody ?? body]), key.privateKeyPem),
    'Wechatpay-Serial': o.serial ?? key.serial,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    'Request-ID': randomUUID(),
  };
}

export interface DeliveryResult {
  status: number | null;
  body?: string;
  error?: string;
}

export function createNotifier(d: NotifierDeps) {
  const timeoutMs = d.timeoutMs ?? 5000;

  async function post(url: string, body: string, headers: Record<string, string>): Promise<DeliveryResult> {
    try {
      const res = await d.fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      return { status: res.status, body: await res.text() };
    } catch (err) {
      return { status: null, error: (err as Error).name === 'TimeoutError' ? 'timeout' : (err as Error).message };
    }
  }

  /** One delivery attempt with the faults switched on; a 2xx is a success, anything else is retried on schedule. */
  async function attempt(n: WxNotification): Promise<DeliveryResult> {
    const f = d.state.notifyFaults;
    if (f.signtestProbe) {
      await post(n.url, n.body, signedHeaders(d.platformKey, n.body, { signature: `WECHATPAY/SIGNTEST/${randomAlnum(64)}` }));
    }
    const headers = signedHeaders(d.platformKey, n.body, {
      skewSeconds: f.clockSkewSeconds,
      ...(f.badSignature ? { signature: Buffer.from(randomAlnum(256)).toString('base64') } : {}),
    });
    const copies = 1 + f.duplicates;
    const results = await Promise.all(Array.from({ length: copies }, () => post(n.url, n.body, headers)));
    const result = results.find((r) => r.status !== null && r.status >= 200 && r.status < 300) ?? results[0]!;
    n.attempts.push({ at: d.clock.now().toISOString(), status: result.status, ...(result.error ? { error: result.error } : {}) });
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    if (ok) n.state = 'delivered';
    else {
      const wait = RETRY_SCHEDULE_MS[n.attempts.length - 1];
      if (wait === undefined) n.state = 'gave-up';
      else n.dueAtMs = d.clock.now().getTime() + wait;
    }
    return result;
  }

  return {
    /** Queues a notification and makes the first attempt now. */
    async enqueue(url: string, outTradeNo: string, eventType: string, body: string): Promise<{ notification: WxNotification; first?: DeliveryResult }> {
      const n: WxNotification = {
        id: (JSON.parse(body) as { id: string }).id,
        url,
        outTradeNo,
        eventType,
        body,
        state: 'pending',
        attempts: [],
        dueAtMs: d.clock.now().getTime(),
      };
      d.state.notifications.push(n);
      if (d.state.notifyFaults.dropNext > 0) {
        d.state.notifyFaults.dropNext -= 1;
        n.state = 'lost';
        return { notification: n };
      }
      return { notification: n, first: await attempt(n) };
    },

    /** Delivers every pending notification due by the mock clock (tests move the clock, then pump). */
    async pump(): Promise<{ attempted: number; delivered: number; pending: number }> {
      const now = d.clock.now().getTime();
      const due = d.state.notifications.filter((n) => n.state === 'pending' && n.dueAtMs <= now);
      let delivered = 0;
      for (const n of due) {
        await attempt(n);
        if (n.state === 'delivered') delivered += 1;
      }
      return { attempted: due.length, delivered, pending: d.state.notifications.filter((n) => n.state === 'pending').length };
    },

    post,
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
