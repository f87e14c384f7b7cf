import { CoreRefusal } from '@jsb/shared';
import type { BillsState, Fee, Payable, UtilityAccount, UtilityBill } from './bills.state';

/** Synchronous on purpose: every check-and-set below runs with no await in between. */

const notFound = () => new CoreRefusal(404, 'PAYABLE_NOT_FOUND', '没有找到这笔费用');

export function feesOf(state: BillsState, personId: string): Fee[] {
  return [...state.payables.values()]
    .filter((p): p is Fee => p.kind === 'fee' && p.personId === personId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function lookupAccount(state: BillsState, accountNumber: string): { account: UtilityAccount; bills: UtilityBill[] } {
  const account = state.accounts.get(accountNumber);
  if (!account) throw new CoreRefusal(404, 'ACCOUNT_NOT_FOUND', '没有找到这个户号');
  const bills = [...state.payables.values()]
    .filter((p): p is UtilityBill => p.kind === 'utility' && p.accountNumber === accountNumber)
    .sort((a, b) => b.period.localeCompare(a.period));
  return { account, bills };
}

export function getPayable(state: BillsState, id: string): Payable {
  const p = state.payables.get(id);
  if (!p) throw notFound();
  return p;
}

export interface PaymentReport {
  transactionId: string;
  outTradeNo: string;
  amountFen: number;
  paidAt: string;
}

/**
 * The bff reports a WeChat transaction it verified. Idempotent by transaction id: the same report again changes
 * nothing and says so (`recorded: false`); another transaction for a settled payable is refused, so the bff can
 * refund the second payment.
 */
export function recordPayment(state: BillsState, id: string, r: PaymentReport): { payable: Payable; recorded: boolean } {
  const p = getPayable(state, id);
  if (p.transactionId === r.transactionId) return { payable: p, recorded: false };
  if (p.status !== 'due') {
    throw new CoreRefusal(409, 'PAID_BY_OTHER_TRANSACTION', '这笔费用已由另一笔交易缴清', { transactionId: p.transactionId, status: p.status });
  }
  if (r.amountFen !== p.amountFen) {
    throw new CoreRefusal(409, 'AMOUNT_MISMATCH', '缴费金额与应缴金额不一致', { amountFen: p.amountFen });
  }
  Object.assign(p, { status: 'paid', transactionId: r.transactionId, outTradeNo: r.outTradeNo, paidAt: r.paidAt });
  return { payable: p, recorded: true };
}

/** Staff: the citizen withdrew the application (撤回申请) before it was handled, so a paid fee may be refunded. */
export function markRefundable(state: BillsState, id: string, reason: string): Payable {
  const p = getPayable(state, id);
  if (p.kind !== 'fee') throw new CoreRefusal(409, 'NOT_REFUNDABLE', '只有事项收费可以退费');
  if (p.status === 'refundable') return p;
  if (p.status !== 'paid') throw new CoreRefusal(409, 'NOT_PAID', '这笔费用尚未缴纳，无需退费');
  Object.assign(p, { status: 'refundable', refundableReason: reason });
  return p;
}

/** The bff reports a refund WeChat confirmed (REFUND.SUCCESS). Idempotent by refund id. */
export function recordRefund(
  state: BillsState,
  id: string,
  r: { refundId: string; transactionId: string; refundedAt: string },
): { payable: Payable; recorded: boolean } {
  const p = getPayable(state, id);
  if (p.refundId === r.refundId) return { payable: p, recorded: false };
  if (p.status !== 'refundable') throw new CoreRefusal(409, 'NOT_REFUNDABLE', '这笔费用不在可退费状态');
  if (p.transactionId !== r.transactionId) throw new CoreRefusal(409, 'TRANSACTION_MISMATCH', '退款交易与缴费交易不一致');
  Object.assign(p, { status: 'refunded', refundId: r.refundId, refundedAt: r.refundedAt });
  return { payable: p, recorded: true };
}

/**
 * Staff: a fee not yet paid is withdrawn (减免, or charged by mistake): the citizen no longer owes it, and its payment
 * notice is gone from their list.
 */
export function closeFee(state: BillsState, id: string): Fee {
  const p = getPayable(state, id);
  if (p.kind !== 'fee') throw new CoreRefusal(409, 'NOT_A_FEE', '只有事项收费可以撤销');
  if (p.status !== 'due') throw new CoreRefusal(409, 'NOT_DUE', '这笔费用已缴纳，不能撤销；如需退费请先确认可退费', { status: p.status });
  state.payables.delete(id);
  return p;
}

/** Test-only: attach a fee to someone's case (a made-up citizen of a test). */
export function addFee(state: BillsState, f: Omit<Fee, 'kind' | 'status' | 'id'> & { id?: string }): Fee {
  const id = f.id ?? `FEE-T${String(state.payables.size + 1).padStart(5, '0')}`;
  if (state.payables.has(id)) throw new CoreRefusal(409, 'DUPLICATE', '费用编号已存在');
  const created: Fee = { ...f, id, kind: 'fee', status: 'due' };
  state.payables.set(id, created);
  return created;
}
