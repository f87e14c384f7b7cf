import type {
  Appointment,
  AppointmentTicket,
  BindPhoneRequest,
  BindRealNameRequest,
  BookingStanding,
  CreateAppointmentRequest,
  Hall,
  Item,
  ItemSummary,
  Me,
  SlotsResponse,
  Theme,
  ThemeSummary,
  TokenPair,
  devCodeSchema,
} from '@jsb/shared';
import { config } from '../config';
import { createApiClient } from './client';
import { createSessionStore } from './session';
import { taroStorage, taroTransport } from './taro-adapters';

export { ApiError, asApiError, isApiError, NETWORK_TEXT } from './errors';
export type { ApiErrorCode } from './errors';
export type { Session } from './session';

type DevCode = ReturnType<(typeof devCodeSchema)['parse']>;

export const session = createSessionStore(taroStorage);
/** the one client; feature modules (api/cases.ts, ...) send through it so a refresh is shared */
export const api = createApiClient({ baseUrl: config.apiBase, transport: taroTransport, session, timeoutMs: config.requestTimeoutMs });
/** the one client, for feature modules that keep their calls in their own file (api/complaints.ts) */
export const apiClient = api;

export function wechatLogin(code: string): Promise<TokenPair> {
  return api.request<TokenPair>('/api/v1/auth/wechat-login', { method: 'POST', body: { code }, auth: false });
}

export function logout(): Promise<void> {
  return api.request<void>('/api/v1/auth/logout', { method: 'POST', body: {} });
}

export function getMe(): Promise<Me> {
  return api.request<Me>('/api/v1/me');
}

export function bindRealName(body: BindRealNameRequest, idempotencyKey: string): Promise<Me> {
  return api.request<Me>('/api/v1/me/real-name', { method: 'POST', body, idempotencyKey });
}

export function bindPhone(body: BindPhoneRequest, idempotencyKey: string): Promise<Me> {
  return api.request<Me>('/api/v1/me/phone', { method: 'POST', body, idempotencyKey });
}

/** Development only, H5 only: the bff asks the WeChat mock for a login code for this openid. */
export function devLoginCode(openid: string): Promise<DevCode> {
  return api.request<DevCode>('/__dev/login-code', { method: 'POST', body: { openid }, auth: false });
}

/** Development only, H5 only: a phone-number code as `getPhoneNumber` would give on weapp. */
export function devPhoneCode(phoneNumber: string): Promise<DevCode> {
  return api.request<DevCode>('/__dev/phone-code', { method: 'POST', body: { phoneNumber }, auth: false });
}

/* ---- booking (预约): catalog and slots are public or signed-in reads; writes carry an Idempotency-Key ---- */

export async function listHalls(): Promise<Hall[]> {
  return (await api.request<{ halls: Hall[] }>('/api/v1/halls', { auth: false })).halls;
}

export async function listItems(query: { hallId?: string; zoneId?: string; q?: string }): Promise<ItemSummary[]> {
  return (await api.request<{ items: ItemSummary[] }>('/api/v1/items', { query, auth: false })).items;
}

export function getItem(id: string): Promise<Item> {
  return api.request<Item>(`/api/v1/items/${encodeURIComponent(id)}`, { auth: false });
}

export async function listThemes(): Promise<ThemeSummary[]> {
  return (await api.request<{ themes: ThemeSummary[] }>('/api/v1/themes', { auth: false })).themes;
}

export function getTheme(id: string): Promise<Theme> {
  return api.request<Theme>(`/api/v1/themes/${encodeURIComponent(id)}`, { auth: false });
}

export function listSlots(query: { hallId: string; itemId?: string; zoneId?: string; from?: string; to?: string }): Promise<SlotsResponse> {
  return api.request<SlotsResponse>('/api/v1/slots', { query });
}

export function createAppointment(body: CreateAppointmentRequest, idempotencyKey: string): Promise<Appointment> {
  return api.request<Appointment>('/api/v1/appointments', { method: 'POST', body, idempotencyKey });
}

export async function listMyAppointments(): Promise<Appointment[]> {
  return (await api.request<{ appointments: Appointment[] }>('/api/v1/appointments')).appointments;
}

export function getAppointment(id: string): Promise<Appointment> {
  return api.request<Appointment>(`/api/v1/appointments/${encodeURIComponent(id)}`);
}

export function cancelAppointment(id: string, idempotencyKey: string): Promise<Appointment> {
  return api.request<Appointment>(`/api/v1/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {}, idempotencyKey });
}

export function rescheduleAppointment(id: string, slotId: string, idempotencyKey: string): Promise<Appointment> {
  return api.request<Appointment>(`/api/v1/appointments/${encodeURIComponent(id)}/reschedule`, {
    method: 'POST',
    body: { slotId },
    idempotencyKey,
  });
}

export function getAppointmentTicket(id: string): Promise<AppointmentTicket> {
  return api.request<AppointmentTicket>(`/api/v1/appointments/${encodeURIComponent(id)}/ticket`);
}

export function getBookingStanding(): Promise<BookingStanding> {
  return api.request<BookingStanding>('/api/v1/me/booking-standing');
}

export { showApiError, errorModalText } from './show-error';
