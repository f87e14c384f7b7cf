/** Debian's Chromium driven by playwright-core, with the flags this machine needs, as a phone-sized page. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught page errors seen so far */
  errors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPhone(): Promise<Phone> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'jsb-chromium-'));
  // a fresh profile per phone: playwright passes it to Chromium as --user-data-dir
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    deviceScaleFactor: 2,
  });
  // nothing but the local system is reachable from a test
  await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    errors,
    screenshot: async (name) => {
      // Taro's H5 pages slide in: a picture taken at once shows the page half-way
      await page.waitForTimeout(450);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    },
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const H5_DIST = path.resolve(__dirname, '..', '..', 'miniapp', 'dist-h5');

/** On 我的: the development WeChat sign-in as `openid`, then 实名认证 through the form, until 我的 shows 已认证. */
export async function signInAndVerify(page: Page, bffUrl: string, openid: string, person: { name: string; idNumber: string }): Promise<void> {
  await page.goto(`${bffUrl}/#/pages/mine/index?openid=${openid}`);
  await page.getByText('微信一键登录').click();
  await page.getByText('去实名认证').click();
  await page.getByRole('textbox', { name: '请填写身份证上的姓名' }).fill(person.name);
  await page.getByRole('textbox', { name: '请填写18位身份证号码' }).fill(person.idNumber);
  await page.getByText('提交认证').click();
  await page.getByText('已认证').waitFor();
}
