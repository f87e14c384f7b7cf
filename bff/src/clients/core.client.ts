import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { readCoreRefusal, type CoreRefusal } from '@jsb/shared';
import { createHttpClient, DEFAULT_BREAKER, UpstreamError, UpstreamRejection, type BreakerOptions, type HttpClient, type RequestOptions } from './http';
import { AppError } from '../http/errors';

/** a path segment "." or ".." (also percent-encoded), which URL normalisation would resolve */
const DOT_SEGMENT = /\/(\.|%2e){1,2}(\/|$)/i;

/**
 * Our answer to one area's refusals (bookings, cases, 找茬, 缴费…): the AppError with our code and what the citizen can
 * do instead, carrying the core's refusal as its cause (the outbox keeps the refusal's code and details from there).
 */
export type RefusalMapper = (r: CoreRefusal) => AppError;

/** A call whose answer is parsed with our shared schema. */
export type ParsedCall = <S extends z.ZodType>(schema: S, path: string, opts?: RequestOptions) => Promise<z.output<S>>;

/**
 * The city's core government systems. Every call carries a signed header set:
 * HMAC-SHA256 over method, path with query, timestamp, nonce and the body's SHA-256.
 */
export function signCoreHeaders(o: {
  secret: string;
  clientId: string;
  method: string;
  pathWithQuery: string;
  body: string;
  nowMs: number;
}): Record<string, string> {
  const timestamp = String(Math.floor(o.nowMs / 1000));
  const nonce = randomBytes(16).toString('hex');
  const bodyHash = createHash('sha256').update(o.body).digest('hex');
  const signature = createHmac('sha256', o.secret).update(`${o.method}\n${o.pathWithQuery}\n${timestamp}\n${nonce}\n${bodyHash}`).digest('base64');
  return { 'x-jsb-client': o.clientId, 'x-jsb-timestamp': timestamp, 'x-jsb-nonce': nonce, 'x-jsb-signature': signature };
}

export interface CoreErrorBody {
  code: string;
  message?: string;
}

export interface IdentityVerdict {
  match: boolean;
  personId?: string;
  reason?: 'NAME_MISMATCH' | 'NOT_FOUND';
}

export interface CoreClient {
  http: HttpClient;
  /** Sends a call and returns the body on 2xx; throws UpstreamRejection with the core's own error body on 4xx. */
  call<T>(path: string, opts?: RequestOptions): Promise<T>;
  /**
   * The calls of one area of the core, each answer parsed with our shared schema (a payload that no longer matches
   * stops here as a protocol error instead of leaking a renamed field); a refusal (4xx) is answered as `refusal` says,
   * once, here, for every call of the area. Every core client is built on one of these.
   */
  area(refusal: RefusalMapper): ParsedCall;
  verifyIdentity(name: string, idNumber: string): Promise<IdentityVerdict>;
}

/** the core service a path belongs to: its first segment after /core/v1/ ("complaints", "cases", "bookings"…) */
export function coreService(path: string): string {
  const m = /^\/core\/v1\/([^/?]+)/.exec(path);
  return m ? m[1]! : 'other';
}

export interface CoreClientOptions {
  baseUrl: string;
  clientId: string;
  secret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** each core service's circuit breaker: failures that open it, its cool-down and its clock (default 5 failures, 5 s, real time) */
  breaker?: Partial<BreakerOptions>;
}

export function createCoreClient(o: CoreClientOptions): CoreClient {
  const http = createHttpClient({
    name: 'core',
    baseUrl: o.baseUrl,
    timeoutMs: o.timeoutMs,
    fetch: o.fetch,
    breaker: { ...DEFAULT_BREAKER, ...o.breaker },
    // one circuit per core service (/core/v1/complaints/…, /core/v1/cases/…): the 找茬 intake being down must not
    // stop bookings, cases or ratings
    circuitOf: coreService,
    // the signature uses real time: it protects the wire, not the business clock
    sign: (r) => signCoreHeaders({ ...r, secret: o.secret, clientId: o.clientId, nowMs: Date.now() }),
  });
  async function call<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    // an id that is "." or ".." would walk the core's URL up to another endpoint: such a path never leaves the bff
    if (DOT_SEGMENT.test(path.split('?')[0] ?? path)) throw new AppError('NOT_FOUND');
    const res = await http.request<T | CoreErrorBody>(path, opts);
    if (res.status >= 400) throw new UpstreamRejection('core', res.status, res.body);
    return res.body as T;
  }
  const area =
    (refusal: RefusalMapper): ParsedCall =>
    async (schema, path, opts = {}) => {
      let body: unknown;
      try {
        body = await call<unknown>(path, opts);
      } catch (err) {
        if (err instanceof UpstreamRejection) throw refusal(readCoreRefusal(err.status, err.body));
        throw err;
      }
      const result = schema.safeParse(body);
      if (!result.success) throw new UpstreamError('core', 'protocol', `${path}: unexpected payload (${result.error.issues[0]?.path.join('.')})`);
      return result.data;
    };
  return {
    http,
    call,
    area,
    async verifyIdentity(name, idNumber) {
      // a read: safe to retry
      const r = await call<IdentityVerdict>('/core/v1/identity/verify', { method: 'POST', body: { name, idNumber }, idempotent: true });
      return { match: r.match === true, personId: r.personId, reason: r.reason };
    },
  };
}
