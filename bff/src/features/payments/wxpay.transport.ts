import { UpstreamError } from '../../clients/http';
import type { Logger } from '../../log';
import { checkSignature } from './wxpay.signature';

/** The shape wechatpay-node-v3 expects from `pay.createHttp(...)` (its IPayRequest). */
export interface PayTransport {
  post(url: string, params: Record<string, unknown>, headers: Record<string, string>): Promise<TransportResult>;
  get(url: string, headers: Record<string, string>): Promise<TransportResult>;
  upload(url: string, params: Record<string, unknown>, headers: Record<string, string>): Promise<TransportResult>;
}

export interface TransportResult {
  status: number;
  data?: unknown;
  /** the raw error body, as the library's own transport gives it */
  error?: string;
}

const LIBRARY_ORIGIN = 'https://api.mch.weixin.qq.com';

/**
 * The library signs the request over the path before the transport sees it, so the transport may send it to another
 * origin (the mock, a regional endpoint). It sends exactly JSON.stringify(params), because that is what was signed,
 * and it verifies the signature of every answer (the library does not): timestamp window, key by serial, RSA-SHA256.
 * An unverifiable answer is an UpstreamError('protocol'): nothing from it is trusted (an unsigned 2xx is a forgery).
 */
export function createPayTransport(o: {
  baseUrl: string;
  platformKeys: Record<string, string>;
  timeoutMs: number;
  fetch?: typeof fetch;
  wireNow?: () => number;
  log?: Pick<Logger, 'error'>;
}): PayTransport {
  const doFetch = o.fetch ?? fetch;
  const wireNow = o.wireNow ?? Date.now;
  const base = o.baseUrl.replace(/\/$/, '');

  function target(url: string): string {
    if (!url.startsWith(LIBRARY_ORIGIN + '/')) throw new UpstreamError('wxpay', 'protocol', `unexpected URL from the library: ${url.slice(0, 60)}`);
    return base + url.slice(LIBRARY_ORIGIN.length);
  }

  async function send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string): Promise<TransportResult> {
    const { 'Accept-Encoding': _gzip, ...sendHeaders } = headers; // fetch negotiates compression itself
    let res: Response;
    try {
      res = await doFetch(target(url), { method, headers: sendHeaders, body, signal: AbortSignal.timeout(o.timeoutMs) });
    } catch (err) {
      if (err instanceof UpstreamError) throw err;
      const name = (err as Error).name;
      throw new UpstreamError('wxpay', name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', 'no answer from WeChat Pay', { cause: err });
    }
    const text = await res.text();
    // A 5xx is a failure whatever its headers say (a gateway in front of WeChat answers unsigned) and nothing in it is used.
    if (res.status >= 500) throw new UpstreamError('wxpay', 'server', `answered ${res.status}`, { status: res.status });
    const verdict = checkSignature(
      {
        timestamp: res.headers.get('wechatpay-timestamp') ?? undefined,
        nonce: res.headers.get('wechatpay-nonce') ?? undefined,
        signature: res.headers.get('wechatpay-signature') ?? undefined,
        serial: res.headers.get('wechatpay-serial') ?? undefined,
        body: text,
      },
      o.platformKeys,
      wireNow(),
    );
    if (!verdict.ok && res.status === 401) {
      // WeChat signs no answer to a request it could not authenticate: our mchid, merchant serial or key is wrong. The
      // body is unauthenticated too, so its code is only logged, never acted on (a forged ORDER_NOT_EXIST must not close an order).
      const requestId = res.headers.get('request-id');
      o.log?.error(
        { status: 401, requestId, reason: verdict.reason, body: text.slice(0, 200) },
        'WeChat Pay refused our request signature: check WXPAY_MCHID, WXPAY_MERCHANT_SERIAL and WXPAY_MERCHANT_PRIVATE_KEY',
      );
      throw new UpstreamError('wxpay', 'protocol', `answered 401 unsigned: our request signature was refused (Request-ID ${requestId ?? 'none'})`, {
        status: 401,
      });
    }
    if (!verdict.ok) throw new UpstreamError('wxpay', 'protocol', `answer ${res.status} failed verification (${verdict.reason})`, { status: res.status });
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (err) {
        throw new UpstreamError('wxpay', 'protocol', 'answer is not JSON', { cause: err, status: res.status });
      }
    }
    return res.status >= 200 && res.status < 300 ? { status: res.status, data } : { status: res.status, data, error: text };
  }

  return {
    post: (url, params, headers) => send('POST', url, headers, JSON.stringify(params)),
    get: (url, headers) => send('GET', url, headers),
    upload: () => Promise.reject(new UpstreamError('wxpay', 'protocol', 'uploads are not used by this service')),
  };
}
