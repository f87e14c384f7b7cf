/**
 * `npm start`: the whole system on this machine — MongoDB (or an emulator of it), the mock systems, the bff, and the
 * H5 build of the mini-program served by the bff at `/`. Prints one `name: url` line per service.
 * SIGINT or SIGTERM stops every child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startMongo, type MongoHandle } from './lib/mongo';
import { h5IsFresh, buildH5 } from './lib/h5';
import { loadOrCreateWxpayKeys } from '../mock/src/wxpay/keys';

const root = path.resolve(__dirname, '..');
const state = path.join(root, '.jsb');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const children: { name: string; proc: ChildProcess }[] = [];
let mongo: MongoHandle | undefined;
let stopping = false;

function port(name: string, fallback: number): string {
  const v = process.env[name] ?? String(fallback);
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) {
    console.error(`${name}=${v} is not a port number (0–65535)`);
    process.exit(2);
  }
  return v;
}

/** Development secrets: generated once per checkout, kept in .jsb/ (ignored by git), so sessions survive a restart. */
function devSecrets(): Record<string, string> {
  const file = path.join(state, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_HASH_SECRET: randomBytes(32).toString('hex'),
    CORE_HMAC_SECRET: randomBytes(24).toString('hex'),
    WECHAT_SECRET: randomBytes(16).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Starts a TypeScript entry point and resolves once it has printed `expected` `name: url` lines. */
function startChild(name: string, script: string, env: NodeJS.ProcessEnv, logFile: string, expected = 1): Promise<string[]> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const proc = spawn(tsx, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push({ name, proc });
  proc.stderr?.pipe(log);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    const urls: string[] = [];
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      if (/^[a-z][a-z0-9-]*: (https?|mongodb):\/\//.test(line)) {
        urls.push(line);
        console.log(line);
        if (urls.length === expected) resolve(urls);
      }
    });
    proc.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${name} exited (${signal ?? code}); see ${path.relative(root, logFile)}`);
        if (!urls.length) reject(new Error(`${name} did not start`));
        void stop(1);
      }
    });
  });
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      ({ proc }) =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
          proc.once('exit', () => (clearTimeout(timer), resolve()));
          proc.kill('SIGTERM');
        }),
    ),
  );
  await mongo?.stop();
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  mkdirSync(path.join(state, 'logs'), { recursive: true });
  const ports = {
    bff: port('BFF_PORT', 3000),
    core: port('MOCK_CORE_PORT', 4010),
    wechat: port('MOCK_WECHAT_PORT', 4020),
    wxpay: port('MOCK_WXPAY_PORT', 4030),
    province: port('MOCK_PROVINCE_PORT', 4040),
  };
  const secrets = devSecrets();
  const appid = process.env.WECHAT_APPID ?? 'wx0000000000000000';

  // each server keeps its data in its own folder under .jsb/data/ (scripts/lib/mongo.ts)
  mongo = await startMongo({ dataDir: path.join(state, 'data'), log: (l) => console.error(l) });
  console.log(`mongodb: ${mongo.uri}`);

  const h5Dist = path.join(root, 'miniapp', 'dist-h5');
  if (process.env.JSB_SKIP_H5_BUILD !== '1' && !h5IsFresh(root)) {
    console.error('h5: building the mini-program for the browser (about 30 s)…');
    await buildH5(root);
  }

  const common = { ...process.env, ...secrets, NODE_ENV: 'development', WECHAT_APPID: appid };
  // WeChat Pay test keys: made with openssl once per checkout into .jsb/ (ignored by git), shared by the mock and the bff
  const wxpayKeysDir = path.join(state, 'wxpay-keys');
  const wxpayKeys = loadOrCreateWxpayKeys(wxpayKeysDir);
  await startChild(
    'mocks',
    'mock/src/main.ts',
    {
      ...common,
      MOCK_CORE_PORT: ports.core,
      MOCK_WECHAT_PORT: ports.wechat,
      MOCK_WXPAY_PORT: ports.wxpay,
      MOCK_PROVINCE_PORT: ports.province,
      WXPAY_KEYS_DIR: wxpayKeysDir,
    },
    path.join(state, 'logs', 'mocks.log'),
    // mock-core, mock-wechat, mock-wxpay, mock-province
    4,
  );
  const coreUrl = `http://127.0.0.1:${ports.core}`;
  const wechatUrl = `http://127.0.0.1:${ports.wechat}`;
  await startChild(
    'bff',
    'bff/src/server.ts',
    {
      ...common,
      BFF_PORT: ports.bff,
      MONGODB_URI: mongo.uri,
      CORE_API_BASE: coreUrl,
      WECHAT_API_BASE: wechatUrl,
      DEV_LOGIN: '1',
      H5_DIST: h5Dist,
      WXPAY_MCHID: wxpayKeys.mchid,
      WXPAY_API_BASE: `http://127.0.0.1:${ports.wxpay}`,
      WXPAY_MERCHANT_SERIAL: wxpayKeys.merchantSerial,
      WXPAY_MERCHANT_PRIVATE_KEY: path.join(wxpayKeysDir, 'apiclient_key.pem'),
      WXPAY_MERCHANT_CERT: path.join(wxpayKeysDir, 'apiclient_cert.pem'),
      WXPAY_PLATFORM_KEYS: JSON.stringify(Object.fromEntries(wxpayKeys.platformKeys.map((k) => [k.serial, k.publicKeyPem]))),
      WXPAY_APIV3_KEY: wxpayKeys.apiV3Key,
      WXPAY_NOTIFY_URL: `http://127.0.0.1:${ports.bff}/api/v1/payments/wechat/notify`,
      WXPAY_DEV_PAY_PAGE: '1',
    },
    path.join(state, 'logs', 'bff.log'),
  );
  console.log(`\n济时办 is running. Open http://127.0.0.1:${ports.bff}/ in a browser (H5 build; sign in on 我的).`);
  console.log(`Logs: .jsb/logs/. Stop with Ctrl-C.`);
}

main().catch(async (err: unknown) => {
  console.error((err as Error).message);
  await stop(1);
});
