import type { Logger } from '../../log';
import type { PaymentModel } from './payment.model';
import type { Settlement } from './settlement';
import { WxpayRefusal, type WxpayClient } from './wxpay.client';

/** a notification usually arrives within seconds; only orders older than this are asked about */
const QUIET_MS = 60_000;

/**
 * One reconciliation round (the 'payment-reconcile' job; the runner gives each round to one instance): ask WeChat
 * about pending orders, settle what it says is paid (the same checked path as a notification), close expired ones,
 * and follow refunds still processing. Every step is safe to repeat.
 */
export function createReconciler(d: {
  payments: PaymentModel;
  client: WxpayClient;
  settlement: Settlement;
  clock: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}) {
  return async function reconcile(limit = 100): Promise<{ paid: number; closed: number; refunded: number; pending: number; errors: number }> {
    const now = d.clock();
    const out = { paid: 0, closed: 0, refunded: 0, pending: 0, errors: 0 };
    const pending = await d.payments
      .find({ status: 'pending', createdAt: { $lte: new Date(now.getTime() - QUIET_MS) } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean();
    for (const order of pending) {
      try {
        const expired = now.getTime() >= order.expiresAt.getTime();
        let tx;
        try {
          tx = await d.client.query(order._id);
        } catch (err) {
          if (!(err instanceof WxpayRefusal && err.code === 'ORDER_NOT_EXIST')) throw err;
          // WeChat never got the order (prepay failed half-way): nothing to pay, close it here once it expired
          if (expired) {
            await close(order._id, 'never reached WeChat');
            out.closed += 1;
          } else out.pending += 1;
          continue;
        }
        if (tx.trade_state === 'SUCCESS') {
          if ((await d.settlement.markPaid(order, tx, 'reconcile')) === 'paid') out.paid += 1;
        } else if (tx.trade_state === 'CLOSED' || tx.trade_state === 'REVOKED') {
          await close(order._id, 'closed at WeChat');
          out.closed += 1;
        } else if (expired) {
          try {
            await d.client.close(order._id);
          } catch (err) {
            if (err instanceof WxpayRefusal && err.code === 'ORDERPAID') {
              const again = await d.client.query(order._id);
              if ((await d.settlement.markPaid(order, again, 'reconcile')) === 'paid') out.paid += 1;
              continue;
            }
            throw err;
          }
          await close(order._id, 'expired');
          out.closed += 1;
        } else out.pending += 1;
      } catch (err) {
        out.errors += 1;
        d.log.warn({ err, outTradeNo: order._id }, 'reconciliation of an order failed; next round retries');
      }
    }
    const refunding = await d.payments.find({ status: 'refunding' }).limit(limit).lean();
    for (const order of refunding) {
      if (!order.refund?.outRefundNo) continue;
      try {
        const r = await d.client.findRefund(order.refund.outRefundNo);
        if (r.status === 'SUCCESS' && (await d.settlement.markRefunded(order, r, 'reconcile')) === 'refunded') out.refunded += 1;
      } catch (err) {
        out.errors += 1;
        d.log.warn({ err, outTradeNo: order._id }, 'refund follow-up failed; next round retries');
      }
    }
    return out;
  };

  async function close(id: string, reason: string): Promise<void> {
    await d.payments.updateOne({ _id: id, status: 'pending' }, { $set: { status: 'closed', closedAt: d.clock(), closedReason: reason } });
  }
}
