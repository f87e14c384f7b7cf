/** The weapp runtime for tests: the built mini-program (miniapp/dist) run against a test Stack. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_APPID, type Stack } from '../stack';
import { createDevice, type Device } from './device';
import { MiniProgram } from './host';
import { snapshot } from './snapshot';

export { cameraPhoto, createDevice, type Device } from './device';
export { MiniProgram, type PageRecord } from './host';

export const WEAPP_DIST = path.resolve(__dirname, '..', '..', '..', 'miniapp', 'dist');

/** The https origin the production weapp build calls (miniapp/.env.production), which the phone resolves to the bff. */
export function appDomain(): string {
  const env = readFileSync(path.resolve(WEAPP_DIST, '..', '.env.production'), 'utf8');
  const base = /^TARO_APP_API_BASE=(.*)$/m.exec(env)?.[1]?.trim();
  if (!base) throw new Error('miniapp/.env.production has no TARO_APP_API_BASE');
  return new URL(base).origin;
}

/** Launches the weapp build on a phone (a new one unless given) whose app domain points at the stack's bff. */
export function launchWeapp(s: Stack, o: { device?: Device; path?: string; query?: Record<string, string> } = {}): Promise<MiniProgram> {
  return MiniProgram.launch({
    dist: WEAPP_DIST,
    device: o.device ?? createDevice(),
    upstreams: { domains: { [appDomain()]: s.bffUrl }, wechatUrl: s.wechatUrl, wxpayUrl: s.wxpayUrl, appid: TEST_APPID },
    path: o.path,
    query: o.query,
  });
}

/**
 * On 我的 (through the tab bar): 微信一键登录, then 实名认证 through the form, back on 我的 with 已认证.
 * Taps and typing as a citizen does them; the citizen must be in the core's population registry (newPerson, SEED_PERSONS).
 */
export async function signInOnWeapp(mp: MiniProgram, person: { name: string; idNumber: string }): Promise<void> {
  const { screen } = mp;
  if (mp.current().route !== 'pages/mine/index') await screen.tap('我的', { exact: true });
  await screen.waitForPage('pages/mine/index');
  await screen.tap('微信一键登录');
  await screen.tap('去实名认证');
  await screen.waitForPage('pages/real-name/index');
  await screen.fill('请填写身份证上的姓名', person.name);
  await screen.fill('请填写18位身份证号码', person.idNumber);
  await screen.tap('提交认证');
  await screen.waitForPage('pages/mine/index');
  await screen.waitFor('已认证');
}

/** A picture of the page on top, its WXSS laid out by Chromium, in tests/artifacts/<name>.png (./snapshot.ts). */
export function snapshotWeapp(mp: MiniProgram, name: string): Promise<string> {
  return snapshot(mp, WEAPP_DIST, name);
}
