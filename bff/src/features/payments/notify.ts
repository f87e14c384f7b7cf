import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Context, Middleware } from 'koa';
import { toAppError } from '../../http/middleware';
import { ERROR_STATUS } from '../../http/error-status';
import type { Logger } from '../../log';
import type { NotificationModel } from './notification.model';
import type { PaymentModel } from './payment.model';
import type { Settlement } from './settlement';
import type { WxRefund, WxTransaction } from './wxpay.client';
import { checkSignature, decryptResource } from './wxpay.signature';

export const NOTIFY_PATH = '/api/v1/payments/wechat/notify';

/** What WeChat Pay reads when we refuse a notification (documented in the OpenAPI document as this route's failure). */
export const wechatPayFailureSchema = z.object({ code: z.literal('FAIL'), message: z.string() });

/** A notification we refuse: WeChat decides by the HTTP status alone and retries on its schedule. */
export class NotifyFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'NotifyFailure';
  }
}

/** On the notify path every failure is answered in WeChat's format `{ code: 'FAIL', message }`, whatever threw it. */
export function notifyFailures(): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== NOTIFY_PATH) return next();
    try {
      await next();
    } catch (err) {
      const status = err instanceof NotifyFailure ? err.status : ERROR_STATUS[toAppError(err).code];
      if (status >= 500) (ctx.state.log as Logger).error({ err }, 'payment notification failed');
      ctx.status = status;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { code: 'FAIL', message: err instanceof NotifyFailure ? err.message : toAppError(err).message };
    }
  };
}

export interface NotifyDeps {
  payments: PaymentModel;
  notifications: NotificationModel;
  settlement: Settlement;
  platformKeys: Record<string, string>;
  apiV3Key: string;
  mchid: string;
  clock: () => Date;
  wireNow: () => number;
}

interface Envelope {
  id?: string;
  event_type?: string;
  resource?: { algorithm?: string; ciphertext?: string; nonce?: string; associated_data?: string; original_type?: string };
}

const KEEP_DAYS = 180;

/**
 * POST /api/v1/payments/wechat/notify, in the order WeChat's documentation asks for (shared/notes/wechat.md): the raw
 * body; SIGNTEST probes refused; timestamp window; key by serial; signature; strict AES-256-GCM; then appid, mchid,
 * order and amount; one transition. A duplicate is acknowledged (204) and changes nothing.
 */
export function createNotifyHandler(d: NotifyDeps) {
  async function record(fields: {
    notificationId?: string;
    serial?: string;
    timestamp?: string;
    eventType?: string;
    outTradeNo?: string;
    outcome: 'paid' | 'refunded' | 'duplicate' | 'flagged' | 'refused' | 'ignored';
    reason?: string;
  }) {
    const now = d.clock();
    await d.notifications
      .create({ _id: randomUUID(), receivedAt: now, expiresAt: new Date(now.getTime() + KEEP_DAYS * 86400_000), ...fields })
      .catch(() => undefined);
  }

  return async function handle(ctx: Context): Promise<void> {
    const raw = String(ctx.state.rawBody ?? '');
    const h = (name: string) => ctx.get(name) || undefined;
    const meta = { serial: h('wechatpay-serial'), timestamp: h('wechatpay-timestamp') };
    const refuse = async (
      status: number,
      message: string,
      reason: string,
      extra: { notificationId?: string; eventType?: string; outTradeNo?: string } = {},
    ): Promise<never> => {
      await record({ ...meta, ...extra, outcome: 'refused', reason });
      throw new NotifyFailure(status, message, reason);
    };

    const verdict = checkSignature({ ...meta, nonce: h('wechatpay-nonce'), signature: h('wechatpay-signature'), body: raw }, d.platformKeys, d.wireNow());
    if (!verdict.ok) {
      const text = {
        'missing-headers': '缺少签名头',
        signtest: '签名探测请求，不予处理',
        'stale-timestamp': '时间戳超出允许范围',
        'unknown-serial': '未知的平台证书序列号',
        'bad-signature': '签名验证失败',
      }[verdict.reason];
      return refuse(
        verdict.reason === 'unknown-serial' || verdict.reason === 'bad-signature' || verdict.reason === 'signtest' ? 401 : 400,
        text,
        verdict.reason,
      );
    }

    const env = JSON.parse(raw) as Envelope; // signed by WeChat, so it is the JSON it sent
    const ids = { notificationId: env.id, eventType: env.event_type };
    const r = env.resource;
    if (!r || r.algorithm !== 'AEAD_AES_256_GCM' || !r.ciphertext || !r.nonce) return refuse(400, '通知内容不完整', 'resource', ids);
    let plain: string;
    try {
      plain = decryptResource({ ciphertext: r.ciphertext, nonce: r.nonce, associated_data: r.associated_data }, d.apiV3Key);
    } catch {
      return refuse(400, '通知解密失败', 'decrypt', ids);
    }
    let resource: Record<string, unknown>;
    try {
      resource = JSON.parse(plain) as Record<string, unknown>;
    } catch {
      return refuse(400, '通知内容不是JSON', 'decrypt', ids);
    }

    const outTradeNo = typeof resource.out_trade_no === 'string' ? resource.out_trade_no : undefined;
    const order = outTradeNo ? await d.payments.findById(outTradeNo).lean() : null;
    if (!order) return refuse(404, '订单不存在', 'unknown order', { ...ids, outTradeNo });

    if (env.event_type === 'TRANSACTION.SUCCESS' && r.original_type !== 'refund') {
      const outcome = await d.settlement.markPaid(order, resource as unknown as WxTransaction, 'notification');
      await record({
        ...meta,
        ...ids,
        outTradeNo,
        outcome,
        ...(outcome === 'flagged' ? { reason: d.settlement.mismatch(order, resource as unknown as WxTransaction) ?? '' } : {}),
      });
    } else if (env.event_type?.startsWith('REFUND.')) {
      const refund = { ...(resource as unknown as WxRefund), status: (resource.refund_status as WxRefund['status']) ?? 'PROCESSING' };
      if (resource.mchid !== d.mchid || !order.refund?.outRefundNo || refund.out_refund_no !== order.refund.outRefundNo) {
        return refuse(400, '退款通知与订单不符', 'refund mismatch', { ...ids, outTradeNo });
      }
      if (refund.status === 'SUCCESS') {
        const outcome = await d.settlement.markRefunded(order, refund, 'notification');
        await record({ ...meta, ...ids, outTradeNo, outcome });
      } else {
        await d.payments.updateOne({ _id: order._id, status: 'refunding' }, { $set: { 'refund.status': 'failed' } });
        await record({ ...meta, ...ids, outTradeNo, outcome: 'ignored', reason: refund.status });
      }
    } else {
      await record({ ...meta, ...ids, outTradeNo, outcome: 'ignored', reason: 'event type' });
    }
    ctx.status = 204;
  };
}
