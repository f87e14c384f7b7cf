import type { ErrorCode } from '@jsb/shared';

/** Codes the bff answers (shared/src/errors.ts) plus the two that only the client can observe. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  hint: string;
  status: number;
  requestId?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * Every failure of a call to the bff. `message` says what happened and `hint` what to do next,
 * both in Chinese and ready to show to the citizen (只说 Yes, 不说 No).
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly hint: string;
  readonly status: number;
  readonly requestId: string;
  readonly details: Record<string, unknown> | undefined;
  override readonly cause: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message);
    // keeps `instanceof` working when Babel compiles the class down for older WeChat clients
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.code = init.code;
    this.hint = init.hint;
    this.status = init.status;
    this.requestId = init.requestId ?? '';
    this.details = init.details;
    this.cause = init.cause;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError || (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'ApiError');
}

export const NETWORK_TEXT = { message: '网络连接失败', hint: '请检查网络后重试' } as const;

export function networkError(cause: unknown): ApiError {
  return new ApiError({ code: 'NETWORK', ...NETWORK_TEXT, status: 0, cause });
}

/** Used only when a response carries no `{ error }` body (a proxy's 502 page, an empty 500…). */
function fallbackFor(status: number): Pick<ApiErrorInit, 'code' | 'message' | 'hint'> {
  if (status === 401) return { code: 'UNAUTHENTICATED', message: '您还没有登录。', hint: '请在“我的”页面点击“微信一键登录”后再操作。' };
  if (status === 404) return { code: 'NOT_FOUND', message: '没有找到您要的内容。', hint: '请返回上一页刷新后重试；如仍有疑问，请拨打12345咨询。' };
  if (status === 429) return { code: 'RATE_LIMITED', message: '操作太频繁，请稍候。', hint: '请等待一分钟后再试。' };
  if (status === 502 || status === 503 || status === 504) {
    return { code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时无法连接。', hint: '请稍后重试；急需办理可拨打12345。' };
  }
  return { code: 'BAD_RESPONSE', message: '服务返回了无法识别的内容。', hint: '请稍后重试；如多次出现，请拨打12345反映。' };
}

/** Turns a non-2xx response into an ApiError, reading `{ error: { code, message, hint, requestId } }`. */
export function errorFromResponse(status: number, body: unknown, headerRequestId?: string): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    if (typeof e.code === 'string' && typeof e.message === 'string') {
      const fallback = fallbackFor(status);
      return new ApiError({
        code: e.code as ApiErrorCode,
        message: e.message,
        hint: typeof e.hint === 'string' && e.hint ? e.hint : fallback.hint,
        status,
        requestId: typeof e.requestId === 'string' ? e.requestId : headerRequestId,
        details: typeof e.details === 'object' && e.details !== null ? (e.details as Record<string, unknown>) : undefined,
      });
    }
  }
  return new ApiError({ ...fallbackFor(status), status, requestId: headerRequestId });
}

/** Anything thrown (ApiError or not) as something a page can show. */
export function asApiError(err: unknown): ApiError {
  if (isApiError(err)) return err;
  return new ApiError({
    code: 'INTERNAL',
    message: '出了点问题，这一步没有完成。',
    hint: '请稍后重试；如多次出现，请拨打12345反映。',
    status: 0,
    cause: err,
  });
}
