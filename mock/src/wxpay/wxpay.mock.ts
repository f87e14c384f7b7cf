import { X509Certificate } from 'node:crypto';
import Koa, { type Context, type Next } from 'koa';
import { Router } from '@koa/router';
import { createAdminRouter, mountAdmin } from '../infra/admin';
import { readRawBody } from '../infra/body';
import type { MockClock } from '../infra/clock';
import { createFaults, type Faults } from '../infra/faults';
import type { PlatformKey } from './keys';
import { createNotifier, notificationBody, refundView, type Notifier, type NotifyFetch } from './notifier';
import { registerWxpayAdminRoutes } from './routes/admin.routes';
import { registerWxpayApiRoutes } from './routes/api.routes';
import { parseAuthorization, randomAlnum, rsaSign, rsaVerify, signMessage } from './wxpay.crypto';
import { settleRefunds } from './wxpay.domain';
import { sendWxpayError, sendWxpaySystemError, WxpayError } from './wxpay.errors';
import { createWxpayState, type WxpayState } from './wxpay.state';
import { errorBoundary } from '../infra/errors';

export interface WxpayMockOptions {
  clock: MockClock;
  /** mount `/__mock/*`: the development pay page, payments, notification pump and fault switches */
  admin?: boolean;
  mchid: string;
  appid: string;
  /** the merchant API certificate (商户API证书): its public key checks request signatures, its serial names it */
  merchantCertPem: string;
  /** defaults to the certificate's serial number */
  merchantSerial?: string;
  /** WeChat's signing keys; the first one signs answers and notifications */
  platformKeys: PlatformKey[];
  apiV3Key: string;
  /** how notifications reach notify_url (default: global fetch) */
  notifyFetch?: NotifyFetch;
  /** refunds settle this long after they were requested, on the mock clock (default 60 s) */
  refundDelayMs?: number;
}

export interface WxpayMock {
  app: Koa;
  state: WxpayState;
  faults: Faults;
  notifier: Notifier;
  /** settles due refunds and delivers every notification due now (what `POST /__mock/notifications/pump` does) */
  pump(): Promise<{ attempted: number; delivered: number; pending: number }>;
}

export const MAX_SKEW_SECONDS = 300;

/** WeChat Pay API v3 (api.mch.weixin.qq.com): JSAPI orders, queries, close, refunds, signed answers and notifications. */
export function createWxpayMock(opts: WxpayMockOptions): WxpayMock {
  const state = createWxpayState();
  const platformKey = opts.platformKeys[0];
  if (!platformKey) throw new Error('wxpay mock: at least one platform key is needed');
  const merchantPublicKey = new X509Certificate(opts.merchantCertPem).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const merchantSerial = (opts.merchantSerial ?? new X509Certificate(opts.merchantCertPem).serialNumber).toUpperCase();
  const faults = createFaults({ defaults: { pathPrefix: '/v3/' } });
  const notifier = createNotifier({
    state,
    clock: opts.clock,
    apiV3Key: opts.apiV3Key,
    platformKey,
    fetch: opts.notifyFetch ?? (fetch as unknown as NotifyFetch),
  });
  const refundDelayMs = opts.refundDelayMs ?? 60_000;
  const merchant = { mchid: opts.mchid, appid: opts.appid };

  function settle(): void {
    for (const r of settleRefunds(state, opts.clock.now().getTime(), refundDelayMs)) {
      if (!r.notify_url) continue;
      const body = notificationBody(
        { apiV3Key: opts.apiV3Key, clock: opts.clock },
        'refund',
        { mchid: opts.mchid, ...refundView(r), refund_status: r.status },
        'REFUND.SUCCESS',
      );
      const n = {
        id: (JSON.parse(body) as { id: string }).id,
        url: r.notify_url,
        outTradeNo: r.out_trade_no,
        eventType: 'REFUND.SUCCESS',
        body,
        state: 'pending' as const,
        attempts: [],
        dueAtMs: opts.clock.now().getTime(),
      };
      state.notifications.push(n);
    }
  }
  const pump = async () => {
    settle();
    return notifier.pump();
  };

  const app = new Koa();
  app.silent = true;
  const boundary = () =>
    errorBoundary('mock-wxpay', {
      known: (ctx, err) => {
        if (!(err instanceof WxpayError)) return false;
        sendWxpayError(ctx, err.code, err.message, err.detail);
        return true;
      },
      systemError: (ctx) => sendWxpaySystemError(ctx, 500),
    });
  // The outer boundary answers the admin routes and whatever fails before a request was authenticated: unsigned.
  app.use(boundary());

  if (opts.admin) {
    const admin = createAdminRouter({ clock: opts.clock, faults, reset: () => Object.assign(state, createWxpayState()) });
    registerWxpayAdminRoutes(admin, { state, clock: opts.clock, notifier, platformKey, apiV3Key: opts.apiV3Key, merchantPublicKey, pump });
    mountAdmin(app, admin);
  }

  app.use(requestIds());
  // Injected faults answer unsigned, before authentication: they stand for WeChat's gateway failing (outage, 502/503), which never reaches the signing layer.
  app.use(faults.middleware(sendWxpaySystemError));
  // A request WeChat cannot authenticate gets 401 SIGN_ERROR unsigned; only what passes is answered by the signing layer.
  app.use(verifyRequests({ mchid: opts.mchid, merchantSerial, merchantPublicKey }));
  app.use(signAnswers(state, platformKey));
  // Inside the signing layer: a WxpayError thrown by a route (ORDER_NOT_EXIST, ORDERPAID, PARAM_ERROR …) is rendered here and so goes out signed.
  app.use(boundary());

  const api = new Router({ prefix: '/v3' });
  registerWxpayApiRoutes(api, { state, clock: opts.clock, merchant, settle });
  app.use(api.routes());
  app.use(api.allowedMethods());
  app.use((ctx) => {
    if (ctx.path.startsWith('/v3/')) sendWxpayError(ctx, 'RESOURCE_NOT_EXISTS', '请求的资源不存在');
  });

  return { app, state, faults, notifier, pump };
}

