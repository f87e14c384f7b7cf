import type { Claims } from '../../db/claims';
import type { Logger } from '../../log';
import type { Outbox } from '../../outbox/outbox';
import type { PaymentModel, PaymentDoc } from './payment.model';
import type { WxRefund, WxTransaction } from './wxpay.client';

/**
 * The only way an order becomes paid or refunded, whoever learnt it (a notification, a query by the reconciliation
 * job, the result page's poll). Exactly one caller wins the claim and makes the transition and the one report to the
 * core (through the outbox, keyed by the order, so even a repair cannot report twice).
 */
export type SettleOutcome = 'paid' | 'duplicate' | 'flagged';

export const PAID_CLAIM = (outTradeNo: string) => `payment:paid:${outTradeNo}`;
export const REFUNDED_CLAIM = (outRefundNo: string) => `payment:refunded:${outRefundNo}`;
export const OUTBOX_PAID = 'payment-paid';
export const OUTBOX_REFUNDED = 'payment-refunded';

/** a claim this old whose holder never finished (the instance died between claim and write) is repaired */
const REPAIR_AFTER_MS = 60_000;
const KEEP_MS = 400 * 24 * 3600_000;

export interface SettlementDeps {
  payments: PaymentModel;
  claims: Claims;
  outbox: Outbox;
  owner: string;
  clock: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  appid: string;
  mchid: string;
}

type Order = Pick<PaymentDoc, '_id' | 'userId' | 'payableId' | 'amountFen' | 'status'>;

export function createSettlement(d: SettlementDeps) {
  /** Checks that WeChat's transaction is this order, for this amount; a mismatch is a reason, never a payment. */
  function mismatch(order: Order, tx: WxTransaction): string | null {
    if (tx.appid !== d.appid) return 'appid';
    if (tx.mchid !== d.mchid) return 'mchid';
    if (tx.out_trade_no !== order._id) return 'out_trade_no';
    if (tx.trade_state !== 'SUCCESS') return `trade_state ${tx.trade_state}`;
    if (tx.amount?.total !== order.amountFen) return `amount ${tx.amount?.total ?? '?'} ≠ ${order.amountFen}`;
    if ((tx.amount?.currency ?? 'CNY') !== 'CNY') return 'currency';
    if (!tx.transaction_id) return 'transaction_id missing';
    return null;
  }

  async function flag(order: Order, reason: string, source: string, details: Record<string, unknown> = {}): Promise<void> {
    d.log.error({ outTradeNo: order._id, reason, source }, 'payment flagged: WeChat disagrees with our order');
    // a paid order stays paid; a flag on it only asks staff to look
    const status = order.status === 'pending' || order.status === 'closed' ? 'flagged' : order.status;
    await d.payments.updateOne({ _id: order._id }, { $set: { status, flag: { reason, at: d.clock(), source, details } } });
  }

  return {
    mismatch,
    flag,

    async markPaid(order: Order, tx: WxTransaction, source: string): Promise<SettleOutcome> {
      const bad = mismatch(order, tx);
      if (bad) {
        await flag(order, bad, source, { transactionId: tx.transaction_id, amount: tx.amount?.total });
        return 'flagged';
      }
      if (order.status !== 'pending' && order.status !== 'closed') return 'duplicate';
      const now = d.clock();
      if (!(await d.claims.take(PAID_CLAIM(order._id), d.owner, now, KEEP_MS))) {
        const since = await d.claims.takenAt(PAID_CLAIM(order._id));
        const stale = since && now.getTime() - since.getTime() > REPAIR_AFTER_MS;
        if (!stale) return 'duplicate';
        const fresh = await d.payments.findById(order._id, { status: 1 }).lean();
        if (!fresh || (fresh.status !== 'pending' && fresh.status !== 'closed')) return 'duplicate';
        d.log.warn({ outTradeNo: order._id }, 'repairing a payment whose transition was cut short');
      }
      const paidAt = tx.success_time ? new Date(tx.success_time) : now;
      await d.payments.updateOne({ _id: order._id }, { $set: { status: 'paid', paidAt, transactionId: tx.transaction_id } });
      const entry = await d.outbox.submit(
        OUTBOX_PAID,
        order.userId,
        { payableId: order.payableId, transactionId: tx.transaction_id!, outTradeNo: order._id, amountFen: order.amountFen, paidAt: paidAt.toISOString() },
        order._id,
      );
      if (entry.state === 'rejected') await flag({ ...order, status: 'paid' }, `core refused the payment: ${entry.lastError ?? ''}`.slice(0, 200), 'core');
      d.log.info({ outTradeNo: order._id, source, core: entry.state }, 'payment paid');
      return 'paid';
    },

    async markRefunded(
      order: Pick<PaymentDoc, '_id' | 'userId' | 'payableId' | 'transactionId'>,
      r: WxRefund,
      source: string,
    ): Promise<'refunded' | 'duplicate'> {
      const now = d.clock();
      if (!(await d.claims.take(REFUNDED_CLAIM(r.out_refund_no), d.owner, now, KEEP_MS))) return 'duplicate';
      const succeededAt = r.success_time ? new Date(r.success_time) : now;
      await d.payments.updateOne(
        { _id: order._id },
        { $set: { status: 'refunded', 'refund.status': 'succeeded', 'refund.refundId': r.refund_id, 'refund.succeededAt': succeededAt } },
      );
      await d.outbox.submit(
        OUTBOX_REFUNDED,
        order.userId,
        { payableId: order.payableId, refundId: r.refund_id, transactionId: r.transaction_id, refundedAt: succeededAt.toISOString() },
        r.out_refund_no,
      );
      d.log.info({ outTradeNo: order._id, source }, 'payment refunded');
      return 'refunded';
    },
  };
}

export type Settlement = ReturnType<typeof createSettlement>;
