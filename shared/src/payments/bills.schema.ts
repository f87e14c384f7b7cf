import { z } from 'zod';
import { PAYABLE_STATUSES } from '../schemas/payments';
import { UTILITY_KINDS } from './money';

/**
 * The core's 缴费 API on the wire (one copy, as for cases and bookings): the core mock answers in these shapes
 * (mock/src/core/routes/bills.routes.ts, checked by the compiler) and the bff's core client parses them
 * (bff/src/clients/core-bills.client.ts). Our own API's shapes are in schemas/payments.ts.
 */
export const corePayableSchema = z.object({
  id: z.string(),
  kind: z.enum(['fee', 'utility']),
  title: z.string(),
  amountFen: z.number().int().positive(),
  status: z.enum(PAYABLE_STATUSES),
  transactionId: z.string().optional(),
  outTradeNo: z.string().optional(),
  paidAt: z.string().optional(),
  refundableReason: z.string().optional(),
  refundId: z.string().optional(),
  refundedAt: z.string().optional(),
  personId: z.string().optional(),
  caseNumber: z.string().optional(),
  itemName: z.string().optional(),
  basis: z.string().optional(),
  payee: z.string().optional(),
  createdAt: z.string().optional(),
  accountNumber: z.string().optional(),
  utility: z.enum(UTILITY_KINDS).optional(),
  period: z.string().optional(),
  dueDate: z.string().optional(),
  usage: z.string().optional(),
});
export type CorePayable = z.infer<typeof corePayableSchema>;

export const coreUtilityAccountSchema = z.object({
  accountNumber: z.string(),
  utility: z.enum(UTILITY_KINDS),
  company: z.string(),
  holderName: z.string(),
  address: z.string(),
});

/** GET /core/v1/fees?personId= */
export const coreFeesResponseSchema = z.object({ fees: z.array(corePayableSchema) });
export type CoreFeesResponse = z.infer<typeof coreFeesResponseSchema>;

/** GET /core/v1/utility-bills?accountNumber= */
export const coreUtilityResponseSchema = z.object({ account: coreUtilityAccountSchema, bills: z.array(corePayableSchema) });
export type CoreUtilityResponse = z.infer<typeof coreUtilityResponseSchema>;

/** POST /core/v1/payables/:id/payments and /refunds: recorded is false for a repeat, which changes nothing */
export const corePaymentRecordSchema = z.object({ payable: corePayableSchema, recorded: z.boolean(), note: z.string().optional() });
export type CorePaymentRecord = z.infer<typeof corePaymentRecordSchema>;
