import type { CreatePaymentResponse, MyBills, Payment, UtilityLookup } from '@jsb/shared';
import { api } from './index';

/* ---- 缴费: amounts come from the server (the core's); the pay call carries an Idempotency-Key ---- */

export function listMyBills(): Promise<MyBills> {
  return api.request<MyBills>('/api/v1/bills/mine');
}

export function lookupUtilityBill(accountNumber: string): Promise<UtilityLookup> {
  return api.request<UtilityLookup>('/api/v1/bills/utility', { query: { accountNumber } });
}

export function createPayment(payableId: string, idempotencyKey: string): Promise<CreatePaymentResponse> {
  return api.request<CreatePaymentResponse>('/api/v1/payments', { method: 'POST', body: { payableId }, idempotencyKey });
}

export function getPayment(id: string): Promise<Payment> {
  return api.request<Payment>(`/api/v1/payments/${encodeURIComponent(id)}`);
}

export async function listMyPayments(): Promise<Payment[]> {
  return (await api.request<{ payments: Payment[] }>('/api/v1/payments')).payments;
}

export function requestRefund(id: string): Promise<Payment> {
  return api.request<Payment>(`/api/v1/payments/${encodeURIComponent(id)}/refund`, { method: 'POST', body: {} });
}
