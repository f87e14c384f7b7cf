/**
 * 首页 on the weapp build in the mini-program runtime (issue 11, findings 3, 4 and 7): the same citizens as
 * tests/browser/home.test.ts. Floors, counted by screen.taps: "开饭店" reaches its theme in 1 tap from the results; the
 * next ticket in ≤ 2 taps from 首页, in 长辈版 too.
 */
import { SEED_PERSONS } from '@jsb/mock';
import type { Appointment, SlotsResponse } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, signIn } from '../support/http';
import { createDevice, launchWeapp, snapshotWeapp, type Device, type MiniProgram } from '../support/weapp';

jest.setTimeout(180_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_home' });
});
afterEach(async () => {
  await mp?.close();
  mp = undefined;
});
afterAll(async () => {
  await s?.close();
});

/** A size as the phone draws it, in CSS px: the build writes rpx (1 design px = 2 rpx), a phone 390 px wide shows 750 rpx. */
function drawnPx(el: Element, prop: 'fontSize' | 'minHeight', windowWidth = 390): number {
  return (parseFloat(getComputedStyle(el)[prop]) * windowWidth) / 750;
}

/**
 * 张伟's phone, on which he signed in and verified his real name before: the app's session is in the phone's storage
 * as the app keeps it (sign-in itself is the sign-in tests'). He has a 补正 case, a closed case to rate, fees to pay;
 * he books an appointment so that a ticket is waiting. The same phone serves each test, as a relaunch would.
 */
let zhangs: { device: Device; appointment: Appointment } | undefined;
async function zhangsPhone(): Promise<{ device: Device; appointment: Appointment }> {
  if (zhangs) return zhangs;
  const zhang = SEED_PERSONS.find((p) => p.name === '张伟')!;
  const device = createDevice({ openid: 'oWeappHomeZhang' });
  const t = await signIn(s, device.openid);
  expect((await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: { name: zhang.name, idNumber: zhang.idNumber } })).status).toBe(
    200,
  );
  const slots = await call<SlotsResponse>(s.bffUrl, 'GET', '/api/v1/slots?hallId=city&itemId=GA01', { token: t.accessToken });
  const slot = slots.body.days.flatMap((d) => d.slots).find((x) => x.bookable)!;
  const booked = await call<Appointment>(s.bffUrl, 'POST', '/api/v1/appointments', { token: t.accessToken, body: { itemId: 'GA01', slotId: slot.id } });
  expect(booked.status).toBe(201);
  device.storage.set(
    'jsb.session',
    JSON.stringify({ accessToken: t.accessToken, refreshToken: t.refreshToken, accessExpiresAt: Date.now() + t.expiresIn * 1000 }),
  );
  zhangs = { device, appointment: booked.body };
  return zhangs;
}

