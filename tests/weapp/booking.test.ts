import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { launchWeapp, signInOnWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  // the systems and the phone share today's real date: the week view starts from the phone's clock
  s = await startStack({ name: 'weapp_booking' });
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

describe('weapp build: 预约', () => {
  it('signs in, verifies, books a weekend slot, sees the ticket and subscribes to reminders, then cancels', async () => {
    mp = await launchWeapp(s);
    const { screen } = mp;
    const person = await newPerson(s);
    await signInOnWeapp(mp, person);

    // 预约 tab → search → the item page tells every material at once (一次告知)
    await screen.tap('预约', { exact: true });
    await screen.waitForPage('pages/booking/index');
    await screen.fill('输入事项名称，如 营业执照', '身份证');
    await screen.tap('搜索', { exact: true });
    await screen.tap('居民身份证换领');
    await screen.waitForPage('pages/booking/item/index');
    await screen.waitFor(/申请材料（共\d+项，一次告知）/);
    const item = (await (await fetch(`${s.bffUrl}/api/v1/items/GA01`)).json()) as { materials: { name: string }[] };
    for (const m of item.materials) expect(screen.text()).toContain(m.name);

    // the week view: a weekend day (周末 or 节假日) that still has seats, and its 周末/节假日预约 slots
    await screen.tap('预约办理', { exact: true });
    await screen.waitForPage('pages/booking/slots/index');
    const weekendDays = (await screen.byClass('bk-day')).filter((d) => /周末|节假日/.test(d.textContent ?? '') && /可约/.test(d.textContent ?? ''));
    expect(weekendDays.length).toBeGreaterThan(0);
    const day = weekendDays[0]!;
    const dayTitle = day.textContent!.match(/\d+月\d+日/)![0];
    await screen.tapElement(day);
    await screen.waitFor('周末/节假日预约');
    const slot = (await screen.byClass('bk-slot')).find((el) => !screen.hasClass(el, 'bk-slot--off'))!;
    const time = slot.textContent!.match(/\d\d:\d\d–\d\d:\d\d/)![0];
    await screen.tapElement(slot);

    // the confirm page repeats the checklist, then 确认预约
    await screen.waitForPage('pages/booking/confirm/index');
    await screen.waitFor(/请备齐以下材料（共\d+项）/);
    expect(screen.findAll('我已备齐', true)).toHaveLength(item.materials.length);
    await screen.tap('确认预约', { exact: true });

    // the ticket: 预约成功, the QR code image and the check-in window
    await screen.waitForPage('pages/appointments/detail/index');
    await screen.waitFor('预约成功');
    await screen.waitFor(/请在 \d\d:\d\d–\d\d:\d\d 之间到大厅签到/);
    expect(screen.text()).toContain(dayTitle);
    expect(screen.text()).toContain(time);
    const [qr] = await screen.byClass('bk-ticket__qr');
    expect(String(screen.attributes(qr!).src)).toMatch(/^data:image\/png;base64,/);
    await screen.waitFor(/预约号 \S+/);

    // the next steps a citizen takes with a ticket: the phone's calendar, the hall's address
    await screen.tap('加入日历');
    await screen.waitFor('已加入手机日历');
    expect(mp.device.calendar).toEqual([
      expect.objectContaining({ title: '大厅办事：居民身份证换领', location: expect.stringContaining('市为民服务中心'), alarm: true }),
    ]);
    expect(new Date(mp.device.calendar[0]!.startTime * 1000).toISOString()).toMatch(
      new RegExp(`T${String(Number(time.slice(0, 2)) - 8).padStart(2, '0')}:${time.slice(3, 5)}`),
    );
    await screen.tap('复制大厅地址');
    expect(mp.device.clipboard).toContain('济宁市');

    // reminders: WeChat's subscription sheet; refused first (the app says what that means), then allowed
    mp.device.subscribeAnswer = 'reject';
    await screen.tap('订阅预约提醒');
    await screen.waitFor('没有订阅，不会收到微信通知');
    // WeChat's one-time model: each 允许 pays for one message, two reminders need two
    mp.device.subscribeAnswer = 'accept';
    await screen.tap('订阅预约提醒');
    await screen.waitFor('已订阅1次。微信每次“允许”只发一条，再订阅1次就能全部收到');
    await screen.tap('再订阅一次（还差1次）');
    await screen.waitFor('已订阅：开始前一天和前一小时会通过微信提醒您。');
    const subs = (await (await fetch(`${s.wechatUrl}/__mock/subscriptions?openid=${mp.device.openid}`)).json()) as { grants: Record<string, number> };
    expect(Object.values(subs.grants)).toEqual([2]);

    // the booking is real: the core holds it for this citizen, on a weekend slot
    const personId = s.core.state.persons.get(person.idNumber)!.personId;
    const held = [...s.core.state.booking.bookings.values()].filter((b) => b.personId === personId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ itemId: 'GA01', status: 'booked', start: time.slice(0, 5) });

    // cancel: WeChat's modal asks first; 再想想 keeps it, 确定取消 frees the seat
    await screen.tap('取消预约', { exact: true });
    await screen.waitFor('确定取消吗？');
    await screen.tap('再想想');
    expect(held[0]!.status).toBe('booked');
    await screen.tap('取消预约', { exact: true });
    await screen.tap('确定取消');
    await screen.waitFor('已取消预约');
    await screen.byClass('bk-status', '已取消');
    await screen.waitForGone('签到码');
    expect(held[0]!.status).toBe('cancelled');

    // 查看我的预约 lists it as cancelled
    await screen.tap('查看我的预约');
    await screen.waitForPage('pages/appointments/index');
    await screen.waitFor('居民身份证换领');
    expect(mp.problems).toEqual([]);
  });
});
