import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { BodyTooLargeError, readRawBody } from '../infra/body';
import { CoreError } from './errors';

/**
 * The bff signs every call to the core systems:
 *   X-Jsb-Signature = base64(HMAC-SHA256(secret, METHOD \n pathWithQuery \n timestamp \n nonce \n sha256hex(body)))
 * The timestamp is checked against real time (the caller signs with its own clock), so moving
 * the mock clock by days for business rules never breaks signing.
 */
export const SIGNATURE_HEADERS = {
  client: 'x-jsb-client',
  timestamp: 'x-jsb-timestamp',
  nonce: 'x-jsb-nonce',
  signature: 'x-jsb-signature',
} as const;

export const MAX_CLOCK_SKEW_S = 300;
export const NONCE_MEMORY_MS = 10 * 60 * 1000;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function canonicalRequest(method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${bodyHash}`;
}

export function computeSignature(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('base64');
}

/** Nonces seen within the memory window, per mock instance. */
export class NonceStore {
  private readonly seen = new Map<string, number>();

  /** True when the nonce is new (and remembers it); false for a replay. */
  remember(nonce: string, nowMs: number): boolean {
    for (const [value, at] of this.seen) {
      if (nowMs - at < NONCE_MEMORY_MS) break; // insertion order = time order
      this.seen.delete(value);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}

export interface SignatureOptions {
  secret: string;
  clientId: string;
  nonces: NonceStore;
  realNow?: () => number;
  /** the largest body a path takes (default 1 MB); a 补正 file comes as base64 of up to 5 MB */
  bodyLimit?: (path: string) => number | undefined;
}

const refuse = (message: string): CoreError => new CoreError(401, 'SIGNATURE_INVALID', message);

export function verifySignature(opts: SignatureOptions): Middleware {
  const realNow = opts.realNow ?? Date.now;
  return async (ctx, next) => {
    const header = (name: string): string | undefined => {
      const value = ctx.get(name);
      return value === '' ? undefined : value;
    };
    const client = header(SIGNATURE_HEADERS.client);
    const timestamp = header(SIGNATURE_HEADERS.timestamp);
    const nonce = header(SIGNATURE_HEADERS.nonce);
    const signature = header(SIGNATURE_HEADERS.signature);
    if (!client || !timestamp || !nonce || !signature) throw refuse('缺少签名请求头');
    if (client !== opts.clientId) throw refuse('调用方未登记');
    if (!/^\d{1,12}$/.test(timestamp)) throw refuse('时间戳格式不正确');
    const nowMs = realNow();
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) throw refuse('请求时间戳已过期或超前');
    if (!NONCE_PATTERN.test(nonce)) throw refuse('随机串格式不正确');

    let body: string;
    try {
      body = await readRawBody(ctx.req, opts.bodyLimit?.(ctx.path));
    } catch (err) {
      if (err instanceof BodyTooLargeError) throw new CoreError(413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
      throw err;
    }
    const expected = computeSignature(opts.secret, canonicalRequest(ctx.method, ctx.originalUrl, timestamp, nonce, body));
    if (!sameText(expected, signature)) throw refuse('签名校验失败');
    // Only a correctly signed request uses up its nonce, so garbage cannot block a real one.
    if (!opts.nonces.remember(nonce, nowMs)) throw refuse('请求重复（随机串已使用）');
    await next();
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
