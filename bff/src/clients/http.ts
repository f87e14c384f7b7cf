/**
 * The base of every upstream client: injected fetch, a hard timeout, retries only for safe calls,
 * and a small circuit breaker so a dead upstream fails fast instead of piling up requests.
 */
export type UpstreamErrorKind = 'timeout' | 'network' | 'server' | 'circuit-open' | 'protocol';

export class UpstreamError extends Error {
  constructor(
    readonly upstream: string,
    readonly kind: UpstreamErrorKind,
    message: string,
    opts: { cause?: unknown; status?: number } = {},
  ) {
    super(`${upstream}: ${message}`, { cause: opts.cause });
    this.name = 'UpstreamError';
    this.status = opts.status;
  }
  readonly status?: number;
}

/** The upstream answered with a business refusal (4xx) — callers map it to their own error code. */
export class UpstreamRejection extends Error {
  constructor(
    readonly upstream: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${upstream} refused with ${status}`);
    this.name = 'UpstreamRejection';
  }
}

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  /** the breaker's clock in ms (default: real time); a test moves it past the cool-down instead of sleeping */
  now?: () => number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 5000 };

export interface CircuitBreaker {
  check(): void;
  success(): void;
  failure(): void;
  readonly state: 'closed' | 'open' | 'half-open';
}

export function createBreaker(name: string, opts: BreakerOptions): CircuitBreaker {
  const now = opts.now ?? Date.now;
  let failures = 0;
  let openedAt = 0;
  let state: CircuitBreaker['state'] = 'closed';
  return {
    get state() {
      return state;
    },
    check() {
      if (state === 'open') {
        if (now() - openedAt < opts.cooldownMs) throw new UpstreamError(name, 'circuit-open', 'circuit open after repeated failures');
        state = 'half-open';
      }
    },
    success() {
      failures = 0;
      state = 'closed';
    },
    failure() {
      failures += 1;
      if (state === 'half-open' || failures >= opts.failureThreshold) {
        state = 'open';
        openedAt = now();
      }
    },
  };
}

export interface HttpClientOptions {
  name: string;
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** extra attempts for safe (GET) calls or calls marked idempotent */
  retries?: number;
  breaker?: BreakerOptions;
  /**
   * Which circuit a path belongs to (default: one circuit for the whole upstream). An upstream made of separate
   * services (the core's 找茬 intake, cases, bookings…) gets one circuit per service, so one failing service does not
   * make the bff refuse calls to the others.
   */
  circuitOf?: (path: string) => string;
  /** adds headers (e.g. a signature) from the final method, path and body */
  sign?: (req: { method: string; pathWithQuery: string; body: string }) => Record<string, string>;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** a POST that is safe to repeat (carries an idempotency key upstream) */
  idempotent?: boolean;
  /** overrides the retry decision (e.g. a one-time code must never be sent twice) */
  retry?: boolean;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /**
   * false: a 5xx answer reports on a system behind the upstream (the provincial 好差评 system behind the core),
   * so it does not count towards opening this upstream's circuit; network failures and timeouts still do.
   */
  serverErrorsTripBreaker?: boolean;
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  /** the body exactly as it came: a signature over the answer is checked on these bytes, never on a re-serialised copy */
  text: string;
}

export interface HttpClient {
  request<T = unknown>(path: string, opts?: RequestOptions): Promise<HttpResult<T>>;
  /** the circuit breaker that guards calls to `path` */
  breakerFor(path: string): CircuitBreaker;
}

export function createHttpClient(o: HttpClientOptions): HttpClient {
  const doFetch = o.fetch ?? fetch;
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (path: string): CircuitBreaker => {
    const circuit = o.circuitOf ? o.circuitOf(path) : '';
    let b = breakers.get(circuit);
    if (!b) {
      b = createBreaker(circuit ? `${o.name} ${circuit}` : o.name, o.breaker ?? DEFAULT_BREAKER);
      breakers.set(circuit, b);
    }
    return b;
  };
  const base = o.baseUrl.replace(/\/$/, '');

  async function once<T>(path: string, opts: RequestOptions): Promise<HttpResult<T>> {
    const method = opts.method ?? 'GET';
    const qs = opts.query
      ? new URLSearchParams(
          Object.entries(opts.query)
            .filter((e): e is [string, string | number] => e[1] !== undefined)
            .map(([k, v]): [string, string] => [k, String(v)]),
        ).toString()
      : '';
    const pathWithQuery = qs ? `${path}?${qs}` : path;
    const body = opts.body === undefined ? '' : JSON.stringify(opts.body);
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (body) headers['content-type'] = 'application/json';
    if (o.sign) Object.assign(headers, o.sign({ method, pathWithQuery, body }));
    const breaker = breakerFor(path);
    breaker.check();
    let res: Response;
    try {
      res = await doFetch(base + pathWithQuery, {
        method,
        headers,
        body: body || undefined,
        signal: AbortSignal.timeout(opts.timeoutMs ?? o.timeoutMs),
      });
    } catch (err) {
      breaker.failure();
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new UpstreamError(o.name, 'timeout', `no answer within ${opts.timeoutMs ?? o.timeoutMs} ms`, { cause: err });
      throw new UpstreamError(o.name, 'network', 'unreachable', { cause: err });
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      breaker.failure();
      throw new UpstreamError(o.name, 'network', 'connection dropped while reading the answer', { cause: err });
    }
    if (res.status >= 500) {
      if (opts.serverErrorsTripBreaker === false) breaker.success();
      else breaker.failure();
      throw new UpstreamError(o.name, 'server', `answered ${res.status}`, { status: res.status });
    }
    breaker.success();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new UpstreamError(o.name, 'protocol', 'answered something that is not JSON', { cause: err, status: res.status });
      }
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  return {
    breakerFor,
    async request<T>(path: string, opts: RequestOptions = {}): Promise<HttpResult<T>> {
      const safe = opts.retry ?? ((opts.method ?? 'GET') === 'GET' || opts.idempotent === true);
      const attempts = 1 + (safe ? (o.retries ?? 1) : 0);
      let last: unknown;
      for (let i = 0; i < attempts; i++) {
        try {
          return await once<T>(path, opts);
        } catch (err) {
          last = err;
          const retryable = err instanceof UpstreamError && err.kind !== 'circuit-open' && err.kind !== 'protocol';
          if (!retryable || i === attempts - 1) break;
          await new Promise((r) => setTimeout(r, 50 * 2 ** i));
        }
      }
      throw last;
    },
  };
}
