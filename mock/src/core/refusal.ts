import type { Middleware } from 'koa';
import { CoreError } from './errors';

/**
 * A refusal that tells the caller what to do instead: `{ code, message, ...details }`
 * (SLOT_FULL with the nearest free slots, BOOKING_SUSPENDED with its end date, ...).
 */
export class CoreRefusal extends CoreError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(status, code, message);
    this.name = 'CoreRefusal';
  }
}

/** Put before a route's handler: answers a CoreRefusal with its details; anything else goes on to coreErrors. */
export const refusals: Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (!(err instanceof CoreRefusal)) throw err;
    ctx.status = err.status;
    ctx.body = { code: err.code, message: err.message, ...err.details };
  }
};
