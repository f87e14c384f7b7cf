import type { TokenPair } from '@jsb/shared';
import { errorFromResponse, networkError } from './errors';
import type { SessionStore } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  header: Record<string, string>;
  data?: unknown;
  timeoutMs: number;
}

export interface HttpResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, unknown>;
}

/** Sends one request. Resolves for every HTTP status; rejects only when no response arrived. */
export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** send the access token and refresh it once on 401 (default true) */
  auth?: boolean;
  /** for writes: one key per citizen action, reused when the same action is retried */
  idempotencyKey?: string;
}

export interface ApiClientDeps {
  /** '' = same origin */
  baseUrl: string;
  transport: Transport;
  session: SessionStore;
  timeoutMs: number;
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
}

export const REFRESH_PATH = '/api/v1/auth/refresh';

/**
 * The one HTTP client of the mini-program. JSON in and out, `Authorization: Bearer`, and on a 401:
 * refresh once (concurrent 401s share one refresh), retry the original request once; if the bff
 * refuses the refresh, the session is cleared (the citizen signs in again). Every failure is an ApiError.
 */
export function createApiClient(deps: ApiClientDeps): ApiClient {
  const { baseUrl, transport, session, timeoutMs } = deps;
  let refreshing: Promise<string> | null = null;

  async function send(path: string, options: RequestOptions, accessToken: string | undefined): Promise<HttpResponse> {
    const method = options.method ?? 'GET';
    const header: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) header['Content-Type'] = 'application/json';
    if (accessToken) header.Authorization = `Bearer ${accessToken}`;
    if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;
    try {
      return await transport({ url: baseUrl + path + queryString(options.query), method, header, data: options.body, timeoutMs });
    } catch (cause) {
      throw networkError(cause);
    }
  }

  function refresh(refreshToken: string): Promise<string> {
    if (!refreshing) {
      refreshing = (async () => {
        const res = await send(REFRESH_PATH, { method: 'POST', body: { refreshToken } }, undefined);
        if (!isOk(res.statusCode)) {
          // The bff said no (expired, revoked, reused): this session is over. A network failure
          // (thrown by send) keeps the tokens, since the refresh token may still be good.
          session.clear();
          throw errorFromResponse(res.statusCode, res.data, requestIdOf(res));
        }
        return session.save(res.data as TokenPair).accessToken;
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  /** A fresh access token after `stale` was refused, or null when there is nothing to refresh with. */
  async function renew(stale: string): Promise<string | null> {
    const current = session.get();
    if (!current) return null;
    // another request already refreshed while this one was in flight
    if (current.accessToken !== stale) return current.accessToken;
    return refresh(current.refreshToken);
  }

  return {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      const auth = options.auth ?? true;
      const token = auth ? session.get()?.accessToken : undefined;
      let res = await send(path, options, token);
      if (res.statusCode === 401 && token) {
        const fresh = await renew(token);
        if (fresh) res = await send(path, options, fresh);
      }
      if (!isOk(res.statusCode)) throw errorFromResponse(res.statusCode, res.data, requestIdOf(res));
      return (res.statusCode === 204 ? undefined : res.data) as T;
    },
  };
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

function requestIdOf(res: HttpResponse): string | undefined {
  for (const [k, v] of Object.entries(res.header ?? {})) {
    if (k.toLowerCase() === 'x-request-id' && typeof v === 'string') return v;
  }
  return undefined;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
