import type { Context } from 'koa';
import { BodyTooLargeError, isRecord, parseJson, readRawBody } from '../infra/body';
import type { MockClock } from '../infra/clock';
import { sendWxError, type WxErrorName } from './errors';
import type { WechatState } from './wechat.state';

export interface WechatDeps {
  appid: string;
  secret: string;
  clock: MockClock;
  state: WechatState;
  rateLimitPerMinute: number;
}

/** A WeChat API failure: the route stops and the app answers it as `{ errcode, errmsg }`. */
export class WxError extends Error {
  constructor(readonly errorName: WxErrorName) {
    super(errorName);
    this.name = 'WxError';
  }
}

export function wxErrors() {
  return async (ctx: Context, next: () => Promise<unknown>): Promise<void> => {
    try {
      await next();
    } catch (err) {
      if (!(err instanceof WxError)) throw err;
      sendWxError(ctx, err.errorName);
    }
  };
}

/** JSON object body, or 47001 like WeChat for anything it cannot read. */
export async function readWxJson(ctx: Context): Promise<Record<string, unknown>> {
  let raw: string;
  try {
    raw = await readRawBody(ctx.req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new WxError('DATA_FORMAT');
    throw err;
  }
  const parsed = parseJson(raw);
  if (!parsed.ok || !isRecord(parsed.value)) throw new WxError('DATA_FORMAT');
  return parsed.value;
}

/** `?access_token=` must be the current stable token: missing 41001, expired 42001, else 40001. */
export function ensureAccessToken(ctx: Context, deps: WechatDeps): void {
  const given = ctx.query.access_token;
  if (typeof given !== 'string' || given === '') throw new WxError('ACCESS_TOKEN_MISSING');
  const current = deps.state.accessToken;
  if (!current || current.token !== given) throw new WxError('INVALID_CREDENTIAL');
  if (deps.clock.now().getTime() >= current.expiresAtMs) throw new WxError('ACCESS_TOKEN_EXPIRED');
}

export function ensureAppCredentials(deps: WechatDeps, appid: unknown, secret: unknown): void {
  if (typeof appid !== 'string' || appid === '') throw new WxError('APPID_MISSING');
  if (appid !== deps.appid) throw new WxError('INVALID_APPID');
  if (typeof secret !== 'string' || secret === '') throw new WxError('APPSECRET_MISSING');
  if (secret !== deps.secret) throw new WxError('INVALID_APPSECRET');
}
