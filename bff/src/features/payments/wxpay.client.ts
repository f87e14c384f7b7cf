import Pay from 'wechatpay-node-v3';
import { UpstreamError } from '../../clients/http';
import type { Logger } from '../../log';
import { createPayTransport } from './wxpay.transport';
import type { WxpaySettings } from './wxpay.keys';

/** WeChat Pay's answer to a business request it refused (4xx): `{ code, message }`. */
export class WxpayRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`wxpay refused ${status} ${code}: ${message}`);
    this.name = 'WxpayRefusal';
  }
}

export interface WxTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  success_time?: string;
  payer?: { openid?: string };
  amount?: { total?: number; payer_total?: number; currency?: string };
}

export interface WxRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  success_time?: string;
  amount: { refund: number; total: number };
}

type Output = { status?: number; data?: unknown; error?: unknown };

/** The library returns errors instead of throwing (see shared/notes/wechat.md): check `status` on every call. */
function ensure<T>(out: Output, what: string): T {
  if (out.status === undefined) throw new UpstreamError('wxpay', 'network', `${what}: no answer`);
  if (out.status >= 200 && out.status < 300) return out.data as T;
  const body = (out.data ?? (typeof out.error === 'string' ? safeJson(out.error) : {})) as { code?: string; message?: string };
  throw new WxpayRefusal(out.status, body.code ?? 'UNKNOWN', body.message ?? '');
}
const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
};

/** wechatpay-node-v3, unmodified, behind our transport. */
export function createWxpayClient(s: WxpaySettings, o: { timeoutMs: number; fetch?: typeof fetch; log?: Pick<Logger, 'error'> }) {
  const pay = new Pay({
    appid: s.appid,
    mchid: s.mchid,
    serial_no: s.merchantSerial,
    publicKey: Buffer.from(s.merchantCertPem),
    privateKey: Buffer.from(s.merchantPrivateKeyPem),
    key: s.apiV3Key,
    userAgent: 'jishiban-bff/0.1 (wechatpay-node-v3 2.2.1)',
  });
  pay.createHttp(createPayTransport({ baseUrl: s.apiBase, platformKeys: s.platformKeys, timeoutMs: o.timeoutMs, fetch: o.fetch, log: o.log }));

  return {
    /** JSAPI 下单 → prepay_id (the library's own paySign is not used: see signRequestPayment) */
    async prepay(p: {
      description: string;
      outTradeNo: string;
      notifyUrl: string;
      totalFen: number;
      openid: string;
      timeExpire: string;
      attach?: string;
    }): Promise<string> {
      const out = (await pay.transactions_jsapi({
        description: p.description,
        out_trade_no: p.outTradeNo,
        notify_url: p.notifyUrl,
        time_expire: p.timeExpire,
        ...(p.attach ? { attach: p.attach } : {}),
        amount: { total: p.totalFen, currency: 'CNY' },
        payer: { openid: p.openid },
      })) as Output;
      const data = ensure<{ package?: string }>(out, 'jsapi');
      const prepayId = data.package?.replace(/^prepay_id=/, '');
      if (!prepayId) throw new UpstreamError('wxpay', 'protocol', 'jsapi: no prepay_id');
      return prepayId;
    },
    async query(outTradeNo: string): Promise<WxTransaction> {
      return ensure<WxTransaction>((await pay.query({ out_trade_no: outTradeNo })) as Output, 'query');
    },
    async close(outTradeNo: string): Promise<void> {
      ensure((await pay.close(outTradeNo)) as Output, 'close');
    },
    async refund(p: { outTradeNo: string; outRefundNo: string; reason: string; notifyUrl: string; refundFen: number; totalFen: number }): Promise<WxRefund> {
      const out = (await pay.refunds({
        out_trade_no: p.outTradeNo,
        out_refund_no: p.outRefundNo,
        reason: p.reason,
        notify_url: p.notifyUrl,
        amount: { refund: p.refundFen, total: p.totalFen, currency: 'CNY' },
      })) as Output;
      return ensure<WxRefund>(out, 'refund');
    },
    async findRefund(outRefundNo: string): Promise<WxRefund> {
      return ensure<WxRefund>((await pay.find_refunds(outRefundNo)) as Output, 'find_refunds');
    },
  };
}

export type WxpayClient = ReturnType<typeof createWxpayClient>;
