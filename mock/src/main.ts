/**
 * Starts both mocks for local development and the end-to-end runs: `npx tsx mock/src/main.ts`.
 * Stdout carries only the two `name: url` lines, which the start script reads.
 */
import { createCoreMock } from './core/core.mock';
import { createMockClock } from './infra/clock';
import { listen, type RunningServer } from './infra/server';
import { createWechatMock } from './wechat/wechat.mock';

interface MockConfig {
  corePort: number;
  wechatPort: number;
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
  // One clock for both mocks, so a test that moves time moves it everywhere.
  const clock = createMockClock();
  const core = createCoreMock({ hmacSecret: config.coreSecret, clock, admin: config.admin });
  const wechat = createWechatMock({ appid: config.appid, secret: config.wechatSecret, clock, admin: config.admin });

  const servers: RunningServer[] = [];
  const shutdown = async (code: number): Promise<never> => {
    await Promise.allSettled(servers.map((s) => s.close()));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    servers.push(await listen(core.app, config.corePort));
    servers.push(await listen(wechat.app, config.wechatPort));
  } catch (err) {
    console.error('mock: could not listen:', err instanceof Error ? err.message : err);
    await shutdown(1);
  }
  const [coreServer, wechatServer] = servers;
  console.log(`mock-core: ${coreServer?.url}`);
  console.log(`mock-wechat: ${wechatServer?.url}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
