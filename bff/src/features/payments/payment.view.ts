import { maskName, type Payable, type Payment } from '@jsb/shared';
import type { CorePayable } from '@jsb/shared';
import type { PaymentDoc } from './payment.model';

/** The allow-list of a core payable the citizen sees. */
export function toPayable(p: CorePayable): Payable {
  const pick = <K extends keyof CorePayable>(k: K) => (p[k] !== undefined ? { [k]: p[k] } : {});
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    amountFen: p.amountFen,
    status: p.status,
    ...pick('caseNumber'),
    ...pick('itemName'),
    ...pick('payee'),
    ...pick('basis'),
    ...pick('accountNumber'),
    ...pick('utility'),
    ...pick('period'),
    ...pick('usage'),
    ...pick('dueDate'),
    ...pick('paidAt'),
    ...pick('refundableReason'),
  } as Payable;
}

export const maskHolder = (name: string) => maskName(name);

type Lean = Omit<PaymentDoc, 'flag' | 'refund'> & {
  flag?: { reason?: string | null } | null;
  refund?: { status?: string | null; amountFen?: number | null; requestedAt?: Date | null; succeededAt?: Date | null } | null;
};

/** What the citizen sees of an order; a receipt exists once WeChat's verified word says it was paid. */
export function toPayment(d: Lean, canRefund = false): Payment {
  const paid = d.paidAt && d.transactionId && ['paid', 'refunding', 'refunded'].includes(d.status);
  const refund = d.refund?.status
    ? {
        status: d.refund.status as 'processing' | 'succeeded' | 'failed',
        amountFen: d.refund.amountFen ?? d.amountFen,
        requestedAt: (d.refund.requestedAt ?? d.createdAt).toISOString(),
        ...(d.refund.succeededAt ? { succeededAt: d.refund.succeededAt.toISOString() } : {}),
      }
    : undefined;
  return {
    id: d._id,
    payableId: d.payableId,
    kind: d.kind as 'fee' | 'utility',
    title: d.title,
    amountFen: d.amountFen,
    status: d.status as Payment['status'],
    createdAt: d.createdAt.toISOString(),
    expiresAt: d.expiresAt.toISOString(),
    ...(paid ? { paidAt: d.paidAt!.toISOString() } : {}),
    ...(paid
      ? {
          receipt: {
            receiptNo: `JNPJ${d._id.slice(3)}`,
            title: d.title,
            amountFen: d.amountFen,
            payee: d.payee ?? '济宁市政务服务中心',
            paidAt: d.paidAt!.toISOString(),
            transactionId: d.transactionId!,
            outTradeNo: d._id,
            ...(d.caseNumber ? { caseNumber: d.caseNumber } : {}),
            ...(d.accountNumber ? { accountNumber: d.accountNumber } : {}),
            ...(d.period ? { period: d.period } : {}),
          },
        }
      : {}),
    ...(refund ? { refund } : {}),
    canRefund: canRefund && d.status === 'paid',
  };
}
