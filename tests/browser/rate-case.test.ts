import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { H5_DIST, openPhone, type Phone, signInAndVerify } from '../support/browser';

jest.setTimeout(90_000);

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_rate', h5Dist: H5_DIST });
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe('H5 build: 进度 › a closed case › 评价 › the provincial receipt', () => {
  it('rates a closed case with a tag of the chosen level and shows the 好差评 receipt', async () => {
    const { page } = phone;
    const zhang = SEED_PERSONS.find((p) => p.name === '张伟')!;
    // sign in and verify the real name of a seeded citizen who has cases at the core
    await signInAndVerify(page, s.bffUrl, 'browser_rater_1', zhang);

    // 进度: my cases with status and countdown; the closed one invites a rating
    await page.goto(`${s.bffUrl}/#/pages/progress/index`);
    await page.getByText('公司设立登记').waitFor();
    // the case waiting for 补正 comes first, with what to do and by when
    await page
      .getByText(/^需要您补交材料：\d+月\d+日前（还剩\d+个工作日）$/)
      .first()
      .waitFor();
    expect((await page.locator('.cs-row__name').allInnerTexts())[0]).toBe('药品零售企业经营许可');
    await phone.screenshot('progress-my-cases');
    await page.getByText('公司设立登记').click();
    await page.getByText('办理进度').waitFor();
    await page.getByText('办结，结果已出具').waitFor();
    await page.getByText('去评价').click();

    // five levels; tags follow the level; the honest note about who sees what
    await page.getByText('办理这件事的窗口和工作人员看不到是谁评价的', { exact: false }).waitFor();
    await page.getByText('非常不满意', { exact: true }).click();
    await page.getByText('服务态度差').waitFor();
    await page.getByText('满意', { exact: true }).click();
    await page.getByText('服务态度差').waitFor({ state: 'hidden' });
    await page.getByText('服务态度好').click();
    await page.getByRole('textbox', { name: '其他意见或建议（选填，300字以内）' }).fill('窗口一次告知，很快办好');
    await phone.screenshot('rate-form');
    await page.getByText('提交评价').click();

    await page.getByText('已报送省好差评系统').waitFor();
    const receipt = (await page.locator('.cs-receipt').innerText()).trim();
    expect(receipt).toMatch(/^SDHCP\d{14}[0-9A-F]{6}$/);
    await page.waitForTimeout(500); // let the page's slide-in finish before the picture
    await phone.screenshot('rating-receipt');

    // the province holds exactly this rating, with no name or ID of the rater
    const held = [...s.province.state.byRequest.values()];
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ receiptId: receipt, level: '满意', tags: ['服务态度好'], deliveries: 1 });
    expect(JSON.stringify(held)).not.toContain(zhang.idNumber);
    expect(phone.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
