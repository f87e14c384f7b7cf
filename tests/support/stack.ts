/**
 * Starts the whole system for one test file: the WeChat and core mocks on ephemeral ports, a bff built with
 * createApp on its own database, all over real HTTP on 127.0.0.1. Logs are captured so tests can read them.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import mongoose, { type Connection } from 'mongoose';
import {
  createCoreMock,
  createMockClock,
  createProvinceMock,
  createWechatMock,
  listen,
  type CoreMock,
  type MockClock,
  type ProvinceMock,
  type RunningServer,
  type WechatMock,
} from '@jsb/mock';
import { createWxpayMock, loadOrCreateWxpayKeys, type WxpayKeys, type WxpayMock } from '@jsb/mock';
import { applyServerTimeouts, createApp, createLogger, loadConfig, prepareDatabase, upstreamClients, type Config } from '@jsb/bff';

export const TEST_APPID = 'wx1234567890abcdef';
export const TEST_WX_SECRET = 'test-wechat-secret';

export type BffInstance = ReturnType<typeof createApp> & { url: string; close(): Promise<void> };

export interface Stack {
  /** the bff instance that bffUrl points at */
  bff: BffInstance;
  /** starts one more bff instance on the same database (to test work shared by several instances) */
  addInstance(overrides?: Partial<Config>): Promise<BffInstance>;
  bffUrl: string;
  wechatUrl: string;
  coreUrl: string;
  /** the WeChat Pay v3 mock (keys made with openssl once per machine, in the temp folder) */
  wxpayUrl: string;
  wxpay: WxpayMock;
  wxpayKeys: WxpayKeys;
  /** the provincial 好差评 system the core relays ratings to */
  provinceUrl: string;
  province: ProvinceMock;
  clock: MockClock;
  /**
   * The clock of the bff's circuit breakers for the core: real time, moved on by `skip` (past a cool-down) instead of
   * a test sleeping through it. Shared by every instance of the stack.
   */
  breakerClock: { now(): number; skip(ms: number): void };
  db: Connection;
  config: Config;
  wechat: WechatMock;
  core: CoreMock;
  /** every JSON log line the bff wrote */
  logs: string[];
  ttlFallback: boolean;
  close(): Promise<void>;
}

export interface StackOptions {
  /** a name that makes the database unique to the test file */
  name: string;
  start?: Date;
  env?: Record<string, string>;
  h5Dist?: string;
  /** jscode2session calls per minute the WeChat mock allows (WeChat's own limit applies by default) */
  wechatRateLimit?: number;
}

