import type { Context } from 'koa';

/** WeChat Pay v3 error codes with their HTTP status (pay.weixin.qq.com, 错误码). Body: `{ code, message }`. */
export const WXPAY_ERRORS = {
  PARAM_ERROR: 400,
  INVALID_REQUEST: 400,
  ORDER_CLOSED: 400,
  SIGN_ERROR: 401,
  NO_AUTH: 403,
  ORDERPAID: 403,
  OUT_TRADE_NO_USED: 403,
  NOT_ENOUGH: 403,
  ORDER_NOT_EXIST: 404,
  RESOURCE_NOT_EXISTS: 404,
  FREQUENCY_LIMITED: 429,
  SYSTEM_ERROR: 500,
} as const;

export type WxpayErrorCode = keyof typeof WXPAY_ERRORS;

export class WxpayError extends Error {
  constructor(
    readonly code: WxpayErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'WxpayError';
  }
}

export function sendWxpayError(ctx: Context, code: WxpayErrorCode, message: string, detail?: Record<string, unknown>): void {
  ctx.status = WXPAY_ERRORS[code];
  ctx.body = { code, message, ...(detail ? { detail } : {}) };
}

export function sendWxpaySystemError(ctx: Context, status: number): void {
  ctx.status = status;
  ctx.body = { code: 'SYSTEM_ERROR', message: '系统异常，请使用相同参数稍后重新调用' };
}
