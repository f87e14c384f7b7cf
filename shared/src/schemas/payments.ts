import { z } from 'zod';
import { ACCOUNT_NUMBER_PROBLEM, isAccountNumber, UTILITY_KINDS } from '../payments/money';

/** 缴费: what the mini-program sees of fees, utility bills and payments. Amounts are integer fen (分). */
export const PAYABLE_STATUSES = ['due', 'paid', 'refundable', 'refunded'] as const;

export const payableSchema = z.object({
  id: z.string(),
  kind: z.enum(['fee', 'utility']),
  title: z.string(),
  amountFen: z.number().int().positive(),
  status: z.enum(PAYABLE_STATUSES),
  /** fees: the case the fee belongs to */
  caseNumber: z.string().optional(),
  itemName: z.string().optional(),
  payee: z.string().optional(),
  basis: z.string().optional(),
  /** utility bills */
  accountNumber: z.string().optional(),
  utility: z.enum(UTILITY_KINDS).optional(),
  period: z.string().optional(),
  usage: z.string().optional(),
  dueDate: z.string().optional(),
  paidAt: z.string().optional(),
  refundableReason: z.string().optional(),
});
export type Payable = z.infer<typeof payableSchema>;

export const myBillsSchema = z.object({ fees: z.array(payableSchema) });
export type MyBills = z.infer<typeof myBillsSchema>;

export const accountNumberSchema = z.string().trim().refine(isAccountNumber, ACCOUNT_NUMBER_PROBLEM);
export const utilityLookupQuerySchema = z.object({ accountNumber: accountNumberSchema });
export const utilityLookupSchema = z.object({
  account: z.object({
    accountNumber: z.string(),
    utility: z.enum(UTILITY_KINDS),
    company: z.string(),
    /** masked: 张* */
    holderName: z.string(),
    address: z.string(),
  }),
  bills: z.array(payableSchema),
});
export type UtilityLookup = z.infer<typeof utilityLookupSchema>;

export const createPaymentRequestSchema = z.strictObject({ payableId: z.string().min(1).max(64) });
export type CreatePaymentRequest = z.infer<typeof createPaymentRequestSchema>;

export const PAYMENT_STATUSES = ['pending', 'paid', 'closed', 'refunding', 'refunded', 'flagged'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const receiptSchema = z.object({
  /** 电子缴费凭证号 */
  receiptNo: z.string(),
  title: z.string(),
  amountFen: z.number().int(),
  payee: z.string(),
  paidAt: z.string(),
  /** 微信支付交易单号 */
  transactionId: z.string(),
  outTradeNo: z.string(),
  caseNumber: z.string().optional(),
  accountNumber: z.string().optional(),
  period: z.string().optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const paymentSchema = z.object({
  /** our order number (out_trade_no) */
  id: z.string(),
  payableId: z.string(),
  kind: z.enum(['fee', 'utility']),
  title: z.string(),
  amountFen: z.number().int().positive(),
  status: z.enum(PAYMENT_STATUSES),
  createdAt: z.string(),
  /** until when the citizen can still pay this order */
  expiresAt: z.string(),
  paidAt: z.string().optional(),
  receipt: receiptSchema.optional(),
  refund: z
    .object({ status: z.enum(['processing', 'succeeded', 'failed']), amountFen: z.number().int(), requestedAt: z.string(), succeededAt: z.string().optional() })
    .optional(),
  /** refund may be requested (a withdrawn application's fee) */
  canRefund: z.boolean(),
});
export type Payment = z.infer<typeof paymentSchema>;

/** Exactly what `Taro.requestPayment` / `wx.requestPayment` takes (the appId is the mini-program's own). */
export const requestPaymentParamsSchema = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string().startsWith('prepay_id='),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type RequestPaymentParams = z.infer<typeof requestPaymentParamsSchema>;

export const createPaymentResponseSchema = z.object({
  payment: paymentSchema,
  requestPayment: requestPaymentParamsSchema,
  /** development only: the WeChat Pay mock's pay page, for the H5 build (append &redirect_url=) */
  devPayUrl: z.string().optional(),
});
export type CreatePaymentResponse = z.infer<typeof createPaymentResponseSchema>;

export const paymentListSchema = z.object({ payments: z.array(paymentSchema) });
export type PaymentList = z.infer<typeof paymentListSchema>;

export const paymentIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/, '订单号格式不正确') });

/** A WeChat Pay notification as it arrives; everything inside `resource` is checked after decryption. */
export const wechatPayNotificationSchema = z.looseObject({
  id: z.string(),
  event_type: z.string(),
  resource_type: z.string().optional(),
  resource: z.looseObject({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});