export async function startStack(o: StackOptions): Promise<Stack> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run the tests through jest (its global setup starts the database)');
  const clock = createMockClock(o.start);
  const hmacSecret = randomBytes(24).toString('hex');
  const wechat = createWechatMock({ appid: TEST_APPID, secret: TEST_WX_SECRET, clock, admin: true, rateLimitPerMinute: o.wechatRateLimit });
  const province = createProvinceMock({ clock, admin: true });
  const provinceSrv = await listen(province.app, 0);
  const core = createCoreMock({ hmacSecret, clock, admin: true, provinceUrl: provinceSrv.url });
  const wechatSrv = await listen(wechat.app, 0);
  const coreSrv = await listen(core.app, 0);
  const wxpayKeys = loadOrCreateWxpayKeys();
  const wxpay = createWxpayMock({
    clock,
    admin: true,
    mchid: wxpayKeys.mchid,
    appid: TEST_APPID,
    merchantCertPem: wxpayKeys.merchantCertPem,
    platformKeys: wxpayKeys.platformKeys,
    apiV3Key: wxpayKeys.apiV3Key,
  });
  const wxpaySrv = await listen(wxpay.app, 0);
  const dbName = `t_${o.name.replace(/[^A-Za-z0-9]/g, '_').slice(0, 30)}_${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    MONGODB_URI: uri,
    MONGODB_DB: dbName,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_HASH_SECRET: randomBytes(32).toString('hex'),
    WECHAT_APPID: TEST_APPID,
    WECHAT_SECRET: TEST_WX_SECRET,
    WECHAT_API_BASE: wechatSrv.url,
    CORE_API_BASE: coreSrv.url,
    CORE_HMAC_SECRET: hmacSecret,
    UPSTREAM_TIMEOUT_MS: '1500',
    DEV_LOGIN: '1',
    LOG_LEVEL: 'info',
    WXPAY_MCHID: wxpayKeys.mchid,
    WXPAY_API_BASE: wxpaySrv.url,
    WXPAY_MERCHANT_SERIAL: wxpayKeys.merchantSerial,
    WXPAY_MERCHANT_PRIVATE_KEY: wxpayKeys.merchantPrivateKeyPem,
    WXPAY_MERCHANT_CERT: wxpayKeys.merchantCertPem,
    WXPAY_PLATFORM_KEYS: JSON.stringify(Object.fromEntries(wxpayKeys.platformKeys.map((k) => [k.serial, k.publicKeyPem]))),
    WXPAY_APIV3_KEY: wxpayKeys.apiV3Key,
    WXPAY_DEV_PAY_PAGE: '1',
    // every test file signs many citizens in from 127.0.0.1 at a frozen clock; tests/security/rate-limits.test.ts sets low limits
    SIGNIN_LIMIT_PER_ADDRESS: '100000',
    SIGNIN_LIMIT_PER_OPENID: '100000',
    ...(o.h5Dist ? { H5_DIST: o.h5Dist } : {}),
    ...o.env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  const log = createLogger({ level: config.LOG_LEVEL, destination });
  const db = await mongoose.createConnection(config.MONGODB_URI, { dbName: config.MONGODB_DB, serverSelectionTimeoutMS: 5000 }).asPromise();
  let skipped = 0;
  const breakerClock = { now: () => Date.now() + skipped, skip: (ms: number) => void (skipped += ms) };
  const instances: BffInstance[] = [];
  async function addInstance(conn?: Connection, overrides: Partial<Config> = {}): Promise<BffInstance> {
    const own = conn ?? (await mongoose.createConnection(config.MONGODB_URI, { dbName: config.MONGODB_DB }).asPromise());
    const built = createApp({
      // the same object when nothing is overridden: WXPAY_NOTIFY_URL is set on it after the first instance listens
      config: Object.keys(overrides).length ? { ...config, ...overrides } : config,
      db: own,
      log,
      clock: () => clock.now(),
      instanceId: `test-bff-${instances.length + 1}`,
      ...upstreamClients(config, { breakerNow: breakerClock.now }),
    });
    const server = built.app.listen(0, '127.0.0.1');
    // as server.ts runs it: a client's pooled connection is never closed under it by the bff first
    applyServerTimeouts(server);
    await new Promise<void>((r) => server.once('listening', () => r()));
    const instance: BffInstance = {
      ...built,
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: async () => {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
        if (own !== db) await own.close();
      },
    };
    instances.push(instance);
    return instance;
  }
  const first = await addInstance(db);
  const report = await prepareDatabase(db, log, clock.now());
  const bffUrl = first.url;
  // WeChat Pay needs the bff's public notify URL, known only now; the payments feature reads it at order time
  config.WXPAY_NOTIFY_URL ??= `${bffUrl}/api/v1/payments/wechat/notify`;
  return {
    bff: first,
    addInstance: (overrides?: Partial<Config>) => addInstance(undefined, overrides),
    bffUrl,
    wechatUrl: wechatSrv.url,
    wxpayUrl: wxpaySrv.url,
    wxpay,
    wxpayKeys,
    coreUrl: coreSrv.url,
    provinceUrl: provinceSrv.url,
    province,
    clock,
    breakerClock,
    db,
    config,
    wechat,
    core,
    logs,
    ttlFallback: report.ttlFallback.length > 0,
    async close() {
      for (const i of instances.reverse()) await i.close();
      await Promise.all([wechatSrv.close(), coreSrv.close(), provinceSrv.close(), wxpaySrv.close()].map((p: Promise<void>) => p.catch(() => {})));
      await db.dropDatabase().catch(() => {});
      await db.close();
    },
  };
}

export type { RunningServer };
