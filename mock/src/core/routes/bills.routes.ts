import { z } from 'zod';
import type { CoreFeesResponse, CorePayable, CorePaymentRecord, CoreUtilityResponse } from '@jsb/shared';
import { addFee, closeFee, feesOf, getPayable, lookupAccount, markRefundable, recordPayment, recordRefund } from '../bills/bills.domain';
import { emit } from '../events/events.domain';
import { readCoreJson } from '../errors';
import { parseInput } from '../input';
import { personIdFor } from '../seed/persons';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import type { CoreFeature } from './feature';

const personId = z.string().regex(/^P[0-9A-F]{12}$/, '缺少或无效的 personId');
const personQuery = z.object({ personId });
const accountQuery = z.object({ accountNumber: z.string().regex(/^\d{6,20}$/, '户号应为6到20位数字') });
const paymentBody = z.object({
  transactionId: z.string().min(1).max(32),
  outTradeNo: z.string().min(6).max(32),
  amountFen: z.number().int().positive(),
  paidAt: z.iso.datetime({ offset: true }),
});
const refundBody = z.object({ refundId: z.string().min(1).max(64), transactionId: z.string().min(1).max(32), refundedAt: z.iso.datetime({ offset: true }) });

/**
 * 缴费 (fees on cases and utility bills). The bff reads amounts here and reports verified WeChat transactions;
 * the staff operation that makes a fee refundable (申请已撤回) lives under `/__mock/staff/fees/:id/refundable`.
 */
export const billsFeature: CoreFeature = {
  name: 'bills',

  routes(router, { state, clock }) {
    router.get('/fees', (ctx) => {
      const q = parseInput(personQuery, ctx.query);
      const body: CoreFeesResponse = { fees: feesOf(state.bills, q.personId) };
      ctx.body = body;
    });

    router.get('/utility-bills', (ctx) => {
      const q = parseInput(accountQuery, ctx.query);
      const body: CoreUtilityResponse = lookupAccount(state.bills, q.accountNumber);
      ctx.body = body;
    });

    router.get('/payables/:id', (ctx) => {
      const body: CorePayable = getPayable(state.bills, ctx.params.id ?? '');
      ctx.body = body;
    });

    router.post('/payables/:id/payments', async (ctx) => {
      const body = parseInput(paymentBody, await readCoreJson(ctx));
      const { payable, recorded } = recordPayment(state.bills, ctx.params.id ?? '', body);
      state.bills.reports.push({ payableId: payable.id, kind: 'payment', id: body.transactionId, recorded });
      const answer: CorePaymentRecord = { payable, recorded, ...(recorded ? {} : { note: '该交易已记录，未做任何更改' }) };
      ctx.body = answer;
    });

    router.post('/payables/:id/refunds', async (ctx) => {
      const body = parseInput(refundBody, await readCoreJson(ctx));
      const { payable, recorded } = recordRefund(state.bills, ctx.params.id ?? '', body);
      state.bills.reports.push({ payableId: payable.id, kind: 'refund', id: body.refundId, recorded });
      // the refund is final at the fee office: the payer hears it from there (a utility bill has no person to tell)
      if (recorded && payable.kind === 'fee') {
        emit(state.events, clock.now(), {
          type: 'payment.refunded',
          stream: `payable:${payable.id}`,
          personId: payable.personId,
          data: {
            payableId: payable.id,
            title: payable.title,
            amountFen: payable.amountFen,
            ...(payable.outTradeNo ? { outTradeNo: payable.outTradeNo } : {}),
            refundedAt: body.refundedAt,
          },
        });
      }
      const answer: CorePaymentRecord = { payable, recorded, ...(recorded ? {} : { note: '该退款已记录，未做任何更改' }) };
      ctx.body = answer;
    });
  },

  admin(router, { state, clock }) {
    router.get('/payables/:id', (ctx) => {
      const p = state.bills.payables.get(ctx.params.id ?? '');
      if (!p) throw new AdminInputError('no such payable', 404, 'NOT_FOUND');
      ctx.body = { ...p, reports: state.bills.reports.filter((r) => r.payableId === p.id) };
    });

    // a fee on a test citizen's case: { idNumber | personId, caseNumber, title, amountFen, itemName? }
    router.post('/fees', async (ctx) => {
      const b = await readAdminBody(ctx);
      const pid = typeof b.personId === 'string' ? b.personId : typeof b.idNumber === 'string' ? personIdFor(b.idNumber) : undefined;
      if (!pid) throw new AdminInputError('personId or idNumber is required');
      if (typeof b.caseNumber !== 'string' || typeof b.title !== 'string') throw new AdminInputError('caseNumber and title are required');
      if (typeof b.amountFen !== 'number' || !Number.isInteger(b.amountFen) || b.amountFen <= 0)
        throw new AdminInputError('amountFen must be a positive integer');
      try {
        ctx.status = 201;
        ctx.body = addFee(state.bills, {
          ...(typeof b.id === 'string' ? { id: b.id } : {}),
          personId: pid,
          caseNumber: b.caseNumber,
          title: b.title,
          amountFen: b.amountFen,
          itemName: typeof b.itemName === 'string' ? b.itemName : '不动产转移登记',
          basis: '测试收费依据',
          payee: '济宁市自然资源和规划局（不动产登记中心）',
          createdAt: clock.now().toISOString(),
        });
      } catch (err) {
        throw new AdminInputError((err as Error).message, 409, 'DUPLICATE');
      }
    });

    // staff: a fee not yet paid is withdrawn (减免 or charged by mistake)
    router.post('/staff/fees/:id/close', async (ctx) => {
      const b = await readAdminBody(ctx);
      const reason = typeof b.reason === 'string' && b.reason.trim() ? b.reason.trim() : '收费已撤销';
      try {
        const fee = closeFee(state.bills, ctx.params.id ?? '');
        emit(state.events, clock.now(), {
          type: 'payment.closed',
          stream: `payable:${fee.id}`,
          personId: fee.personId,
          data: { payableId: fee.id, title: fee.title, amountFen: fee.amountFen, reason },
        });
        ctx.body = { ...fee, closed: true, reason };
      } catch (err) {
        const e = err as { status?: number; code?: string; message: string };
        throw new AdminInputError(e.message, e.status ?? 400, e.code ?? 'BAD_REQUEST');
      }
    });

    // staff: the application was withdrawn, the paid fee may be refunded
    router.post('/staff/fees/:id/refundable', async (ctx) => {
      const b = await readAdminBody(ctx);
      try {
        ctx.body = markRefundable(state.bills, ctx.params.id ?? '', typeof b.reason === 'string' ? b.reason : '申请人撤回申请');
      } catch (err) {
        const e = err as { status?: number; code?: string; message: string };
        throw new AdminInputError(e.message, e.status ?? 400, e.code ?? 'BAD_REQUEST');
      }
    });
  },
};
