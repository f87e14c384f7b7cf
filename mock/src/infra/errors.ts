import type { Context, Middleware } from 'koa';

/**
 * The outermost middleware of one mock system: `known` answers the errors that system raises on purpose in its own
 * error format (and returns true); anything else is a bug in the mock, logged with the system's name and answered as
 * that system's 500 by `systemError`.
 */
export function errorBoundary(name: string, o: { known?: (ctx: Context, err: unknown) => boolean; systemError: (ctx: Context) => void }): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (o.known?.(ctx, err)) return;
      console.error(`[${name}] unexpected error`, ctx.method, ctx.path, err);
      o.systemError(ctx);
    }
  };
}
