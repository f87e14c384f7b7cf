import type { Context, Middleware } from 'koa';
import { CoreRefusal } from '@jsb/shared';
import { BodyTooLargeError, isRecord, parseJson, readRawBody } from '../infra/body';
import { errorBoundary } from '../infra/errors';

/** The core systems' error body: HTTP status + `{ code: 'UPPER_SNAKE', message: '中文' }`. */
export class CoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export function sendCoreError(ctx: Context, status: number, code: string, message: string): void {
  ctx.status = status;
  ctx.body = { code, message };
}

export function sendCoreUnavailable(ctx: Context, status: number): void {
  sendCoreError(ctx, status, 'SERVICE_UNAVAILABLE', '系统繁忙，请稍后再试');
}

/**
 * One error path: a CoreRefusal (shared with the bff, which reads it back) answers with its details, a CoreError as
 * itself, anything else is a 500 with a generic message.
 */
export function coreErrors(): Middleware {
  return errorBoundary('mock-core', {
    known: (ctx, err) => {
      if (err instanceof CoreRefusal) {
        ctx.status = err.status;
        ctx.body = err.body();
        return true;
      }
      if (!(err instanceof CoreError)) return false;
      sendCoreError(ctx, err.status, err.code, err.message);
      return true;
    },
    systemError: (ctx) => sendCoreError(ctx, 500, 'INTERNAL_ERROR', '系统内部错误'),
  });
}

export function badRequest(message: string): CoreError {
  return new CoreError(400, 'BAD_REQUEST', message);
}

/** The JSON object a core route received; the signature check has already read the same raw text. */
export async function readCoreJson(ctx: Context): Promise<Record<string, unknown>> {
  let raw: string;
  try {
    raw = await readRawBody(ctx.req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new CoreError(413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
    throw err;
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) throw badRequest('请求内容不是有效的 JSON');
  if (!isRecord(parsed.value)) throw badRequest('请求内容应为 JSON 对象');
  return parsed.value;
}
