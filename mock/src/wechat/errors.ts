import type { Context } from 'koa';

/**
 * WeChat's own error codes and messages (developers.weixin.qq.com, 全局返回码 and each API page).
 * The real service appends ", rid: …" to errmsg; callers must branch on errcode, so we leave it out.
 */
export const WX_ERRORS = {
  SYSTEM_BUSY: [-1, 'system error'],
  INVALID_CREDENTIAL: [40001, 'invalid credential, access_token is invalid or not latest'],
  INVALID_GRANT_TYPE: [40002, 'invalid grant_type'],
  INVALID_OPENID: [40003, 'invalid openid'],
  INVALID_APPID: [40013, 'invalid appid'],
  INVALID_CODE: [40029, 'invalid code'],
  INVALID_TEMPLATE_ID: [40037, 'invalid template_id'],
  INVALID_APPSECRET: [40125, 'invalid appsecret'],
  CODE_BEEN_USED: [40163, 'code been used'],
  ACCESS_TOKEN_MISSING: [41001, 'access_token missing'],
  APPID_MISSING: [41002, 'appid missing'],
  APPSECRET_MISSING: [41004, 'appsecret missing'],
  CODE_MISSING: [41008, 'missing code'],
  ACCESS_TOKEN_EXPIRED: [42001, 'access_token expired'],
  USER_REFUSED: [43101, 'user refuse to accept the msg'],
  MINUTE_QUOTA: [45011, 'api minute-quota reach limit mustslower retry next minute'],
  DATA_FORMAT: [47001, 'data format error'],
  ARGUMENT_INVALID: [47003, 'argument invalid!'],
} as const satisfies Record<string, readonly [number, string]>;

export type WxErrorName = keyof typeof WX_ERRORS;

/** WeChat answers its API errors with HTTP 200 and the code in the body. */
export function sendWxError(ctx: Context, name: WxErrorName): void {
  const [errcode, errmsg] = WX_ERRORS[name];
  ctx.status = 200;
  ctx.body = { errcode, errmsg };
}

/** Faults and crashes: the shape WeChat uses when it is busy, with the injected HTTP status. */
export function sendWxSystemError(ctx: Context, status: number): void {
  ctx.status = status;
  ctx.body = { errcode: WX_ERRORS.SYSTEM_BUSY[0], errmsg: WX_ERRORS.SYSTEM_BUSY[1] };
}
