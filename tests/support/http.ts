/** Small helpers for talking to the bff and the mocks over real HTTP. */
import type { TokenPair } from '@jsb/shared';
import type { Stack } from './stack';

export interface Res<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

export interface ErrBody {
  error: { code: string; message: string; hint: string; requestId: string; details?: Record<string, unknown> };
}

/** Mints a wx.login code at the WeChat mock for a test citizen. */
export async function loginCode(s: Stack, openid: string): Promise<string> {
  const r = await call<{ code: string }>(s.wechatUrl, 'POST', '/__mock/login-code', { body: { openid } });
  if (r.status >= 300) throw new Error(`login-code ${r.status} ${r.text}`);
  return r.body.code;
}

export async function signIn(s: Stack, openid: string): Promise<TokenPair> {
  const r = await call<TokenPair>(s.bffUrl, 'POST', '/api/v1/auth/wechat-login', { body: { code: await loginCode(s, openid) } });
  if (r.status !== 200) throw new Error(`sign-in ${r.status} ${r.text}`);
  return r.body;
}

export function openid(): string {
  return `o_test_${Math.random().toString(36).slice(2, 12)}`;
}
