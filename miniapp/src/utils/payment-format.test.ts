import { h5ReturnUrl, money, payableLine } from './payment-format';

describe('payment formatting', () => {
  it('shows fen as yuan without float arithmetic', () => {
    expect(money(8000)).toBe('￥80.00');
    expect(money(15237)).toBe('￥152.37');
    expect(money(5)).toBe('￥0.05');
  });
  it('describes a fee by its case and a bill by its month', () => {
    expect(payableLine({ id: 'F', kind: 'fee', title: 't', amountFen: 1, status: 'due', caseNumber: 'JN1', itemName: '不动产转移登记' })).toBe(
      '办件 JN1 · 不动产转移登记',
    );
    expect(payableLine({ id: 'U', kind: 'utility', title: '水费', amountFen: 1, status: 'due', utility: 'water', period: '2026-02', usage: '15 吨' })).toBe(
      '水费 2026-02 · 15 吨',
    );
  });
  it('comes back to the result page of the H5 build', () => {
    expect(h5ReturnUrl('http://127.0.0.1:3000', '/', 'JSB1')).toBe('http://127.0.0.1:3000/#/pages/payments/result/index?id=JSB1');
  });
});
