import type { BindPhoneRequest, BindRealNameRequest, Me, TokenPair, devCodeSchema } from '@jsb/shared'
import { config } from '../config'
import { createApiClient } from './client'
import { createSessionStore } from './session'
import { taroStorage, taroTransport } from './taro-adapters'

export { ApiError, asApiError, isApiError, NETWORK_TEXT } from './errors'
export type { ApiErrorCode } from './errors'
export type { Session } from './session'

type DevCode = ReturnType<(typeof devCodeSchema)['parse']>

export const session = createSessionStore(taroStorage)
const api = createApiClient({ baseUrl: config.apiBase, transport: taroTransport, session, timeoutMs: config.requestTimeoutMs })

export function wechatLogin(code: string): Promise<TokenPair> {
  return api.request<TokenPair>('/api/v1/auth/wechat-login', { method: 'POST', body: { code }, auth: false })
}

export function logout(): Promise<void> {
  return api.request<void>('/api/v1/auth/logout', { method: 'POST', body: {} })
}

export function getMe(): Promise<Me> {
  return api.request<Me>('/api/v1/me')
}

export function bindRealName(body: BindRealNameRequest, idempotencyKey: string): Promise<Me> {
  return api.request<Me>('/api/v1/me/real-name', { method: 'POST', body, idempotencyKey })
}

export function bindPhone(body: BindPhoneRequest, idempotencyKey: string): Promise<Me> {
  return api.request<Me>('/api/v1/me/phone', { method: 'POST', body, idempotencyKey })
}

/** Development only, H5 only: the bff asks the WeChat mock for a login code for this openid. */
export function devLoginCode(openid: string): Promise<DevCode> {
  return api.request<DevCode>('/__dev/login-code', { method: 'POST', body: { openid }, auth: false })
}

/** Development only, H5 only: a phone-number code as `getPhoneNumber` would give on weapp. */
export function devPhoneCode(phoneNumber: string): Promise<DevCode> {
  return api.request<DevCode>('/__dev/phone-code', { method: 'POST', body: { phoneNumber }, auth: false })
}

export { showApiError, errorModalText } from './show-error'
