import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { H5_DIST, openPhone, type Phone, signInAndVerify } from '../support/browser';
import { call } from '../support/http';

jest.setTimeout(120_000);

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_complaints', h5Dist: H5_DIST, start: new Date('2026-03-05T02:00:00.000Z') });
  s.clock.freeze();
  phone = await openPhone();
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe('H5 build: 找茬 submit → staff reply → rate → reopen', () => {
  it('files an anonymous complaint with a photo, sees the reply, rates it and reopens it once', async () => {
    const { page } = phone;
    const person = SEED_PERSONS.find((p) => p.name === '林文静')!;
    // a photo carrying a GPS position, named like a camera file
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jsb-zc-'));
    const file = path.join(dir, 'IMG_2026.jpg');
    writeFileSync(
      file,
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d35400' } })
        .jpeg()
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 24/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 35/1 0/1' } })
        .toBuffer(),
    );

    await signInAndVerify(page, s.bffUrl, 'browser_zc_1', person);

    // 我的 › 我要找茬
    await page.getByText('我要找茬').click();
    await page.getByRole('radio', { name: '推诿/说"No"' }).click();
    await page.getByRole('radio', { name: '市为民服务中心', exact: true }).click();
    await page.getByText('商事登记').click();
    await page.getByRole('textbox', { name: '窗口号（可不填），如 12' }).fill('12');
    await page.getByRole('textbox', { name: '请写清时间、经过和您希望怎样解决（至少5个字）' }).fill('12号窗口说营业执照材料不全，但不告诉我缺什么');

    const chooser = page.waitForEvent('filechooser');
    await page.getByText('添加照片（还可以加4张）').click();
    // on a phone Taro first asks 拍摄 or 从相册选择; elsewhere it opens the file picker at once
    const sheet = page.getByText('从相册选择');
    const first = await Promise.race([chooser.then(() => 'chooser'), sheet.waitFor().then(() => 'sheet')]);
    if (first === 'sheet') await sheet.click();
    await (await chooser).setFiles(file);
    await page.getByText('已上传').waitFor();

    await page.getByText('对工作人员匿名').click();
    await page.getByText('工作人员看不到：您的姓名、电话和身份证号。').waitFor();
    await phone.screenshot('complaints-form');
    await page.getByText('提交找茬').click();

    await page.getByText(/已提交，找茬编号 ZC20260305\d{4}/).waitFor();
    await page.getByText(/3月12日前答复，还剩5个工作日/).waitFor();
    const [rec] = [...s.core.state.complaints.byId.values()];
    expect(rec).toMatchObject({ anonymous: true, category: '推诿/说"No"', target: { hallId: 'city', zoneId: 'shangshi', windowNo: '12' } });
    expect(rec!.photoIds).toHaveLength(1);
    expect((await sharp(s.core.state.complaints.photos.get(rec!.photoIds[0]!)!.data).metadata()).exif).toBeUndefined();
    // the detail shows the photo again: a thumbnail that really loaded (the stored photo, fetched with the sign-in)
    const thumb = page.getByRole('button', { name: '第1张照片，点击查看大图' });
    await thumb.waitFor();
    const { width } = await sharp(s.core.state.complaints.photos.get(rec!.photoIds[0]!)!.data).metadata();
    await page.waitForFunction(
      (w) =>
        Array.from(document.querySelectorAll('img')).some(
          (i) => i.alt === '第1张照片，点击查看大图' && i.src.startsWith('blob:') && i.complete && i.naturalWidth === w,
        ),
      width,
    );
    const staffView = await call(s.coreUrl, 'GET', `/__mock/staff/complaints/${rec!.id}`);
    expect(staffView.text).not.toContain(person.name);
    expect(staffView.text).not.toContain(person.phone!);

    // the hall answers (a staff operation at the core)
    expect(
      (
        await call(s.coreUrl, 'POST', `/__mock/staff/complaints/${rec!.id}/reply`, {
          body: { by: '市为民服务中心找茬窗口', text: '已核实，窗口已一次性告知所缺材料并致歉' },
        })
      ).status,
    ).toBe(200);
    await page.reload();
    await page.getByText('已核实，窗口已一次性告知所缺材料并致歉').waitFor();

    await page.getByRole('radio', { name: '不满意', exact: true }).click();
    await page.getByText('提交评价').click();
    await page.getByText(/您的评价：不满意/).waitFor();

    await page.getByRole('textbox', { name: '请说明哪里还没有解决（至少5个字）' }).fill('清单里还是少了消防验收材料');
    await page.getByText('申请重新办理', { exact: true }).click();
    await page.getByText('重新办理中').first().waitFor();
    await page.getByText(/已于.*重新办理过一次/).waitFor();
    await phone.screenshot('complaints-reopened');
    expect(rec!.status).toBe('reopened');
    expect(rec!.replies[0]!.rating).toBe('不满意');

    // 我的找茬 lists it with its new deadline
    await page.goto(`${s.bffUrl}/#/pages/complaints/index`);
    await page.getByText(rec!.trackingNo).first().waitFor();
    await page.getByText('3月12日前答复，还剩5个工作日').waitFor();
    expect(phone.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
