import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { launchWeapp, signInOnWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_theme' });
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

/** Books the first open slot of the page it is on (slots page → confirm → ticket). */
async function bookFirstSlot(m: MiniProgram): Promise<void> {
  const { screen } = m;
  await screen.waitForPage('pages/booking/slots/index');
  const day = (await screen.byClass('bk-day')).find((d) => /个时段可约/.test(d.textContent ?? ''))!;
  await screen.tapElement(day);
  const slot = (await screen.byClass('bk-slot')).find((el) => !screen.hasClass(el, 'bk-slot--off'))!;
  await screen.tapElement(slot);
  await screen.waitForPage('pages/booking/confirm/index');
  await screen.tap('确认预约', { exact: true });
  await screen.waitForPage('pages/appointments/detail/index');
  await screen.waitFor('预约成功');
}

describe('weapp build: 一链办理', () => {
  it('walks 我要开饭店 as steps: the licence step 1 makes is not asked for again, and each booking leads back with the progress', async () => {
    mp = await launchWeapp(s);
    const { screen } = mp;
    await signInOnWeapp(mp, await newPerson(s));
    // a weak signal: the halls come after the theme; until then 预约第N步 turns a spinner, greyed, not a dead grey button
    let hallsCome!: () => void;
    mp.device.held = [{ path: /^\/api\/v1\/halls$/, until: new Promise<void>((r) => (hallsCome = r)) }];
    await mp.open('/pages/booking/theme/index?id=T01&hallId=city');
    await screen.waitFor('我要开饭店');
    expect(await screen.isLoading('预约第1步')).toBe(true);
    expect(await screen.isDisabled('预约第1步')).toBe(true);
    mp.device.held = [];
    hallsCome();
    await screen.waitFor('已预约 0/7，下一步：个体工商户设立登记');
    // the checklist: 营业执照 comes from step 1, each agency its own form; the app promises no 一次提交
    await screen.waitFor('第1步办结后取得');
    expect(screen.text()).toContain('由第1步「个体工商户设立登记」发给您，不用另外准备。');
    expect(screen.text()).toContain('个体工商户设立登记申请表');
    expect(screen.text()).toContain('食品经营许可证核发申请表');
    expect(screen.text()).not.toContain('一次提交');

    await screen.tap('预约第1步');
    await bookFirstSlot(mp);
    await screen.tap('回到「我要开饭店」，预约下一步');
    await screen.waitForPage('pages/booking/theme/index');
    await screen.waitFor('已预约 1/7，下一步：食品经营许可证核发');
    // back to the theme itself: the slots, confirm and ticket pages above it closed
    expect(mp.stack.map((p) => p.route)).toEqual(['pages/booking/theme/index']);

    await screen.tap('预约第2步');
    await bookFirstSlot(mp);
    await screen.tap('回到「我要开饭店」，预约下一步');
    await screen.waitFor('已预约 2/7，下一步：公共场所卫生许可');
    expect(screen.findAll('签到码', true)).toHaveLength(2);
    expect(mp.problems).toEqual([]);
  });
});
