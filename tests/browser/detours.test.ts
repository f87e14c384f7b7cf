import { startStack, type Stack } from '../support/stack';
import { H5_DIST, openPhone, type Phone } from '../support/browser';
import { newPerson } from '../support/citizens';

jest.setTimeout(120_000);

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_detours', h5Dist: H5_DIST });
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

const DESCRIPTION = '3号窗口让我回去复印户口本，但清单上没写要复印件';

describe('H5 build: sign-in and 实名 without losing the way', () => {
  it('signs in and verifies from the complaint form, and the draft survives 实名 and a reload', async () => {
    const { page } = phone;
    let taps = 0;
    const tap = async (locator: ReturnType<typeof page.getByText>) => {
      taps += 1;
      await locator.click();
    };
    await page.goto(`${s.bffUrl}/#/pages/complaints/new/index?openid=browser_detour_1`);
    await page.getByText('请先登录').waitFor();
    await tap(page.getByRole('radio', { name: '服务态度' }));
    await tap(page.getByRole('radio', { name: '市为民服务中心', exact: true }));
    await page.getByRole('textbox', { name: '请写清时间、经过和您希望怎样解决（至少5个字）' }).fill(DESCRIPTION);
    await page.getByText('先登录，再提交找茬').waitFor();
    await phone.screenshot('detour-complaint-signed-out');

    const before = taps;
    await tap(page.getByText('微信一键登录'));
    await page.getByText('需要先完成实名认证').waitFor();
    await page.getByText('先完成实名认证，再提交找茬').waitFor();
    await tap(page.getByText('去实名认证'));
    const person = await newPerson(s);
    await page.getByRole('textbox', { name: '请填写身份证上的姓名' }).fill(person.name);
    await page.getByRole('textbox', { name: '请填写18位身份证号码' }).fill(` ${person.idNumber}`);
    await page.getByText(`核对：${person.idNumber.slice(0, 6)} ${person.idNumber.slice(6, 14)} ${person.idNumber.slice(14)}`).waitFor();
    await tap(page.getByText('提交认证'));

    // back on the form with everything kept; the step is gone
    await page.getByText('需要先完成实名认证').waitFor({ state: 'hidden' });
    await page.getByText('提交找茬', { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: '请写清时间、经过和您希望怎样解决（至少5个字）' }).inputValue()).toBe(DESCRIPTION);
    expect(taps - before).toBe(3);
    await phone.screenshot('detour-complaint-back');

    // a reload keeps the draft too
    await page.reload();
    await page.getByText('已恢复您上次没有提交的内容').waitFor();
    expect(await page.getByRole('textbox', { name: '请写清时间、经过和您希望怎样解决（至少5个字）' }).inputValue()).toBe(DESCRIPTION);
    expect(await page.getByRole('radio', { name: '服务态度' }).getAttribute('aria-checked')).toBe('true');
    await tap(page.getByText('提交找茬', { exact: true }));
    await page.getByText(/已提交，找茬编号 ZC\d{12}/).waitFor();
    expect([...s.core.state.complaints.byId.values()].filter((c) => c.description === DESCRIPTION)).toHaveLength(1);
    expect(phone.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
