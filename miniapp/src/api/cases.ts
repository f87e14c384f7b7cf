import type { CaseDetail, CaseRating, CaseSummary, Mailing, MailingAddress, MaskedCase, RateCaseRequest } from '@jsb/shared';
import { api } from './index';

/* ---- 进度 (cases), 免费邮寄 and 好差评: writes carry an Idempotency-Key ---- */

const path = (caseNo: string, tail = '') => `/api/v1/cases/${encodeURIComponent(caseNo)}${tail}`;

export async function listMyCases(): Promise<CaseSummary[]> {
  return (await api.request<{ cases: CaseSummary[] }>('/api/v1/cases')).cases;
}

export function getCase(caseNo: string): Promise<CaseDetail> {
  return api.request<CaseDetail>(path(caseNo));
}

/** Works without signing in. */
export function lookupCase(caseNo: string, code: string): Promise<MaskedCase> {
  return api.request<MaskedCase>('/api/v1/cases/lookup', { method: 'POST', body: { caseNo, code }, auth: false });
}

export function requestMailing(caseNo: string, address: MailingAddress, idempotencyKey: string): Promise<Mailing> {
  return api.request<Mailing>(path(caseNo, '/mailing'), { method: 'POST', body: { address }, idempotencyKey });
}

export function getMailing(caseNo: string): Promise<Mailing> {
  return api.request<Mailing>(path(caseNo, '/mailing'));
}

export function getCaseRating(caseNo: string): Promise<CaseRating> {
  return api.request<CaseRating>(path(caseNo, '/rating'));
}

export function rateCase(caseNo: string, body: RateCaseRequest, idempotencyKey: string): Promise<CaseRating> {
  return api.request<CaseRating>(path(caseNo, '/rating'), { method: 'POST', body, idempotencyKey });
}

export function followUpRating(caseNo: string, body: RateCaseRequest, idempotencyKey: string): Promise<CaseRating> {
  return api.request<CaseRating>(path(caseNo, '/rating/follow-up'), { method: 'POST', body, idempotencyKey });
}
