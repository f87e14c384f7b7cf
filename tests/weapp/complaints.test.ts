import sharp from 'sharp';
import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { call } from '../support/http';
import { cameraPhoto, launchWeapp, signInOnWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_complaints' });
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

describe('weapp build: 找茬', () => {
  it('files an anonymous complaint with a photo from the album, sees the photo again and the hall’s reply', async () => {
    const person = SEED_PERSONS.find((p) => p.name === '林文静')!;
    mp = await launchWeapp(s);
    const { screen } = mp;
    await signInOnWeapp(mp, person);

    // 我的 › 我要找茬
    await screen.tap('我要找茬');
    await screen.waitForPage('pages/complaints/new/index');
    await screen.tap('推诿/说"No"', { exact: true });
    await screen.tap('市为民服务中心', { exact: true });
    await screen.tap('商事登记', { exact: true });
    await screen.fill('窗口号（可不填），如 12', '12');
    await screen.fill('请写清时间、经过和您希望怎样解决（至少5个字）', '12号窗口说营业执照材料不全，但不告诉我缺什么');

    // the album hands over a phone photo that carries where it was taken (EXIF GPS)
    const photo = await cameraPhoto('#d35400');
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    mp.device.album.push(photo);
    await screen.tap('添加照片（还可以加4张）');
    await screen.waitFor('已上传');
    expect(screen.text()).toContain('添加照片（还可以加3张）');

    await screen.tap('对工作人员匿名');
    await screen.waitFor('工作人员看不到：您的姓名、电话和身份证号。');
    await screen.tap('提交找茬');

    await screen.waitForPage('pages/complaints/detail/index');
    await screen.waitFor(/已提交，找茬编号 ZC\d{12}/);
    const [rec] = [...s.core.state.complaints.byId.values()];
    expect(rec).toMatchObject({ anonymous: true, category: '推诿/说"No"', target: { hallId: 'city', zoneId: 'shangshi', windowNo: '12' } });
    expect(rec!.photoIds).toHaveLength(1);
    // what reached the core has no location or camera data left
    const stored = s.core.state.complaints.photos.get(rec!.photoIds[0]!)!.data;
    expect((await sharp(stored).metadata()).exif).toBeUndefined();

    // the photo shows again: downloaded with the sign-in (wx.downloadFile) into a local file the <image> draws
    await screen.waitFor('照片');
    const deadline = Date.now() + 8000;
    let src = '';
    while (!src.startsWith('wxfile://') && Date.now() < deadline) {
      src = String(
        Array.from(mp.current().container.querySelectorAll('wx-image'))
          .map((el) => screen.attributes(el).src)
          .find((x) => String(x).startsWith('wxfile://')) ?? '',
      );
      await mp.settle();
    }
    expect(src).toMatch(/^wxfile:\/\//);
    expect((await sharp(mp.device.files.get(src)!).metadata()).width).toBe((await sharp(stored).metadata()).width);

    // staff see neither the name nor the phone
    const staffView = await call(s.coreUrl, 'GET', `/__mock/staff/complaints/${rec!.id}`);
    expect(staffView.text).not.toContain(person.name);

    // the hall answers; the citizen leaves the page and comes back to it
    expect(
      (
        await call(s.coreUrl, 'POST', `/__mock/staff/complaints/${rec!.id}/reply`, {
          body: { by: '市为民服务中心找茬窗口', text: '已核实，窗口已一次性告知所缺材料并致歉' },
        })
      ).status,
    ).toBe(200);
    await screen.back();
    await screen.tap('我的找茬');
    await screen.waitForPage('pages/complaints/index');
    // the connection drops while the photo downloads: the page says so and offers to try again, nothing breaks
    mp.device.downloadsFail = true;
    await screen.tap(rec!.trackingNo);
    await screen.waitForPage('pages/complaints/detail/index');
    await screen.waitFor('已核实，窗口已一次性告知所缺材料并致歉');
    await screen.waitFor('第1张照片暂时打不开');
    mp.device.downloadsFail = false;
    await screen.tap('重新加载', { exact: true });
    await screen.waitForGone('第1张照片暂时打不开');
    expect(mp.problems).toEqual([]);
  });
});
