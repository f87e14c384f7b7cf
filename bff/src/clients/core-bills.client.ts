import { z } from 'zod';
import { PAYABLE_STATUSES, UTILITY_KINDS } from '@jsb/shared';
import type { CoreClient, RefusalMapper } from './core.client';

/** What the core's 缴费 API answers (mock/src/core/routes/bills.routes.ts). */
const corePayable = z.object({
  id: z.string(),
  kind: z.enum(['fee', 'utility']),
  title: z.string(),
  amountFen: z.number().int().positive(),
  status: z.enum(PAYABLE_STATUSES),
  transactionId: z.string().optional(),
  paidAt: z.string().optional(),
  refundableReason: z.string().optional(),
  refundId: z.string().optional(),
  personId: z.string().optional(),
  caseNumber: z.string().optional(),
  itemName: z.string().optional(),
  basis: z.string().optional(),
  payee: z.string().optional(),
  accountNumber: z.string().optional(),
  utility: z.enum(UTILITY_KINDS).optional(),
  period: z.string().optional(),
  dueDate: z.string().optional(),
  usage: z.string().optional(),
});
export type CorePayable = z.infer<typeof corePayable>;

const account = z.object({ accountNumber: z.string(), utility: z.enum(UTILITY_KINDS), company: z.string(), holderName: z.string(), address: z.string() });
const recordResult = z.object({ payable: corePayable, recorded: z.boolean(), note: z.string().optional() });

export function createCoreBillsClient(core: CoreClient, refusal: RefusalMapper) {
  const parsed = core.area(refusal);
  const enc = encodeURIComponent;
  return {
    fees: (personId: string) => parsed(z.object({ fees: z.array(corePayable) }), '/core/v1/fees', { query: { personId } }),
    utility: (accountNumber: string) => parsed(z.object({ account, bills: z.array(corePayable) }), '/core/v1/utility-bills', { query: { accountNumber } }),
    payable: (id: string) => parsed(corePayable, `/core/v1/payables/${enc(id)}`),
    /** idempotent by transaction id at the core, so a retry is safe */
    reportPayment: (id: string, r: { transactionId: string; outTradeNo: string; amountFen: number; paidAt: string }) =>
      parsed(recordResult, `/core/v1/payables/${enc(id)}/payments`, { method: 'POST', body: r, idempotent: true }),
    reportRefund: (id: string, r: { refundId: string; transactionId: string; refundedAt: string }) =>
      parsed(recordResult, `/core/v1/payables/${enc(id)}/refunds`, { method: 'POST', body: r, idempotent: true }),
  };
}

export type CoreBillsClient = ReturnType<typeof createCoreBillsClient>;
