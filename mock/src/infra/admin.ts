import type Koa from 'koa';
import type { Context } from 'koa';
import { Router } from '@koa/router';
import { BodyTooLargeError, isRecord, parseJson, readRawBody } from './body';
import type { MockClock } from './clock';
import { parseFaultPatch, type Faults } from './faults';
import { ADMIN_PREFIX } from './admin-prefix';

export { ADMIN_PREFIX };

/** A bad admin request: answered 400 `{ code: 'BAD_REQUEST', message }` instead of crashing. */
export class AdminInputError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
    this.name = 'AdminInputError';
  }
}

export async function readAdminBody(ctx: Context): Promise<Record<string, unknown>> {
  let raw: string;
  try {
    raw = await readRawBody(ctx.req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new AdminInputError(err.message, 413, 'PAYLOAD_TOO_LARGE');
    throw err;
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) throw new AdminInputError('body is not valid JSON');
  if (!isRecord(parsed.value)) throw new AdminInputError('body must be a JSON object');
  return parsed.value;
}

export interface AdminDeps {
  clock: MockClock;
  faults: Faults;
  /** Put the mock's own data back to its seed. Faults are cleared too; the clock is left alone. */
  reset(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The routes every mock shares; a mock adds its own to the returned router before mounting. */
export function createAdminRouter(deps: AdminDeps): Router {
  const router = new Router({ prefix: ADMIN_PREFIX });
  const clockView = () => ({ now: deps.clock.now().toISOString(), frozen: deps.clock.isFrozen() });

  router.get('/clock', (ctx) => {
    ctx.body = clockView();
  });

  router.post('/clock', async (ctx) => {
    const body = await readAdminBody(ctx);
    const { set, advanceMs, advanceDays, freeze } = body;
    if (set !== undefined && (typeof set !== 'string' || Number.isNaN(Date.parse(set)))) {
      throw new AdminInputError('set must be an ISO date-time string');
    }
    if (advanceMs !== undefined && (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs))) {
      throw new AdminInputError('advanceMs must be a finite number');
    }
    if (advanceDays !== undefined && (typeof advanceDays !== 'number' || !Number.isFinite(advanceDays))) {
      throw new AdminInputError('advanceDays must be a finite number');
    }
    if (freeze !== undefined && typeof freeze !== 'boolean') throw new AdminInputError('freeze must be a boolean');

    if (typeof set === 'string') deps.clock.set(new Date(set));
    if (typeof advanceMs === 'number') deps.clock.advance(advanceMs);
    if (typeof advanceDays === 'number') deps.clock.advance(advanceDays * DAY_MS);
    if (freeze === true) deps.clock.freeze();
    if (freeze === false) deps.clock.unfreeze();
    ctx.body = clockView();
  });

  router.get('/faults', (ctx) => {
    ctx.body = deps.faults.view();
  });
  router.post('/faults', async (ctx) => {
    const parsed = parseFaultPatch(await readAdminBody(ctx));
    if (!parsed.ok) throw new AdminInputError(parsed.message);
    ctx.body = deps.faults.update(parsed.value);
  });
  router.delete('/faults', (ctx) => {
    ctx.body = deps.faults.clear();
  });

  router.post('/reset', (ctx) => {
    deps.reset();
    deps.faults.clear();
    ctx.body = { ok: true };
  });

  return router;
}

/**
 * Mount the admin routes. For paths under `/__mock` only: CORS (a browser dev page calls them,
 * so preflights are answered) and input errors as 400 `{ code, message }`.
 */
export function mountAdmin(app: Koa, router: Router): void {
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith(ADMIN_PREFIX)) return next();
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type');
    ctx.set('Access-Control-Max-Age', '600');
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    try {
      await next();
    } catch (err) {
      if (!(err instanceof AdminInputError)) throw err;
      ctx.status = err.status;
      ctx.body = { code: err.code, message: err.message };
    }
  });
  app.use(router.routes());
  app.use(router.allowedMethods());
}