describe('weapp build: 首页', () => {
  it('searches first: 开饭店 opens 我要开饭店 in one tap; 房产证 finds 不动产; 12345 dials; 双休日预约 lists the weekend items', async () => {
    mp = await launchWeapp(s);
    const { screen } = mp;
    await screen.waitFor('我的待办');
    expect(screen.text()).toContain('登录后，这里会列出您的下一个预约（点一下出示签到码）');
    // the grid's icons are views drawing a masked SVG (WeChat has no <i> template): eight, each with its picture
    const icons = (await screen.byClass('nut-icon')).filter((i) => screen.hasClass(i.parentElement!, 'home-icon'));
    expect(icons).toHaveLength(8);
    for (const i of icons) expect(String(screen.attributes(i).style)).toMatch(/mask: url\('data:image\/svg\+xml;base64,/);
    await snapshotWeapp(mp, 'weapp-home');

    // the floor: typing, then one tap on the theme in the results
    await screen.fill('搜事项或主题', '开饭店');
    const [theme] = await screen.byClass('home-result--theme', '我要开饭店');
    await snapshotWeapp(mp, 'weapp-home-search');
    screen.taps = 0;
    await screen.tapElement(theme!);
    await screen.waitForPage('pages/booking/theme/index');
    await screen.waitFor('合并材料清单（一次告知）');
    expect(screen.taps).toBe(1);

    // back on 首页: a synonym, then a word the catalog does not hold
    await screen.back();
    await screen.fill('搜事项或主题', '房产证');
    await screen.waitFor('也按“不动产”为您查找');
    for (const name of ['不动产转移登记（二手房买卖）', '不动产抵押权首次登记', '不动产权证书补换证']) expect(screen.text()).toContain(name);
    await screen.fill('搜事项或主题', '火星移民');
    await screen.waitFor('没有找到与“火星移民”相关的事项。换个说法试试');
    await screen.tap('清除', { exact: true });

    // 12345 dials (WeChat's call sheet)
    await screen.tap('12345热线', { exact: true });
    expect(mp.device.calls).toEqual(['12345']);

    // 双休日预约: the items that offer weekend booking, each one tap from its materials
    await screen.tap('双休日预约', { exact: true });
    await screen.waitFor('周末和节假日 09:00–12:00，以下事项可以预约办理');
    const items = (await (await fetch(`${s.bffUrl}/api/v1/items`)).json()) as { items: { name: string; weekendBooking: boolean }[] };
    const rows = await screen.byClass('home-panel__row', '居民身份证换领');
    const listed = (await screen.byClass('home-panel__name')).map((el) => el.textContent);
    expect(listed).toEqual(items.items.filter((i) => i.weekendBooking).map((i) => i.name));
    await screen.tapElement(rows[0]!);
    await screen.waitForPage('pages/booking/item/index');
    await screen.waitFor(/申请材料（共\d+项，一次告知）/);
    expect(mp.problems).toEqual([]);
  });

  it('signed in: 我的待办 leads to the next ticket in one tap, lists the 补正, bills and a rating; 免费邮寄 opens the case’s mailing', async () => {
    const { device, appointment } = await zhangsPhone();
    mp = await launchWeapp(s, { device });
    const { screen } = mp;
    await screen.waitFor('待补正：药品零售企业经营许可');
    await screen.waitFor(/补交后恢复计时/);
    await screen.waitFor(/下一个预约：\d+月\d+日 周. \d\d:\d\d–\d\d:\d\d|现在可以签到：/);
    await screen.waitFor(/待缴费 \d+ 笔，共￥[\d.]+/);
    await screen.waitFor('可以评价：公司设立登记');
    await snapshotWeapp(mp, 'weapp-home-signed-in');

    // the floor: the next ticket in ≤ 2 taps from 首页
    screen.taps = 0;
    await screen.tap(/^出示签到码 ›$/);
    await screen.waitForPage('pages/appointments/detail/index');
    await screen.waitFor('签到码');
    expect(mp.current().query).toMatchObject({ id: appointment.id });
    // the QR code comes with the ticket, a moment after the page
    let qr: Element | null = null;
    for (let i = 0; i < 200 && !(qr = mp.current().container.querySelector('wx-image')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(String(screen.attributes(qr!).src)).toMatch(/^data:image\/png;base64,/);
    expect(screen.taps).toBe(1);

    // 免费邮寄: the issued case, one tap to its mailing form
    await screen.back();
    await screen.tap('免费邮寄', { exact: true });
    await screen.waitFor(/办结的证照可以免费寄到家/);
    const [row] = await screen.byClass('home-panel__row', '公司设立登记');
    await screen.tapElement(row!);
    await screen.waitForPage('pages/cases/mailing/index');
    expect(mp.problems).toEqual([]);
  });

  it('长辈版 home: switched on from 首页, five big actions declared ≥ 18 px text and ≥ 60 px targets, the ticket in one tap', async () => {
    const { device, appointment } = await zhangsPhone();
    mp = await launchWeapp(s, { device });
    const { screen } = mp;
    await screen.waitFor('我的待办');
    await screen.tap('长辈版', { exact: true });
    const actions = await screen.byClass('home-elder__action');
    expect(actions.map((a) => a.querySelector('wx-text')!.textContent)).toEqual(['预约办事', '签到码', '查进度', '缴费', '打12345热线']);
    await screen.waitFor(/\d+月\d+日 周. \d\d:\d\d 居民身份证换领/);
    await screen.waitFor('有1件要补交材料');
    // no dense lists: no grid, no search, no 待办 rows
    const count = (cls: string) => Array.from(mp!.current().container.querySelectorAll('*')).filter((el) => screen.hasClass(el, cls)).length;
    for (const cls of ['home-grid', 'home-search', 'home-todo__row', 'nut-icon']) expect(count(cls)).toBe(0);
    for (const a of actions) expect(drawnPx(a, 'minHeight')).toBeGreaterThanOrEqual(60);
    for (const t of await screen.byClass('home-elder__title')) expect(drawnPx(t, 'fontSize')).toBeGreaterThanOrEqual(18);
    for (const t of await screen.byClass('home-elder__caption')) expect(drawnPx(t, 'fontSize')).toBeGreaterThanOrEqual(18);
    await snapshotWeapp(mp, 'weapp-home-elder');

    // the floor in 长辈版: one tap to the ticket
    screen.taps = 0;
    await screen.tapElement(actions[1]!);
    await screen.waitForPage('pages/appointments/detail/index');
    expect(mp.current().query).toMatchObject({ id: appointment.id });
    await screen.waitFor('签到码');
    expect(screen.taps).toBe(1);

    // 12345 from the big button; then back to the standard home, remembered
    await screen.back();
    await screen.tap('打12345热线', { exact: true });
    expect(mp.device.calls).toEqual(['12345']);
    await screen.tap('关闭长辈版，回到标准版', { exact: true });
    await screen.waitFor('我的待办');
    expect(device.storage.get('jsb.elderMode')).toBe('false');
    expect(mp.problems).toEqual([]);
  });
});
