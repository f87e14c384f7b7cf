import { createHash } from 'node:crypto';
import type { MockClock } from '../infra/clock';

/** A one-time code from wx.login or getPhoneNumber: single use, lives five minutes. */
export interface IssuedCode {
  /** openid for a login code, phone number for a phone code. */
  subject: string;
  issuedAtMs: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  expiresAtMs: number;
}

/** What one subscription sheet answered (wx.requestSubscribeMessage), for tests to read back. */
export interface SheetAnswer {
  openid: string;
  answers: Record<string, SubscribeAnswer>;
  at: string;
}
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export interface RecordedMessage {
  msgid: number;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  /** Mock-clock time the message was accepted (ISO). */
  sentAt: string;
}

export interface WechatState {
  loginCodes: Map<string, IssuedCode>;
  phoneCodes: Map<string, IssuedCode>;
  /** The one valid stable access_token; a forced refresh replaces it. */
  accessToken: AccessToken | undefined;
  /**
   * One-time subscription grants left, keyed by `subscriptionKey(openid, templateId)`: each 'accept' on the sheet adds
   * one, each message sent spends one; none left (or never granted) is 43101, as WeChat answers.
   */
  grants: Map<string, number>;
  sheets: SheetAnswer[];
  messages: RecordedMessage[];
  /** jscode2session calls per appid in the current mock-clock minute. */
  quota: Map<string, { minute: number; count: number }>;
  nextMsgid: number;
}

export function createWechatState(): WechatState {
  return {
    loginCodes: new Map(),
    phoneCodes: new Map(),
    accessToken: undefined,
    grants: new Map(),
    sheets: [],
    messages: [],
    quota: new Map(),
    nextMsgid: 3_021_000_001,
  };
}

export const CODE_TTL_MS = 5 * 60 * 1000;
export const ACCESS_TOKEN_TTL_S = 7200;

/** Real openids are 28 characters of [A-Za-z0-9_-]; we accept 6..64 so tests can use readable ones. */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

export const subscriptionKey = (openid: string, templateId: string): string => `${openid}\n${templateId}`;

/** Stable across restarts and resets: the same citizen always has the same unionid. */
export function unionidFor(openid: string): string {
  return 'o' + createHash('sha256').update(`unionid:${openid}`).digest('base64url').slice(0, 27);
}

export type CodeCheck = { ok: true; code: IssuedCode } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** Looks a code up without consuming it; `consume` marks it used. */
export function checkCode(codes: Map<string, IssuedCode>, value: string, clock: MockClock): CodeCheck {
  const code = codes.get(value);
  if (!code) return { ok: false, reason: 'unknown' };
  if (code.used) return { ok: false, reason: 'used' };
  if (clock.now().getTime() - code.issuedAtMs >= CODE_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, code };
}
