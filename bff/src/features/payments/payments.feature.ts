import type { Connection } from 'mongoose';
import type { Config } from '../../config';
import type { Claims } from '../../db/claims';
import type { Lists } from '../../db/lists';
import type { IdempotencyStore } from '../../db/idempotency';
import type { CoreClient } from '../../clients/core.client';
import { createCoreBillsClient } from '../../clients/core-bills.client';
import { billRefusal } from './refusals';
import type { PeriodicJob } from '../../jobs/runner';
import type { Logger } from '../../log';
import type { Deliver, Outbox } from '../../outbox/outbox';
import type { CitizenModel } from '../auth/citizen.model';
import { notificationModel } from './notification.model';
import { createNotifyHandler, NotifyFailure } from './notify';
import { paymentModel } from './payment.model';
import { createPaymentsService } from './payments.service';
import { createReconciler } from './reconcile';
import { createSettlement, OUTBOX_PAID, OUTBOX_REFUNDED } from './settlement';
import { createWxpayClient } from './wxpay.client';
import { wxpaySettings } from './wxpay.keys';

/**
 * 缴费, wired in one place so app.ts only adds a few lines: models, the service, the notification handler, the
 * reconciliation job and the outbox deliverers that tell the core (each report is idempotent there by transaction id).
 */
export function createPaymentsFeature(d: {
  config: Config;
  db: Connection;
  core: CoreClient;
  citizens: CitizenModel;
  claims: Claims;
  lists: Lists;
  outbox: Outbox;
  idempotency: IdempotencyStore;
  clock: () => Date;
  log: Logger;
  owner: string;
  /** real time for signature windows (tests never need to move it) */
  wireNow?: () => number;
  fetch?: typeof fetch;
}) {
  const models = { payments: paymentModel(d.db), paymentNotifications: notificationModel(d.db) };
  const settings = wxpaySettings(d.config);
  const coreBills = createCoreBillsClient(d.core, billRefusal);
  const client = settings ? createWxpayClient(settings, { timeoutMs: d.config.UPSTREAM_TIMEOUT_MS, fetch: d.fetch, log: d.log }) : null;
  const settlement = settings
    ? createSettlement({
        payments: models.payments,
        claims: d.claims,
        outbox: d.outbox,
        owner: d.owner,
        clock: d.clock,
        log: d.log,
        appid: settings.appid,
        mchid: settings.mchid,
      })
    : null;
  const service = createPaymentsService({
    payments: models.payments,
    lists: d.lists,
    citizens: d.citizens,
    core: coreBills,
    idempotency: d.idempotency,
    wx: settings && client && settlement ? { settings, client, settlement } : null,
    clock: d.clock,
    log: d.log,
  });
  const notify =
    settings && settlement
      ? createNotifyHandler({
          payments: models.payments,
          notifications: models.paymentNotifications,
          settlement,
          platformKeys: settings.platformKeys,
          apiV3Key: settings.apiV3Key,
          mchid: settings.mchid,
          clock: d.clock,
          wireNow: d.wireNow ?? Date.now,
        })
      : () => Promise.reject(new NotifyFailure(503, '商户未配置微信支付', 'not configured'));
  const reconcile = client && settlement ? createReconciler({ payments: models.payments, client, settlement, clock: d.clock, log: d.log }) : null;
  const jobs: PeriodicJob[] = reconcile ? [{ name: 'payment-reconcile', everyMs: 60_000, run: () => reconcile() }] : [];

  // A refusal by the core will not change on retry: the entry is rejected and the order flagged (settlement.ts).
  const deliverers: Record<string, Deliver> = {
    [OUTBOX_PAID]: (payload) => {
      const p = payload as { payableId: string; transactionId: string; outTradeNo: string; amountFen: number; paidAt: string };
      return coreBills.reportPayment(p.payableId, { transactionId: p.transactionId, outTradeNo: p.outTradeNo, amountFen: p.amountFen, paidAt: p.paidAt });
    },
    [OUTBOX_REFUNDED]: (payload) => {
      const p = payload as { payableId: string; refundId: string; transactionId: string; refundedAt: string };
      return coreBills.reportRefund(p.payableId, { refundId: p.refundId, transactionId: p.transactionId, refundedAt: p.refundedAt });
    },
  };
  return { models, service, notify, reconcile, jobs, deliverers, configured: settings !== null };
}
