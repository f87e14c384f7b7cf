import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { startStack, type Stack } from '../support/stack';
import { H5_DIST, openPhone, signInAndVerify, type Phone } from '../support/browser';
import { newPerson } from '../support/citizens';
import { openCase, staff } from '../support/cases';
import { MATERIALS, minimalPdf } from '../support/corrections';
import { syncEvents } from '../support/events';

jest.setTimeout(150_000);

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_needs_you', h5Dist: H5_DIST });
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe('H5 build: the "needs you" loop', () => {
  it('shows a 补正 on 首页 and in 消息, takes a photo and a PDF, and the countdown runs again once the window accepts them', async () => {
    const { page } = phone;
    const person = await newPerson(s);
    await signInAndVerify(page, s.bffUrl, 'browser_needs_you_1', person);
    const personId = s.core.state.persons.get(person.idNumber)!.personId;
    const { caseNo } = await openCase(s, personId, 'SS05');
    await staff(s, `/cases/${caseNo}/review`, { department: '市市场监督管理局食品经营科', name: '材料审查' });
    await staff(s, `/cases/${caseNo}/pause`, { kind: '补正', reason: '材料不全', materials: MATERIALS });
    await syncEvents(s.bff);

    // 首页's 待办 and 消息 say it first
    await page.goto(`${s.bffUrl}/#/pages/index/index`);
    await page.getByText(/补正/).first().waitFor();
    await phone.screenshot('needs-you-home');
    await page.goto(`${s.bffUrl}/#/pages/messages/index`);
    await page.getByText('需要补正材料').first().waitFor();
    await page.getByText(/\d+条未读/).waitFor();
    await page.getByText('需要补正材料').first().click();

    // the 补正 page; a photo for the first material, a PDF for the second
    await page.getByText('待补正', { exact: true }).waitFor();
    await page
      .getByText(/还剩10个工作日/)
      .first()
      .waitFor();
    await phone.screenshot('needs-you-correction');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jsb-bz-'));
    const jpg = path.join(dir, 'IMG_0001.jpg');
    writeFileSync(
      jpg,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f5f5f0' } })
        .jpeg()
        .toBuffer(),
    );
    const pdf = path.join(dir, 'health.pdf');
    writeFileSync(pdf, minimalPdf('Zhao Liu'));

    const photoChooser = page.waitForEvent('filechooser');
    await page.getByText('拍照或选照片').first().click();
    // on a phone Taro first asks 拍摄 or 从相册选择
    const sheet = page.getByText('从相册选择');
    if ((await Promise.race([photoChooser.then(() => 'chooser'), sheet.waitFor().then(() => 'sheet')])) === 'sheet') await sheet.click();
    await (await photoChooser).setFiles(jpg);
    await page.getByText(/第1个 · 照片/).waitFor();
    const pdfChooser = page.waitForEvent('filechooser');
    await page.getByText('选PDF文件').nth(1).click();
    await (await pdfChooser).setFiles(pdf);
    await page.getByText(/PDF 2页/).waitFor();
    await page.getByText('提交补正材料').click();
    await page.getByText('已补交，等待审核').first().waitFor();

    // the window accepts; the case says the clock runs again
    await staff(s, `/cases/${caseNo}/correction/accept`);
    await syncEvents(s.bff);
    await page.goto(`${s.bffUrl}/#/pages/cases/detail/index?caseNo=${caseNo}`);
    await page.getByText('补正已通过，恢复计时').first().waitFor();
    await page
      .getByText(/承诺时限还剩\d+个工作日/)
      .first()
      .waitFor();
    await phone.screenshot('needs-you-accepted');
    expect(phone.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });

  it('shows a refused case as 不予许可 with the reason and the appeal bodies', async () => {
    // another citizen's phone
    await phone.close();
    phone = await openPhone();
    const { page } = phone;
    const person = await newPerson(s);
    await signInAndVerify(page, s.bffUrl, 'browser_refused_1', person);
    const { caseNo } = await openCase(s, s.core.state.persons.get(person.idNumber)!.personId, 'SS05');
    await staff(s, `/cases/${caseNo}/decide`, { decision: '不予', note: '经营场所与居民楼共用通道，不符合食品经营场所设置要求' });
    await staff(s, `/cases/${caseNo}/issue`);
    await page.goto(`${s.bffUrl}/#/pages/cases/detail/index?caseNo=${caseNo}`);
    await page.getByText('原因：经营场所与居民楼共用通道，不符合食品经营场所设置要求').waitFor();
    await page.getByText('· 申请行政复议：自收到决定书之日起60日内，向济宁市人民政府申请。').waitFor();
    await page.getByText(/提起行政诉讼：自收到决定书之日起6个月内/).waitFor();
    await phone.screenshot('case-refused');
  });
});
