import { startStack, type Stack } from '../support/stack';
import { createDevice, launchWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(60_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_host' });
});
afterEach(async () => {
  await mp?.close();
  mp = undefined;
});
afterAll(async () => {
  await s?.close();
});

/** The app's `wx`, called as page code calls it (a Promise when given no callbacks) */
interface Wx {
  navigateTo(o: { url: string }): Promise<{ errMsg: string }>;
  switchTab(o: { url: string }): Promise<{ errMsg: string }>;
  navigateBack(o: { delta?: number }): Promise<{ errMsg: string }>;
  request(o: { url: string; success: (r: unknown) => void; fail: (r: unknown) => void }): unknown;
  setStorageSync(key: string, value: unknown): void;
  getStorageSync(key: string): unknown;
}
const wx = () => (globalThis as unknown as { wx: Wx }).wx;
const pages = () => (globalThis as unknown as { getCurrentPages(): { route: string }[] }).getCurrentPages().map((p) => p.route);

/** The host plays WeChat's rules, so that the app meets them here before it meets them on a phone. */
describe('the weapp runtime host', () => {
  it('keeps WeChat’s page stack: navigateTo pushes, a tab page cannot be pushed, switchTab closes the pages above, back stops at the first page', async () => {
    mp = await launchWeapp(s);
    await mp.screen.waitFor('我的待办');
    await wx().navigateTo({ url: '/pages/booking/item/index?id=GA01&hallId=city' });
    await mp.screen.waitFor('居民身份证换领');
    expect(pages()).toEqual(['pages/index/index', 'pages/booking/item/index']);
    await expect(wx().navigateTo({ url: '/pages/mine/index' })).rejects.toEqual({ errMsg: 'navigateTo:fail can not navigateTo a tabbar page' });
    await expect(wx().navigateTo({ url: '/pages/nowhere/index' })).rejects.toEqual({ errMsg: 'navigateTo:fail page "pages/nowhere/index" is not found' });
    await wx().switchTab({ url: '/pages/progress/index' });
    expect(pages()).toEqual(['pages/progress/index']);
    await expect(wx().navigateBack({})).rejects.toEqual({ errMsg: 'navigateBack:fail cannot navigate back at first page.' });
    expect(mp.problems).toEqual([]);
  });

  it('lets requests reach only the app’s own domain, as WeChat’s 合法域名 list does', async () => {
    mp = await launchWeapp(s);
    const failed = await new Promise((resolve) => wx().request({ url: 'https://example.com/api', success: resolve, fail: resolve }));
    expect(failed).toEqual({ errMsg: 'request:fail url not in domain list: https://example.com' });
  });

  it('keeps storage on the phone across a relaunch, and a new phone starts empty', async () => {
    const device = createDevice();
    mp = await launchWeapp(s, { device });
    wx().setStorageSync('jsb.test', { a: 1 });
    await mp.close();
    mp = await launchWeapp(s, { device });
    expect(wx().getStorageSync('jsb.test')).toEqual({ a: 1 });
    await mp.close();
    mp = await launchWeapp(s);
    expect(wx().getStorageSync('jsb.test')).toBe('');
  });
});
