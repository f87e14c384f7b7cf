import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { launchWeapp, signInOnWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_payments' });
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

describe('weapp build: 缴费', () => {
  it('finds a water bill by account, cancels WeChat Pay once, pays it and gets the receipt the server confirmed', async () => {
    const zhang = SEED_PERSONS.find((p) => p.name === '张伟')!;
    mp = await launchWeapp(s);
    const { screen } = mp;
    await signInOnWeapp(mp, zhang);

    await screen.tap('去缴费');
    await screen.waitForPage('pages/payments/index');
    await screen.fill('请输入户号（数字）', '0101203456');
    await screen.tap('查询账单');
    await screen.waitFor('户名：张*');
    await screen.waitFor('缴费 ￥42.00');

    // the citizen closes WeChat Pay's sheet: nothing is paid, the app says so and the bill stays
    mp.device.payAnswer = 'cancel';
    await screen.tap('缴费 ￥42.00');
    await screen.waitFor('已取消支付，可稍后再缴');
    expect([...s.wxpay.state.orders.values()].filter((o) => o.trade_state === 'SUCCESS')).toHaveLength(0);

    // then pays: the sheet checks the order's paySign with the merchant's key, WeChat Pay notifies the bff
    mp.device.payAnswer = 'pay';
    await screen.waitUntilEnabled('缴费 ￥42.00');
    await screen.tap('缴费 ￥42.00');
    await screen.waitForPage('pages/payments/result/index');
    await screen.waitFor('缴费成功');
    await screen.waitFor('电子缴费凭证');
    await screen.waitFor(/JNPJ/);
    expect(screen.text()).toContain('42.00');
    const paid = [...s.wxpay.state.orders.values()].filter((o) => o.trade_state === 'SUCCESS');
    expect(paid).toHaveLength(1);
    expect(paid[0]!.amount.total).toBe(4200);

    // 缴费记录 lists it
    await screen.back();
    await screen.tap('缴费记录与电子凭证');
    await screen.waitForPage('pages/payments/history/index');
    await screen.waitFor('已缴费');
    expect(mp.problems).toEqual([]);
  });
});
