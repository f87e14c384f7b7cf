import { ERROR_TEXT, type ErrorCode } from '@jsb/shared';

export interface AppErrorOptions {
  message?: string;
  hint?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
  /** extra response headers, e.g. Retry-After */
  headers?: Record<string, string>;
}

/** The one error type services throw. The code picks the HTTP status (see error-status.ts). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, opts: AppErrorOptions = {}) {
    super(opts.message ?? ERROR_TEXT[code].message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = opts.hint ?? ERROR_TEXT[code].hint;
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