/** Every answer under /v3 carries a Request-ID, signed or not (WeChat's support asks for it). */
function requestIds() {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.path.startsWith('/v3/')) ctx.set('Request-ID', `08${randomAlnum(30)}`);
    await next();
  };
}

/** Signs the answer to an authenticated request, errors and 204s included (WeChat signs them all). */
function signAnswers(state: WxpayState, key: PlatformKey) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!ctx.path.startsWith('/v3/')) return next();
    await next();
    const text = ctx.body === undefined || ctx.body === null ? '' : typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
    if (text) {
      ctx.body = text;
      ctx.type = 'application/json';
    }
    const f = state.apiFaults;
    const timestamp = String(Math.floor(Date.now() / 1000) + state.notifyFaults.clockSkewSeconds);
    const nonce = randomAlnum(32);
    const signature = f.badResponseSignature
      ? Buffer.from(randomAlnum(256)).toString('base64')
      : rsaSign(signMessage([timestamp, nonce, text]), key.privateKeyPem);
    ctx.set('Wechatpay-Timestamp', timestamp);
    ctx.set('Wechatpay-Nonce', nonce);
    ctx.set('Wechatpay-Signature', signature);
    ctx.set('Wechatpay-Serial', f.unknownResponseSerial ? 'PUB_KEY_ID_0000000000000000000000UNKNOWN' : key.serial);
    ctx.set('Wechatpay-Signature-Type', 'WECHATPAY2-SHA256-RSA2048');
  };
}

/** `Authorization: WECHATPAY2-SHA256-RSA2048 …`: mchid, serial, ±300 s of real time, RSA-SHA256 over METHOD\nURL\nts\nnonce\nbody\n. */
function verifyRequests(o: { mchid: string; merchantSerial: string; merchantPublicKey: string }) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!ctx.path.startsWith('/v3/')) return next();
    const auth = parseAuthorization(ctx.get('authorization'));
    const refuse = (message: string) => sendWxpayError(ctx, 'SIGN_ERROR', message);
    if (!auth) return refuse('Authorization不合法：缺少或格式错误');
    if (auth.mchid !== o.mchid) return refuse('商户号与签名不匹配');
    if (auth.serial_no.toUpperCase() !== o.merchantSerial) return refuse('商户证书序列号有误');
    const ts = Number(auth.timestamp);
    if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > MAX_SKEW_SECONDS) return refuse('请求时间戳与当前时间相差超过5分钟');
    const body = ctx.method === 'GET' ? '' : await readRawBody(ctx.req);
    if (!rsaVerify(signMessage([ctx.method, ctx.originalUrl, auth.timestamp, auth.nonce_str, body]), auth.signature, o.merchantPublicKey)) {
      return refuse('签名错误，请检查后再试');
    }
    ctx.state.rawBody = body;
    await next();
  };
}
