import { CoreRefusal } from '@jsb/shared';
import { personIdFor } from '../seed/persons';
import { feesOf, lookupAccount, markRefundable, recordPayment, recordRefund } from './bills.domain';
import { createBillsState } from './bills.state';

const report = { transactionId: '4200000001', outTradeNo: 'JSB260302100000AAAA', amountFen: 8000, paidAt: '2026-03-02T02:00:00.000Z' };

describe('core 缴费: fees and utility bills', () => {
  it('seeds 张伟 with the 80 元 不动产登记费 and the 10 元 工本费 on case JN2026BDC000123', () => {
    const fees = feesOf(createBillsState(), personIdFor('370811198503152317'));
    expect(fees.map((f) => [f.title, f.amountFen, f.caseNumber])).toEqual([
      ['不动产登记费（住宅）', 8000, 'JN2026BDC000123'],
      ['不动产权证书工本费（第二本起）', 1000, 'JN2026BDC000123'],
    ]);
  });

  it('marks a fee paid once per transaction: the same report again changes nothing and says so', () => {
    const state = createBillsState();
    expect(recordPayment(state, 'FEE-202602-0001', report).recorded).toBe(true);
    const again = recordPayment(state, 'FEE-202602-0001', report);
    expect(again.recorded).toBe(false);
    expect(again.payable.status).toBe('paid');
    expect(() => recordPayment(state, 'FEE-202602-0001', { ...report, transactionId: '4200000002' })).toThrow(CoreRefusal);
  });

  it('refuses a payment whose amount is not the core’s', () => {
    expect(() => recordPayment(createBillsState(), 'FEE-202602-0001', { ...report, amountFen: 1 })).toThrow(/金额/);
  });

  it('refunds only a paid fee that staff made refundable, once per refund id', () => {
    const state = createBillsState();
    expect(() => markRefundable(state, 'FEE-202602-0001', '撤回')).toThrow(/尚未缴纳/);
    recordPayment(state, 'FEE-202602-0001', report);
    markRefundable(state, 'FEE-202602-0001', '申请人撤回申请');
    const r = { refundId: '503001', transactionId: report.transactionId, refundedAt: '2026-03-03T02:00:00.000Z' };
    expect(recordRefund(state, 'FEE-202602-0001', r).payable.status).toBe('refunded');
    expect(recordRefund(state, 'FEE-202602-0001', r).recorded).toBe(false);
  });

  it('looks up utility bills by account number, newest month first', () => {
    const { account, bills } = lookupAccount(createBillsState(), '3708123456');
    expect(account.utility).toBe('electricity');
    expect(bills.map((b) => b.period)).toEqual(['2026-02', '2026-01']);
    expect(() => lookupAccount(createBillsState(), '000000')).toThrow(/户号/);
  });
});
