import type { Context, Middleware } from 'koa';
import { isRecord } from './body';
import { ADMIN_PREFIX } from './admin-prefix';

/** What the admin path can switch on. Every field has a "no fault" default. */
export interface FaultSettings {
  latencyMs: number;
  /** Probability 0..1 that a request fails with `errorStatus`. */
  errorRate: number;
  errorStatus: number;
  outage: boolean;
  /** With `outage`, the outage ends at this instant of real time (ISO). */
  outageUntil?: string;
  /** Only requests whose path starts with this are affected; admin paths never are. */
  pathPrefix?: string;
  /** Deterministic failures: every nth affected request fails (n, 2n, ...). */
  errorEvery?: number;
}

export interface FaultsView extends FaultSettings {
  outageActive: boolean;
  /** Requests seen under `pathPrefix` since the last change of settings. */
  requestsSeen: number;
}

/** Writes the upstream's own error format for a faulted request. */
export type FaultResponder = (ctx: Context, status: number) => void;

export interface Faults {
  view(): FaultsView;
  /** Merge validated settings; the request counter restarts so `errorEvery` counts from the change. */
  update(patch: Partial<FaultSettings>): FaultsView;
  clear(): FaultsView;
  middleware(respond: FaultResponder): Middleware;
}

export interface FaultsOptions {
  /** Settings that `clear()` returns to, e.g. `{ pathPrefix: '/core/v1' }`. */
  defaults?: Partial<FaultSettings>;
  random?: () => number;
  realNow?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, errorStatus: 503, outage: false };

export function createFaults(options: FaultsOptions = {}): Faults {
  const random = options.random ?? Math.random;
  const realNow = options.realNow ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const defaults: FaultSettings = { ...NO_FAULTS, ...options.defaults };
  let settings: FaultSettings = { ...defaults };
  let requestsSeen = 0;

  const outageActive = (): boolean => settings.outage && (settings.outageUntil === undefined || realNow() < Date.parse(settings.outageUntil));

  const view = (): FaultsView => ({ ...settings, outageActive: outageActive(), requestsSeen });

  const affects = (path: string): boolean => !path.startsWith(ADMIN_PREFIX) && (settings.pathPrefix === undefined || path.startsWith(settings.pathPrefix));

  return {
    view,
    update(patch) {
      settings = dropUndefined({ ...settings, ...patch });
      requestsSeen = 0;
      return view();
    },
    clear() {
      settings = { ...defaults };
      requestsSeen = 0;
      return view();
    },
    middleware(respond) {
      return async (ctx, next) => {
        if (!affects(ctx.path)) return next();
        requestsSeen += 1;
        const current = settings;
        if (current.latencyMs > 0) await sleep(current.latencyMs);
        const everyHit = current.errorEvery !== undefined && requestsSeen % current.errorEvery === 0;
        const randomHit = current.errorRate > 0 && random() < current.errorRate;
        if (outageActive() || everyHit || randomHit) {
          respond(ctx, current.errorStatus);
          return;
        }
        await next();
      };
    },
  };
}

function dropUndefined(s: FaultSettings): FaultSettings {
  const out = { ...s };
  for (const key of ['outageUntil', 'pathPrefix', 'errorEvery'] as const) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Validates an admin POST body. `null` removes an optional setting. Giving only `outageUntil`
 * means "outage until then", so `outage: true` is implied unless stated.
 */
export function parseFaultPatch(input: unknown): ParseResult<Partial<FaultSettings>> {
  if (!isRecord(input)) return { ok: false, message: 'body must be a JSON object' };
  const known = ['latencyMs', 'errorRate', 'errorStatus', 'outage', 'outageUntil', 'pathPrefix', 'errorEvery'];
  const unknown = Object.keys(input).filter((k) => !known.includes(k));
  if (unknown.length > 0) return { ok: false, message: `unknown fault setting(s): ${unknown.join(', ')}` };

  const patch: Partial<FaultSettings> = {};
  const { latencyMs, errorRate, errorStatus, outage, outageUntil, pathPrefix, errorEvery } = input;
  if (latencyMs !== undefined) {
    if (!isInt(latencyMs) || latencyMs < 0 || latencyMs > 120_000) return bad('latencyMs must be an integer 0..120000');
    patch.latencyMs = latencyMs;
  }
  if (errorRate !== undefined) {
    if (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1)) return bad('errorRate must be a number 0..1');
    patch.errorRate = errorRate;
  }
  if (errorStatus !== undefined) {
    if (!isInt(errorStatus) || errorStatus < 400 || errorStatus > 599) return bad('errorStatus must be an HTTP status 400..599');
    patch.errorStatus = errorStatus;
  }
  if (outage !== undefined) {
    if (typeof outage !== 'boolean') return bad('outage must be a boolean');
    patch.outage = outage;
  }
  if (outageUntil !== undefined) {
    if (outageUntil === null) patch.outageUntil = undefined;
    else if (typeof outageUntil !== 'string' || Number.isNaN(Date.parse(outageUntil))) return bad('outageUntil must be an ISO date-time');
    else {
      patch.outageUntil = new Date(outageUntil).toISOString();
      if (outage === undefined) patch.outage = true;
    }
  }
  if (pathPrefix !== undefined) {
    if (pathPrefix === null) patch.pathPrefix = undefined;
    else if (typeof pathPrefix !== 'string' || !pathPrefix.startsWith('/')) return bad('pathPrefix must be a path starting with /');
    else patch.pathPrefix = pathPrefix;
  }
  if (errorEvery !== undefined) {
    if (errorEvery === null) patch.errorEvery = undefined;
    else if (!isInt(errorEvery) || errorEvery < 1) return bad('errorEvery must be an integer >= 1');
    else patch.errorEvery = errorEvery;
  }
  return { ok: true, value: patch };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const bad = (message: string): { ok: false; message: string } => ({ ok: false, message });
