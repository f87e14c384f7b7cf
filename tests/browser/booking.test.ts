import { startStack, type Stack } from '../support/stack';
import { H5_DIST, openPhone, type Phone, signInAndVerify } from '../support/browser';
import { newPerson } from '../support/citizens';

jest.setTimeout(90_000);

// Thursday 12 February 2026, 08:00 in Jining: the week ahead shows 调休上班 on Sat 14 Feb and the Spring Festival.
const THURSDAY_8AM = new Date('2026-02-12T00:00:00Z');

let s: Stack;
let phone: Phone;
beforeAll(async () => {
  s = await startStack({ name: 'browser_booking', h5Dist: H5_DIST, start: THURSDAY_8AM });
  s.clock.freeze();
  s.clock.set(THURSDAY_8AM);
  phone = await openPhone();
  // the phone's clock shows the same day as the systems behind it
  await phone.context.clock.setFixedTime(THURSDAY_8AM);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe('H5 build: a whole booking', () => {
  it('signs in, verifies, finds an item, reads every material, books a slot and gets the QR ticket', async () => {
    const { page } = phone;
    const person = await newPerson(s);
    await signInAndVerify(page, s.bffUrl, 'browser_booker_1', person);

    // 预约 tab → search → the item page tells every material at once (一次告知)
    await page.locator('.weui-tabbar__item').filter({ hasText: '预约' }).click();
    await page.locator('.booking__search-input input:visible').fill('身份证');
    await page.getByText('搜索', { exact: true }).locator('visible=true').last().click();
    await page.getByText('居民身份证换领').first().click();
    await page.getByText(/申请材料（共\d+项，一次告知）/).waitFor();
    const item = (await (await fetch(`${s.bffUrl}/api/v1/items/GA01`)).json()) as { materials: { name: string }[] };
    for (const m of item.materials) await page.getByText(m.name, { exact: false }).first().waitFor();
    await phone.screenshot('booking-item');

    // the week view labels the days; pick Saturday 14 Feb, a make-up workday, and its 10:00 slot
    await page.getByText('预约办理').locator('visible=true').first().click();
    const saturday = page.locator('.bk-day:visible').filter({ hasText: '2月14日' });
    await saturday.getByText('调休上班').waitFor();
    await page
      .locator('.bk-day:visible')
      .filter({ hasText: '2月15日' })
      .getByText(/节假日/)
      .waitFor();
    await saturday.click();
    await page.getByText('正常时段').locator('visible=true').first().waitFor();
    await phone.screenshot('booking-slots');
    await page.locator('.bk-slot:visible').filter({ hasText: '10:00–10:30' }).click();

    // the confirm page repeats the whole checklist before the button
    await page.getByText(/请备齐以下材料（共\d+项）/).waitFor();
    expect(await page.getByText('我已备齐', { exact: true }).locator('visible=true').count()).toBe(item.materials.length);
    await phone.screenshot('booking-confirm');
    await page.locator('.confirm__submit:visible').click();

    await page.getByText('预约成功').waitFor();
    await page.getByText('签到码').waitFor();
    const qr = page.locator('img[src^="data:image/png;base64,"]:visible');
    await qr.first().waitFor();
    await page.getByText(/请在 09:30–10:45 之间到大厅签到/).waitFor();
    await phone.screenshot('booking-ticket');

    // the booking is real: the core holds it for this citizen
    const citizen = await s.db.collection('citizens').findOne({ openid: 'browser_booker_1' });
    const held = [...s.core.state.booking.bookings.values()].filter((b) => b.personId === citizen?.realName?.personId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ itemId: 'GA01', date: '2026-02-14', start: '10:00', status: 'booked' });
    expect(phone.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
