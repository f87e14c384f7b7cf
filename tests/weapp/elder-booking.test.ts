import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { ELDER_WEEKEND_BOOKING_MAX_TAPS } from '../support/floors';
import { createDevice, launchWeapp, snapshotWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_elder_booking' });
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

describe('weapp build: 长辈版 weekend booking from 首页', () => {
  it(`books a weekend slot from the 长辈版 home, signing in and verifying on the way, within ${ELDER_WEEKEND_BOOKING_MAX_TAPS} taps`, async () => {
    const device = createDevice();
    // the citizen switched 长辈版 on earlier; this phone has never signed in
    device.storage.set('jsb.elderMode', 'true');
    mp = await launchWeapp(s, { device });
    const { screen } = mp;
    await screen.waitFor('您要办什么？');
    await snapshotWeapp(mp, 'weapp-elder-home-start');

    await screen.tap('预约办事');
    await screen.waitForPage('pages/booking/index');
    await screen.fill('输入事项名称，如 营业执照', '身份证');
    await screen.tap('搜索', { exact: true });
    await screen.tap('居民身份证换领');
    await screen.tap('预约办理', { exact: true });
    await screen.waitForPage('pages/booking/slots/index');
    await screen.tap('微信一键登录');
    const day = (await screen.byClass('bk-day')).find((d) => /周末|节假日/.test(d.textContent ?? '') && /个时段可约/.test(d.textContent ?? ''))!;
    await screen.tapElement(day);
    const slot = (await screen.byClass('bk-slot')).find((el) => !screen.hasClass(el, 'bk-slot--off') && /09:|10:|11:/.test(el.textContent ?? ''))!;
    await screen.tapElement(slot);
    await screen.waitForPage('pages/booking/confirm/index');
    await screen.tap('去实名认证');
    const person = await newPerson(s);
    await screen.fill('请填写身份证上的姓名', person.name);
    await screen.fill('请填写18位身份证号码', person.idNumber);
    await screen.tap('提交认证');
    await screen.waitForPage('pages/booking/confirm/index');
    await screen.tap('确认预约', { exact: true });
    await screen.waitForPage('pages/appointments/detail/index');
    await screen.waitFor('预约成功');
    await screen.waitFor('周末/节假日预约');
    await snapshotWeapp(mp, 'weapp-elder-booked');
    expect(screen.taps).toBeLessThanOrEqual(ELDER_WEEKEND_BOOKING_MAX_TAPS);
    console.log(
      `长辈版 weekend booking from 首页 on weapp: ${screen.taps} taps (floor ${ELDER_WEEKEND_BOOKING_MAX_TAPS}; before: 21 + 4 for the sign-in detour)`,
    );
    expect(mp.problems).toEqual([]);
  });
});
