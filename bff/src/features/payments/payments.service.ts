import { randomBytes } from 'node:crypto';
import type { CreatePaymentResponse, MyBills, Payment, PaymentList, UtilityLookup } from '@jsb/shared';
import { AppError } from '../../http/errors';
import type { AuthContext } from '../../http/auth';
import type { IdempotencyStore } from '../../db/idempotency';
import type { Lists } from '../../db/lists';
import { findByIds } from '../../db/by-id';
import type { CorePayable } from '@jsb/shared';
import type { CoreBillsClient } from '../../clients/core-bills.client';
import type { Logger } from '../../log';
import type { CitizenModel } from '../auth/citizen.model';
import type { PaymentModel, PaymentDoc } from './payment.model';
import { maskHolder, toPayable, toPayment } from './payment.view';
import type { Settlement } from './settlement';
import { WxpayRefusal, type WxpayClient } from './wxpay.client';
import type { WxpaySettings } from './wxpay.keys';
import { signRequestPayment } from './wxpay.signature';
import { ensurePerson } from '../auth/person';

export interface PaymentsDeps {
  payments: PaymentModel;
  /** each citizen's orders and each payable's orders, newest first, found by _id (db/lists.ts, issue 14) */
  lists: Lists;
  citizens: CitizenModel;
  core: CoreBillsClient;
  idempotency: IdempotencyStore;
  /** null when WeChat Pay is not configured */
  wx: { client: WxpayClient; settings: WxpaySettings; settlement: Settlement } | null;
  clock: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** re-sign a pending order rather than re-create it while at least this much of its life is left */
const RESIGN_MIN_LEFT_MS = 5 * 60_000;
/** the result page polls; ask WeChat about a pending order at most this often */
const POLL_QUERY_EVERY_MS = 5_000;

/** JSB + yyMMddHHmmss (Beijing) + 10 random: 25 characters, within WeChat's 6–32 [A-Za-z0-9_-|*]. */
export function newOutTradeNo(now: Date): string {
  const stamp = new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(2, 14);
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const tail = Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
  return `JSB${stamp}${tail}`;
}

export function beijingRfc3339(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** a citizen's orders (缴费记录) and a payable's orders (settled already? an order to sign again?) */
export const paymentsListOf = (userId: string) => `payments|${userId}`;
export const payableListOf = (payableId: string) => `payable|${payableId}`;
/** how many of a payable's newest orders are looked at: a bill is paid after a few tries at most */
const PAYABLE_ORDERS = 50;

export function createPaymentsService(d: PaymentsDeps) {
  const lastQueried = new Map<string, number>();

  function configured() {
    if (!d.wx || !d.wx.settings.notifyUrl()) throw new AppError('PAYMENTS_UNAVAILABLE');
    return d.wx;
  }

  async function citizenOf(auth: AuthContext) {
    const c = await d.citizens.findById(auth.userId).lean();
    if (!c) throw new AppError('UNAUTHENTICATED');
    return c;
  }

  const personOf = (auth: AuthContext) => ensurePerson(d.citizens, auth, '查看和缴纳办件费用需要实名：请到“我的 › 实名认证”填写姓名和身份证号码。');

  async function wx<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (err) {
      if (err instanceof WxpayRefusal) {
        d.log.error({ code: err.code, status: err.status }, 'WeChat Pay refused a request');
        throw new AppError('UPSTREAM_UNAVAILABLE', { message: '微信支付暂时无法下单。', hint: '请稍后重试；如多次出现，请拨打12345反映。', cause: err });
      }
      throw err;
    }
  }

  function requestPayment(prepayId: string) {
    const w = configured();
    return signRequestPayment({ appId: w.settings.appid, prepayId, privateKeyPem: w.settings.merchantPrivateKeyPem, nowMs: d.clock().getTime() });
  }

  function devPayUrl(prepayId: string): string | undefined {
    const w = d.wx;
    return w?.settings.devPayPage ? `${w.settings.apiBase}/__mock/pay?prepay_id=${encodeURIComponent(prepayId)}` : undefined;
  }

  /** canRefund needs the core's word: a fee is refundable only after staff confirmed the withdrawal. */
  async function refundableIds(auth: AuthContext, docs: { kind: string; status: string }[]): Promise<Set<string>> {
    if (!docs.some((x) => x.kind === 'fee' && x.status === 'paid')) return new Set();
    const personId = (await citizenOf(auth)).realName?.personId;
    if (!personId) return new Set();
    const { fees } = await d.core.fees(personId);
    return new Set(fees.filter((f) => f.status === 'refundable').map((f) => f.id));
  }

  async function create(auth: AuthContext, payableId: string): Promise<CreatePaymentResponse> {
    const w = configured();
    const citizen = await citizenOf(auth);
    const payable: CorePayable = await d.core.payable(payableId);
    if (payable.kind === 'fee' && payable.personId !== (await personOf(auth))) {
      throw new AppError('NOT_FOUND', { message: '没有找到这笔费用。', hint: '只能缴纳本人办件的费用；请返回缴费页刷新后重试。' });
    }
    const entries = await d.lists.newest(payableListOf(payableId), PAYABLE_ORDERS);
    const orders = (
      await findByIds<PaymentDoc>(
        d.payments,
        entries.map((e) => e.ref),
      )
    ).filter((o) => o.payableId === payableId);
    const settled = orders.some((o) => o.status === 'paid' || o.status === 'refunding' || o.status === 'refunded');
    if (payable.status !== 'due' || settled) throw new AppError('ALREADY_PAID');

    const now = d.clock();
    const pending = orders.filter((o) => o.userId === auth.userId && o.status === 'pending').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const reusable = pending.find((p) => p.prepayId && p.amountFen === payable.amountFen && p.expiresAt.getTime() - now.getTime() > RESIGN_MIN_LEFT_MS);
    if (reusable) {
      // the same order, freshly signed: a second tap or a return to the page never creates a second order
      return { payment: toPayment(reusable), requestPayment: requestPayment(reusable.prepayId!), ...opt(devPayUrl(reusable.prepayId!)) };
    }
    for (const old of pending) {
      await w.client.close(old._id).catch(() => undefined); // best effort; reconciliation settles what is left
    }

    const outTradeNo = newOutTradeNo(now);
    const expiresAt = new Date(now.getTime() + w.settings.orderTtlMs);
    const doc = {
      _id: outTradeNo,
      userId: auth.userId,
      openid: citizen.openid,
      payableId,
      kind: payable.kind,
      title: payable.kind === 'utility' ? `${payable.title}（户号${payable.accountNumber}，${payable.period}）` : payable.title,
      amountFen: payable.amountFen,
      appid: w.settings.appid,
      mchid: w.settings.mchid,
      status: 'pending' as const,
      createdAt: now,
      expiresAt,
      payee: payable.payee ?? (payable.kind === 'utility' ? '济宁市公用事业缴费' : undefined),
      caseNumber: payable.caseNumber,
      accountNumber: payable.accountNumber,
      period: payable.period,
    };
    // both lists name the order before it is written (db/lists.ts): a crash in between leaves entries naming nothing
    const place = await d.lists.add(paymentsListOf(auth.userId), outTradeNo);
    await d.lists.add(payableListOf(payableId), outTradeNo);
    await d.payments.create({ ...doc, place });
    let prepayId: string;
    try {
      prepayId = await wx(
        w.client.prepay({
          description: `济时办-${doc.title}`.slice(0, 127),
          outTradeNo,
          notifyUrl: w.settings.notifyUrl()!,
          totalFen: payable.amountFen,
          openid: citizen.openid,
          timeExpire: beijingRfc3339(expiresAt),
          attach: payableId,
        }),
      );
    } catch (err) {
      await d.payments.updateOne({ _id: outTradeNo }, { $set: { status: 'closed', closedAt: now, closedReason: 'prepay failed' } });
      throw err;
    }
    await d.payments.updateOne({ _id: outTradeNo }, { $set: { prepayId } });
    return { payment: toPayment({ ...doc, prepayId } as unknown as PaymentDoc), requestPayment: requestPayment(prepayId), ...opt(devPayUrl(prepayId)) };
  }

  return {
    async listMyBills(auth: AuthContext): Promise<MyBills> {
      const { fees } = await d.core.fees(await personOf(auth));
      return { fees: fees.map(toPayable) };
    },

    async lookupUtility(accountNumber: string): Promise<UtilityLookup> {
      const r = await d.core.utility(accountNumber);
      return { account: { ...r.account, holderName: maskHolder(r.account.holderName) }, bills: r.bills.map(toPayable) };
    },

    create(auth: AuthContext, input: { payableId: string }, idempotencyKey?: string): Promise<CreatePaymentResponse> {
      configured();
      return d.idempotency.once({
        userId: auth.userId,
        operation: 'createPayment',
        key: idempotencyKey,
        request: input,
        run: () => create(auth, input.payableId),
      });
    },

    /** The result page polls this: a pending order is also asked about at WeChat (never trusting the phone's callback). */
    async get(auth: AuthContext, id: string): Promise<Payment> {
      let doc = await d.payments.findById(id).lean();
      if (!doc || doc.userId !== auth.userId) throw new AppError('NOT_FOUND', { message: '没有找到这笔缴费记录。', hint: '请在“缴费记录”里查看。' });
      const now = d.clock().getTime();
      if (doc.status === 'pending' && d.wx && now - (lastQueried.get(id) ?? 0) >= POLL_QUERY_EVERY_MS) {
        lastQueried.set(id, now);
        const tx = await d.wx.client.query(id).catch(() => null);
        if (tx?.trade_state === 'SUCCESS') {
          await d.wx.settlement.markPaid(doc, tx, 'poll');
          doc = (await d.payments.findById(id).lean()) ?? doc;
        }
      }
      return toPayment(doc, (await refundableIds(auth, [doc])).has(doc.payableId));
    },

    async listMine(auth: AuthContext): Promise<PaymentList> {
      const { docs } = await d.lists.page(paymentsListOf(auth.userId), { limit: 50 }, async (ids) =>
        (await findByIds<PaymentDoc>(d.payments, ids)).filter((x) => x.userId === auth.userId && x.status !== 'closed'),
      );
      const refundable = await refundableIds(auth, docs);
      return { payments: docs.map((x) => toPayment(x, refundable.has(x.payableId))) };
    },

    /** 退费 of a fee whose application was withdrawn (staff made it refundable at the core). WeChat dedupes by out_refund_no. */
    async refund(auth: AuthContext, id: string): Promise<Payment> {
      const w = configured();
      const doc = await d.payments.findById(id).lean();
      if (!doc || doc.userId !== auth.userId) throw new AppError('NOT_FOUND', { message: '没有找到这笔缴费记录。', hint: '请在“缴费记录”里查看。' });
      if (doc.status === 'refunding' || doc.status === 'refunded') return toPayment(doc);
      const payable = await d.core.payable(doc.payableId);
      if (doc.status !== 'paid' || doc.kind !== 'fee' || payable.status !== 'refundable' || payable.transactionId !== doc.transactionId)
        throw new AppError('REFUND_NOT_ALLOWED');
      const outRefundNo = `R${id}`;
      const now = d.clock();
      const r = await wx(
        w.client.refund({
          outTradeNo: id,
          outRefundNo,
          reason: payable.refundableReason ?? '申请人撤回申请',
          notifyUrl: w.settings.notifyUrl()!,
          refundFen: doc.amountFen,
          totalFen: doc.amountFen,
        }),
      );
      await d.payments.updateOne(
        { _id: id, status: 'paid' },
        {
          $set: {
            status: 'refunding',
            refund: { outRefundNo, refundId: r.refund_id, status: 'processing', amountFen: doc.amountFen, requestedAt: now, reason: payable.refundableReason },
          },
        },
      );
      return toPayment((await d.payments.findById(id).lean()) ?? doc);
    },
  };
}

const opt = (devPayUrl: string | undefined) => (devPayUrl ? { devPayUrl } : {});

export type PaymentsService = ReturnType<typeof createPaymentsService>;
