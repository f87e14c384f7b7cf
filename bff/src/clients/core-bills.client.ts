import { coreFeesResponseSchema, corePayableSchema, corePaymentRecordSchema, coreUtilityResponseSchema } from '@jsb/shared';
import type { CoreClient, RefusalMapper } from './core.client';

export function createCoreBillsClient(core: CoreClient, refusal: RefusalMapper) {
  const parsed = core.area(refusal);
  const enc = encodeURIComponent;
  return {
    fees: (personId: string) => parsed(coreFeesResponseSchema, '/core/v1/fees', { query: { personId } }),
    utility: (accountNumber: string) => parsed(coreUtilityResponseSchema, '/core/v1/utility-bills', { query: { accountNumber } }),
    payable: (id: string) => parsed(corePayableSchema, `/core/v1/payables/${enc(id)}`),
    /** idempotent by transaction id at the core, so a retry is safe */
    reportPayment: (id: string, r: { transactionId: string; outTradeNo: string; amountFen: number; paidAt: string }) =>
      parsed(corePaymentRecordSchema, `/core/v1/payables/${enc(id)}/payments`, { method: 'POST', body: r, idempotent: true }),
    reportRefund: (id: string, r: { refundId: string; transactionId: string; refundedAt: string }) =>
      parsed(corePaymentRecordSchema, `/core/v1/payables/${enc(id)}/refunds`, { method: 'POST', body: r, idempotent: true }),
  };
}

export type CoreBillsClient = ReturnType<typeof createCoreBillsClient>;
