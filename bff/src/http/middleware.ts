import { randomUUID } from 'node:crypto';
import type { Context, Middleware, Next } from 'koa';
import { z } from 'zod';
import { ERROR_TEXT } from '@jsb/shared';
import type { Logger } from '../log';
import { AppError, isAppError } from './errors';
import { ERROR_STATUS } from './error-status';
import { UpstreamError } from '../clients/http';
import { isDatabaseUnavailable } from '../db/unavailable';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Request id (taken from a sane X-Request-Id or made), request log, and the one error path. */
export function requestContext(log: Logger): Middleware {
  return async (ctx: Context, next: Next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = log.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) throw new AppError('NOT_FOUND');
    } catch (err) {
      renderError(ctx, err);
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10, userId: ctx.state.auth?.userId }, 'request');
    }
  };
}

function renderError(ctx: Context, err: unknown): void {
  const appError = toAppError(err);
  const status = ERROR_STATUS[appError.code];
  const log = ctx.state.log as Logger;
  if (status >= 500) log.error({ err: appError.cause ?? err, code: appError.code }, 'request failed');
  else log.info({ code: appError.code }, 'request refused');
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(appError.headers ?? {})) ctx.set(k, v);
  ctx.body = {
    error: {
      code: appError.code,
      message: appError.message,
      hint: appError.hint,
      requestId: ctx.state.requestId as string,
      ...(appError.details ? { details: appError.details } : {}),
    },
  };
}

export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof z.ZodError) return validationError(err);
  if (err instanceof UpstreamError) {
    return new AppError(err.kind === 'timeout' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', { cause: err });
  }
  // the database is down or unreachable: a 503 that says we are recovering, not a 500
  if (isDatabaseUnavailable(err)) return new AppError('SERVICE_UNAVAILABLE', { cause: err });
  const e = err as { status?: number; expose?: boolean; type?: string };
  // koa / router HTTP errors we raise ourselves carry a status
  if (e && e.status === 405) return new AppError('METHOD_NOT_ALLOWED', { cause: err });
  if (e && e.status === 404) return new AppError('NOT_FOUND', { cause: err });
  return new AppError('INTERNAL', { cause: err });
}

export function validationError(err: z.ZodError): AppError {
  const fields = err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  const first = fields[0];
  return new AppError('VALIDATION_FAILED', {
    message: first ? `${ERROR_TEXT.VALIDATION_FAILED.message}${first.path === '(body)' ? '' : `（${first.path}）`}${first.message}` : undefined,
    details: { fields },
    cause: err,
  });
}

/** Headers that every response gets; the API additionally forbids framing and any content. */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Permissions-Policy', 'geolocation=(), camera=(), microphone=()');
    if (ctx.path.startsWith('/api/')) {
      ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      ctx.set('Cache-Control', 'no-store');
    } else {
      ctx.set(
        'Content-Security-Policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
    await next();
  };
}

/**
 * JSON bodies only, with a size limit; the raw text is kept (payment notifications verify signatures over it).
 * Bad JSON, a wrong content type and an oversized body each get their own error code.
 */
export function jsonBody(limitBytes: number): Middleware {
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(ctx.method)) return next();
    const declared = Number(ctx.get('content-length') || '0');
    if (declared > limitBytes) throw tooLarge(limitBytes);
    const raw = await readRaw(ctx, limitBytes);
    ctx.state.rawBody = raw;
    if (raw.length === 0) {
      ctx.state.body = undefined;
      return next();
    }
    if (!ctx.is('application/json')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: '只接收 JSON 格式的数据。', hint: '请设置 Content-Type: application/json 后重试。' });
    }
    try {
      ctx.state.body = JSON.parse(raw);
    } catch (err) {
      throw new AppError('VALIDATION_FAILED', { message: '提交的数据不是有效的 JSON。', hint: '请检查数据格式后重试。', cause: err });
    }
    return next();
  };
}

function tooLarge(limit: number): AppError {
  return new AppError('BODY_TOO_LARGE', { details: { limitBytes: limit } });
}

async function readRaw(ctx: Context, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // destroyOnReturn: false so that refusing an oversized body still lets us answer 413 on this socket
  for await (const chunk of ctx.req.iterator({ destroyOnReturn: false })) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      ctx.req.resume(); // discard the rest
      ctx.set('Connection', 'close');
      throw tooLarge(limit);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
