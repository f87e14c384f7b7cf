/**
 * Fault drills: the bff as a real child process (`tsx bff/src/server.ts`, as `npm start` runs it) in front of
 * the mocks running in this test process, so a drill can SIGKILL the bff or take its database away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
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
import type { Stack } from '../support/stack';
import { TEST_APPID, TEST_WX_SECRET } from '../support/stack';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

export interface Mocks {
  coreUrl: string;
  wechatUrl: string;
  provinceUrl: string;
  core: CoreMock;
  wechat: WechatMock;
  province: ProvinceMock;
  clock: MockClock;
  hmacSecret: string;
  close(): Promise<void>;
}

/** The core, WeChat and provincial mocks in this process, on ephemeral ports, on real time. */
export async function startMocks(): Promise<Mocks> {
  const clock = createMockClock();
  const hmacSecret = randomBytes(24).toString('hex');
  const province = createProvinceMock({ clock, admin: true });
  const provinceSrv = await listen(province.app, 0);
  const core = createCoreMock({ hmacSecret, clock, admin: true, provinceUrl: provinceSrv.url });
  const wechat = createWechatMock({ appid: TEST_APPID, secret: TEST_WX_SECRET, clock, admin: true });
  const servers: RunningServer[] = [provinceSrv, await listen(core.app, 0), await listen(wechat.app, 0)];
  return {
    coreUrl: servers[1]!.url,
    wechatUrl: servers[2]!.url,
    provinceUrl: provinceSrv.url,
    core,
    wechat,
    province,
    clock,
    hmacSecret,
    close: async () => {
      await Promise.allSettled(servers.map((s) => s.close()));
    },
  };
}

/** The environment `npm start` gives the bff (scripts/start.ts), pointed at the drill's mocks and database. */
export function bffEnv(m: Mocks, mongodbUri: string, dbName: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    BFF_HOST: '127.0.0.1',
    BFF_PORT: '0',
    MONGODB_URI: mongodbUri,
    MONGODB_DB: dbName,
    JWT_SECRET: secretFor('jwt'),
    PII_HASH_SECRET: secretFor('pii'),
    WECHAT_APPID: TEST_APPID,
    WECHAT_SECRET: TEST_WX_SECRET,
    WECHAT_API_BASE: m.wechatUrl,
    CORE_API_BASE: m.coreUrl,
    CORE_HMAC_SECRET: m.hmacSecret,
    UPSTREAM_TIMEOUT_MS: '1500',
    DEV_LOGIN: '1',
    LOG_LEVEL: 'info',
    COMPLAINT_DAILY_LIMIT: '100',
    ...extra,
  };
}

/** secrets fixed for the test process, so tokens stay valid across a restart of the bff */
const secrets = new Map<string, string>();
function secretFor(name: string): string {
  if (!secrets.has(name)) secrets.set(name, randomBytes(32).toString('hex'));
  return secrets.get(name)!;
}

export interface BffChild {
  url: string;
  proc: ChildProcess;
  /** every line the bff wrote (JSON logs on stdout, anything on stderr) */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** sends `signal` to the bff's whole process group (the tsx wrapper and the node process running the server) */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, SIGKILL after 5 s */
  stop(): Promise<void>;
}

/** Spawns `tsx bff/src/server.ts` and resolves once it printed its `bff: http://…` line. */
export function spawnBff(env: NodeJS.ProcessEnv, startTimeoutMs = 60_000): Promise<BffChild> {
  // its own process group: tsx runs the server in a child node process, and a kill must reach that one too
  const proc = spawn(tsx, ['bff/src/server.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  createInterface({ input: proc.stderr! }).on('line', (l) => lines.push(l));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      group('SIGKILL');
      reject(new Error(`bff did not start in ${startTimeoutMs} ms:\n${lines.slice(-20).join('\n')}`));
    }, startTimeoutMs);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`bff exited (${signal ?? code}) before listening:\n${lines.slice(-20).join('\n')}`));
    });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      lines.push(line);
      const m = /^bff: (http:\/\/\S+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        proc,
        lines,
        exited,
        kill: (signal) => group(signal),
        stop: async () => {
          if (proc.exitCode !== null || proc.signalCode !== null) return group('SIGKILL');
          const t = setTimeout(() => group('SIGKILL'), 5000);
          group('SIGTERM');
          await exited;
          clearTimeout(t);
        },
      });
    });
  });
}

/** What the helpers in tests/support need of a stack (bffUrl, coreUrl, wechatUrl, core), for a child bff. */
export function stackFor(m: Mocks, bffUrl: string): Stack {
  return {
    bffUrl,
    coreUrl: m.coreUrl,
    wechatUrl: m.wechatUrl,
    core: m.core,
    clock: m.clock,
    province: m.province,
    provinceUrl: m.provinceUrl,
  } as unknown as Stack;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes; returns whether it became true. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

/** Runs `tasks` with at most `concurrency` at a time, in order. */
export async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** The figures every drill prints. */
export interface DrillFigures {
  accepted: number;
  delivered: number;
  lost: number;
  doubled: number;
  [k: string]: number;
}

export function printFigures(drill: string, f: DrillFigures): void {
  console.log(`drill figures — ${drill}: ${JSON.stringify(f)}`);
}
