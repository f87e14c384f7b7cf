import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { createDevice, launchWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_elder' });
});
afterEach(async () => {
  s.core.faults.clear();
  await mp?.close();
  mp = undefined;
});
afterAll(async () => {
  await s?.close();
});

/**
 * A size the phone draws, in CSS px. The weapp build writes rpx (Taro: 1 design px = 2 rpx); miniprogram-simulate
 * hands them to jsdom as px unchanged; a phone draws 750 rpx across its window (390 px wide here).
 */
function drawnPx(el: Element, prop: 'fontSize' | 'minHeight', windowWidth = 390): number {
  const rpx = parseFloat(getComputedStyle(el)[prop]);
  return (rpx * windowWidth) / 750;
}

function tabBarSizes(mp: MiniProgram): { label: number; target: number; elder: boolean } {
  const bar = mp.current().container.querySelector('wx-tab-bar')!;
  const label = bar.querySelector('wx-text')!;
  const item = label.parentElement!;
  const root = Array.from(bar.querySelectorAll('wx-view')).find((el) => mp.screen.hasClass(el, 'jsb-tabbar'))!;
  return { label: drawnPx(label, 'fontSize'), target: drawnPx(item, 'minHeight'), elder: mp.screen.hasClass(root, 'jsb-tabbar--elder') };
}

describe('weapp build: 长辈版', () => {
  it('is switched on in 我的, enlarges the custom tab bar (text ≥ 18 px, targets ≥ 60 px) and is remembered after a relaunch', async () => {
    const device = createDevice();
    mp = await launchWeapp(s, { device });
    const { screen } = mp;
    await screen.waitFor('我的待办');
    const before = tabBarSizes(mp);
    expect(before.elder).toBe(false);
    expect(before.label).toBeLessThan(18);

    await screen.tap('我的', { exact: true });
    await screen.waitForPage('pages/mine/index');
    await screen.tap('开启长辈版（大字）');
    await screen.waitFor('已开启长辈版：字更大，按钮更大。');
    expect(screen.hasClass(mp.current().container.querySelector('wx-view')!, 'jsb-elder')).toBe(true);
    // the tab bar is a component of its own; it follows a moment later
    for (let i = 0; i < 100 && !tabBarSizes(mp).elder; i++) await mp.settle();
    const on = tabBarSizes(mp);
    expect(on.elder).toBe(true);
    expect(on.label).toBeGreaterThanOrEqual(18);
    expect(on.target).toBeGreaterThanOrEqual(60);

    // WeChat closes the app; the citizen opens it again on the same phone: still 长辈版, on 首页 (its 长辈版 home) and its tab bar
    await mp.close();
    mp = await launchWeapp(s, { device });
    await mp.screen.waitFor('济时办 · 您要办什么？');
    expect(mp.screen.hasClass(mp.current().container.querySelector('wx-view')!, 'jsb-elder')).toBe(true);
    const relaunched = tabBarSizes(mp);
    expect(relaunched.elder).toBe(true);
    expect(relaunched.label).toBeGreaterThanOrEqual(18);
    await mp.screen.tap('我的', { exact: true });
    await mp.screen.waitFor('关闭长辈版');
    expect(mp.problems).toEqual([]);
  });

  it('shows the loading spinner on a button while the answer is on its way (NutUI icons render in WeChat)', async () => {
    mp = await launchWeapp(s, { path: 'pages/mine/index' });
    const { screen } = mp;
    await screen.tap('微信一键登录');
    await screen.tap('去实名认证');
    const person = await newPerson(s);
    await screen.fill('请填写身份证上的姓名', person.name);
    await screen.fill('请填写18位身份证号码', person.idNumber);
    // the population registry answers slowly (within the bff's upstream timeout)
    s.core.faults.update({ latencyMs: 700 });
    await screen.tap('提交认证');
    const spinner = await screen.byClass('nut-icon-Loading');
    expect(spinner[0]!.closest('wx-button')?.textContent).toContain('提交认证');
    expect(await screen.isDisabled('提交认证')).toBe(true);
    await screen.waitForPage('pages/mine/index', 10_000);
    await screen.waitFor('已认证');
    expect(mp.problems).toEqual([]);
  });
});
