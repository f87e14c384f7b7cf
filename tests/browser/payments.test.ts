import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { H5_DIST, openPhone, type Phone, signInAndVerify } from '../support/browser';

jest.setTimeout(90_000);

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_payments', h5Dist: H5_DIST });
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe('H5 build: 缴费', () => {
  it('pays the 80 元 不动产登记费 on my case through the development pay page and shows the receipt once the server confirms', async () => {
    const { page } = phone;
    const person = SEED_PERSONS.find((p) => p.name === '张伟')!;
    await signInAndVerify(page, s.bffUrl, 'browser_payer_1', person);

    // 我的 › 缴费
    await page.getByText('去缴费').click();
    await page.getByText('不动产登记费（住宅）').waitFor();
    await page.getByText('JN2026BDC000123', { exact: false }).first().waitFor();
    await phone.screenshot('payments-fees');
    await page.getByText('缴费 ￥80.00').click();

    // the WeChat Pay mock's pay page (stands in for the pay sheet in a browser)
    await page.waitForURL(new RegExp(`^${s.wxpayUrl}/__mock/pay`));
    await page.getByText('￥80.00').waitFor();
    await phone.screenshot('payments-dev-pay-page');
    await page.getByText('确认支付').click();

    // back in the H5 build: the result page asks the server, which verified WeChat's signed notification
    await page.waitForURL(new RegExp(`^${s.bffUrl}/`));
    await page.getByText('缴费成功').waitFor();
    await page.getByText('电子缴费凭证').waitFor();
    await page.getByText(/^JNPJ/).waitFor();
    await phone.screenshot('payments-receipt');

    const fee = (await (await fetch(`${s.coreUrl}/__mock/payables/FEE-202602-0001`)).json()) as { status: string; reports: unknown[] };
    expect(fee.status).toBe('paid');
    expect(fee.reports).toHaveLength(1);
    expect(phone.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });

  it('finds a water bill by account number and lists the payment in 缴费记录', async () => {
    const { page } = phone;
    await page.goto(`${s.bffUrl}/#/pages/payments/index`);
    await page.getByRole('textbox', { name: '请输入户号（数字）' }).fill('0101203456');
    await page.getByText('查询账单').click();
    await page.getByText('户名：张*', { exact: false }).waitFor();
    await page.getByText('缴费 ￥42.00').waitFor();
    await page.getByText('缴费记录与电子凭证').click();
    await page.getByText('已缴费').waitFor();
    await phone.screenshot('payments-history');
  });

  it('asks for the fee back once the hall has confirmed the application withdrawn: 申请退费, confirm, 退款中', async () => {
    const { page } = phone;
    await fetch(`${s.coreUrl}/__mock/staff/fees/FEE-202602-0001/refundable`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '申请人撤回申请' }),
    });
    await page.goto(`${s.bffUrl}/#/pages/payments/history/index`);
    await page.getByRole('button', { name: '申请退费' }).click();
    // WeChat's confirm sheet, as Taro draws it on H5: where the money goes and how long it takes
    await page.getByText('将原路退回您的微信零钱或银行卡').waitFor();
    await page.locator('.taro-modal__foot').getByText('申请退费').click();
    await page.getByText('退款中').first().waitFor();
    const fee = (await (await fetch(`${s.coreUrl}/__mock/payables/FEE-202602-0001`)).json()) as { status: string };
    // the core hears of the refund only when WeChat confirms it
    expect(fee.status).toBe('refundable');
  });
});
