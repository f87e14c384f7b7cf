/**
 * Starts the four mocks (core, WeChat, WeChat Pay, the provincial 好差评 system) for local development and the end-to-end runs: `npx tsx mock/src/main.ts`.
 * Stdout carries only the `name: url` lines (core, wechat, wxpay, province), which the start script reads.
 */
import { createCoreMock } from './core/core.mock';
import { createMockClock } from './infra/clock';
import { listen, type RunningServer } from './infra/server';
import { createWechatMock } from './wechat/wechat.mock';
import { createProvinceMock } from './province/province.mock';
import { loadOrCreateWxpayKeys } from './wxpay/keys';
import { createWxpayMock } from './wxpay/wxpay.mock';

interface MockConfig {
  corePort: number;
  wechatPort: number;
  wxpayPort: number;
  provincePort: number;
  wxpayMchid: string;
  /** where the WeChat Pay test keys are made (openssl) and kept; never committed */
  wxpayKeysDir: string | undefined;
  coreSecret: string;
  appid: string;
  wechatSecret: string;
  admin: boolean;
}

function readConfig(env: NodeJS.ProcessEnv): MockConfig {
  const problems: string[] = [];
  const port = (key: string, fallback: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) problems.push(`${key} must be a port number 0..65535, got "${raw}"`);
    return value;
  };
  const text = (key: string, fallback: string): string => {
    const value = env[key];
    return value === undefined || value === '' ? fallback : value;
  };
  const production = env.NODE_ENV === 'production';
  const adminRaw = env.MOCK_ADMIN;
  let admin = !production;
  if (adminRaw !== undefined && adminRaw !== '') {
    if (['1', 'true', 'on', 'yes'].includes(adminRaw.toLowerCase())) admin = true;
    else if (['0', 'false', 'off', 'no'].includes(adminRaw.toLowerCase())) admin = false;
    else problems.push(`MOCK_ADMIN must be true or false, got "${adminRaw}"`);
  }
  const config: MockConfig = {
    corePort: port('MOCK_CORE_PORT', 4010),
    wechatPort: port('MOCK_WECHAT_PORT', 4020),
    wxpayPort: port('MOCK_WXPAY_PORT', 4030),
    provincePort: port('MOCK_PROVINCE_PORT', 4040),
    wxpayMchid: text('WXPAY_MCHID', '1900000109'),
    wxpayKeysDir: env.WXPAY_KEYS_DIR || undefined,
    coreSecret: text('CORE_HMAC_SECRET', 'dev-core-secret-change-me'),
    appid: text('WECHAT_APPID', 'wx0000000000000000'),
    wechatSecret: text('WECHAT_SECRET', 'dev-wechat-secret'),
    admin,
  };
  if (problems.length > 0) throw new Error(`mock: bad environment:\n  ${problems.join('\n  ')}`);
  return config;
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  // One clock for all four mocks, so a test that moves time moves it everywhere.
  const clock = createMockClock();
  // the provincial 好差评 system listens first: the core relays ratings to its address
  const province = createProvinceMock({ clock, admin: config.admin });
  const provinceServer = await listen(province.app, config.provincePort).catch((err: unknown) => {
    console.error('mock: could not listen:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
  const core = createCoreMock({ hmacSecret: config.coreSecret, clock, admin: config.admin, provinceUrl: provinceServer.url });
  const wechat = createWechatMock({ appid: config.appid, secret: config.wechatSecret, clock, admin: config.admin });
  const keys = loadOrCreateWxpayKeys(config.wxpayKeysDir, config.wxpayMchid);
  const wxpay = createWxpayMock({
    clock,
    admin: config.admin,
    mchid: keys.mchid,
    appid: config.appid,
    merchantCertPem: keys.merchantCertPem,
    platformKeys: keys.platformKeys,
    apiV3Key: keys.apiV3Key,
  });
  // outside tests nobody pumps: deliver due notifications (and settle refunds) every second
  const pumpTimer = setInterval(() => void wxpay.pump().catch(() => {}), 1000);
  pumpTimer.unref();

  const servers: RunningServer[] = [provinceServer];
  const shutdown = async (code: number): Promise<never> => {
    await Promise.allSettled(servers.map((s) => s.close()));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    servers.push(await listen(core.app, config.corePort));
    servers.push(await listen(wechat.app, config.wechatPort));
    servers.push(await listen(wxpay.app, config.wxpayPort));
  } catch (err) {
    console.error('mock: could not listen:', err instanceof Error ? err.message : err);
    await shutdown(1);
  }
  const [, coreServer, wechatServer, wxpayServer] = servers;
  console.log(`mock-core: ${coreServer?.url}`);
  console.log(`mock-wechat: ${wechatServer?.url}`);
  console.log(`mock-wxpay: ${wxpayServer?.url}`);
  console.log(`mock-province: ${provinceServer.url}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
