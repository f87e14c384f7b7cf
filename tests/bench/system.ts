/**
 * The system the benchmark measures, one process per server: the mocks, bff instances (each its own process, as behind
 * a load balancer) and the database the helper found. The bench process itself only drives load and counts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { TokenPair } from '@jsb/shared';
import { idNumberCheckChar } from '@jsb/shared';
import { TEST_APPID, TEST_WX_SECRET } from '../support/stack';
import { loadOrCreateWxpayKeys } from '@jsb/mock';
import { call } from '../support/http';
import { startChild, type Child } from './procs';

export interface MockUrls {
  core: string;
  wechat: string;
  wxpay: string;
  province: string;
}

export interface Bff extends Child<{ url: string }> {
  url: string;
}

export interface BenchSystem {
  mocks: Child<MockUrls>;
  /** the database name every bff instance of this system shares */
  dbName: string;
  coreSecret: string;
  /** the database server's process, when the helper started one (for CPU figures) */
  dbPid?: number;
  /** starts one more bff instance (its own process); `env` overrides its configuration */
  bff(name: string, env?: Record<string, string>, o?: { count?: boolean }): Promise<Bff>;
  close(): Promise<void>;
}

export const BENCH_START = new Date('2026-02-09T00:00:00Z'); // Monday 08:00 in Jining

/** BENCH_CPU_PROF=<folder>: every bff instance writes a V8 CPU profile there when it stops */
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;

export async function startSystem(mongo: { uri: string; pid?: number }, name: string): Promise<BenchSystem> {
  const mongoUri = mongo.uri;
  const coreSecret = randomBytes(24).toString('hex');
  const common = { CORE_HMAC_SECRET: coreSecret, WECHAT_APPID: TEST_APPID, WECHAT_SECRET: TEST_WX_SECRET, BENCH_START: BENCH_START.toISOString() };
  const mocks = await startChild<MockUrls>('mocks', 'mocks', { env: common, cpuProfDir: CPU_PROF });
  const dbName = `bench_${name}_${randomBytes(3).toString('hex')}`;
  const keys = loadOrCreateWxpayKeys();
  const base: Record<string, string> = {
    ...common,
    NODE_ENV: 'test',
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_HASH_SECRET: randomBytes(32).toString('hex'),
    WECHAT_API_BASE: mocks.ready.wechat,
    CORE_API_BASE: mocks.ready.core,
    DEV_LOGIN: '1',
    LOG_LEVEL: 'warn',
    CHECK_RESPONSES: '0',
    WXPAY_MCHID: keys.mchid,
    WXPAY_API_BASE: mocks.ready.wxpay,
    WXPAY_MERCHANT_SERIAL: keys.merchantSerial,
    WXPAY_MERCHANT_PRIVATE_KEY: keys.merchantPrivateKeyPem,
    WXPAY_MERCHANT_CERT: keys.merchantCertPem,
    WXPAY_PLATFORM_KEYS: JSON.stringify(Object.fromEntries(keys.platformKeys.map((k) => [k.serial, k.publicKeyPem]))),
    WXPAY_APIV3_KEY: keys.apiV3Key,
    WXPAY_NOTIFY_URL: 'http://127.0.0.1:9/api/v1/payments/wechat/notify',
    // setup signs thousands of citizens in from 127.0.0.1 at one frozen minute; the sign-in part sets production limits
    SIGNIN_LIMIT_PER_ADDRESS: '1000000',
    SIGNIN_LIMIT_PER_OPENID: '1000000',
  };
  const bffs: Bff[] = [];
  let prepared = false;
  return {
    mocks,
    dbName,
    coreSecret,
    dbPid: mongo.pid,
    async bff(label, env = {}, o = {}) {
      const child = await startChild<{ url: string }>(label, 'bff', {
        env: { ...base, ...env, BENCH_PREPARE: prepared ? '0' : '1', BENCH_COUNT: o.count ? '1' : '0' },
        cpuProfDir: CPU_PROF,
      });
      prepared = true;
      const b: Bff = { ...child, url: child.ready.url };
      bffs.push(b);
      return b;
    },
    async close() {
      await Promise.all(bffs.map((b) => b.stop()));
      await mocks.stop();
    },
  };
}

let seq = 0;

/** A made-up Jining citizen registered at the core's population registry (a valid GB 11643 number). */
export async function newPerson(sys: BenchSystem): Promise<{ name: string; idNumber: string; personId: string }> {
  for (;;) {
    seq += 1;
    const n = (seq * 7919 + Math.floor(Math.random() * 1000)) % 1000;
    const first17 = `3708111990${String(1 + (seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}${String(n).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    const name = `测试${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${'子丑寅卯辰巳午未申酉戌亥'[seq % 12]}`;
    const r = await call<{ person: { personId: string } }>(sys.mocks.ready.core, 'POST', '/__mock/persons', { body: { name, idNumber } });
    if (r.status === 409) continue;
    if (r.status >= 300) throw new Error(`persons ${r.status} ${r.text}`);
    return { name, idNumber, personId: r.body.person.personId };
  }
}

export async function loginCode(sys: BenchSystem, openid: string): Promise<string> {
  const r = await call<{ code: string }>(sys.mocks.ready.wechat, 'POST', '/__mock/login-code', { body: { openid } });
  if (r.status >= 300) throw new Error(`login-code ${r.status} ${r.text}`);
  return r.body.code;
}

export async function signIn(sys: BenchSystem, bff: Bff, openid: string): Promise<TokenPair> {
  const r = await call<TokenPair>(bff.url, 'POST', '/api/v1/auth/wechat-login', { body: { code: await loginCode(sys, openid) } });
  if (r.status !== 200) throw new Error(`sign-in ${r.status} ${r.text}`);
  return r.body;
}

/** Signed in and real-name verified at `bff`: ready to book. */
export async function verifiedCitizen(sys: BenchSystem, bff: Bff): Promise<TokenPair & { openid: string }> {
  const oid = `o_bench_${randomBytes(6).toString('hex')}`;
  const t = await signIn(sys, bff, oid);
  const { name, idNumber } = await newPerson(sys);
  const r = await call(bff.url, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: { name, idNumber } });
  if (r.status !== 200) throw new Error(`real-name ${r.status} ${r.text}`);
  return { ...t, openid: oid };
}

/** `n` verified citizens, 25 at a time */
export async function verifiedCitizens(sys: BenchSystem, bff: Bff, n: number): Promise<(TokenPair & { openid: string })[]> {
  const out = [];
  for (let i = 0; i < n; i += 25) out.push(...(await Promise.all(Array.from({ length: Math.min(25, n - i) }, () => verifiedCitizen(sys, bff)))));
  return out;
}
