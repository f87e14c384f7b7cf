import http from 'node:http';
import { call } from '../support/http';
import { TEST_APPID, TEST_WX_SECRET } from '../support/stack';
import { percentile } from './load';
import { loginCode, type BenchSystem, type Bff } from './system';
import { cpuPer, showCpu } from './cpu';
import { verdict } from './floors';

export interface Figures {
  label: string;
  n: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** Runs `n` calls with `concurrency` in flight; each call gets its own prepared input. */
export async function drive<T>(label: string, inputs: T[], concurrency: number, fn: (input: T) => Promise<boolean>): Promise<Figures> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++] as T;
        const t = performance.now();
        if (!(await fn(input))) failed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { label, n: inputs.length, rps: Math.round(inputs.length / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}

const show = (f: Figures) =>
  `${f.label.padEnd(44)} ${String(f.rps).padStart(6)} /s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  (${f.n} calls, ${f.failed} failed)`;

/** A wx.login code for each openid, 50 at a time. */
export async function mintCodesFor(sys: BenchSystem, openids: string[]): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < openids.length; i += 50) codes.push(...(await Promise.all(openids.slice(i, i + 50).map((o) => loginCode(sys, o)))));
  return codes;
}

const mintCodes = (sys: BenchSystem, n: number, prefix: string) =>
  mintCodesFor(
    sys,
    Array.from({ length: n }, (_, i) => `${prefix}_${i}`),
  );

/** POST JSON from a given loopback source address: each citizen signs in from their own phone, as in life. */
export function postFrom(localAddress: string, url: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      url,
      { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const addressOf = (net: number, i: number) => `127.${net}.${Math.floor(i / 250)}.${(i % 250) + 1}`;

/** Sign-ins at the bff against production limits, each from its own address; returns the figures. */
export async function signInRun(
  sys: BenchSystem,
  bff: Bff,
  o: { n: number; concurrency: number; prefix: string; net: number; label?: string },
): Promise<Figures> {
  const codes = (await mintCodes(sys, o.n, o.prefix)).map((code, i) => ({ code, from: addressOf(o.net, i) }));
  const label = o.label ?? 'bff POST /api/v1/auth/wechat-login';
  const { concurrency } = o;
  return drive(label, codes, concurrency, async ({ code, from }) => (await postFrom(from, `${bff.url}/api/v1/auth/wechat-login`, { code })) === 200);
}

/** The database commands and upstream calls one sign-in makes, counted by an instance that watches its driver. */
async function perSignIn(sys: BenchSystem, prefix: string, n: number): Promise<void> {
  const counter = await sys.bff('bff-signin-count', { SIGNIN_LIMIT_PER_ADDRESS: '60', SIGNIN_LIMIT_PER_OPENID: '10' }, { count: true });
  await counter.ask('counts');
  const first = await signInRun(sys, counter, { n, concurrency: 1, prefix: `${prefix}_count`, net: 2 });
  const firstCounts = await counter.ask<Record<string, number>>('counts');
  // the same citizens again: a returning citizen's sign-in
  await signInRun(sys, counter, { n, concurrency: 1, prefix: `${prefix}_count`, net: 3 });
  const againCounts = await counter.ask<Record<string, number>>('counts');
  await counter.stop();
  const table = (title: string, counts: Record<string, number>) => {
    const lines = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
    const total = (pred: (k: string) => boolean) => lines.filter(([k]) => pred(k)).reduce((a, [, v]) => a + v, 0) / n;
    const writes = total((k) => /^db (insert|update|delete|findAndModify)/.test(k));
    console.log(
      `   ${title}: ${total((k) => k.startsWith('db '))} database round trips (${writes} writes), ${total((k) => !k.startsWith('db '))} upstream calls per sign-in${first.failed ? ` (${first.failed} failed)` : ''}`,
    );
    for (const [k, v] of lines) console.log(`     ${(v / n).toFixed(2).padStart(5)}  ${k}`);
  };
  table('a first sign-in', firstCounts);
  table('a returning citizen', againCounts);
}

/**
 * 3. Sign-in: code → jscode2session at the WeChat mock → the sign-in rate limits (production settings: 60 a minute per
 * address, 10 per 10 minutes per openid) → citizen and session in MongoDB → tokens. Baseline: the jscode2session call
 * alone, the part of the work that is WeChat's, from the same bench process.
 */
export async function signInBench(sys: BenchSystem, n: number, concurrency: number): Promise<void> {
  const bff = await sys.bff('bff-signin', { SIGNIN_LIMIT_PER_ADDRESS: '60', SIGNIN_LIMIT_PER_OPENID: '10' });
  console.log(`\n3. Sign-in, ${n} first-time citizens, ${concurrency} in flight (the bff in its own process)`);
  const rawCodes = await mintCodes(sys, n, 'bench_raw');
  const pids = { 'bench driver': process.pid, bff: bff.pid, mocks: sys.mocks.pid, database: sys.dbPid };
  const base = await cpuPer(pids, n, () =>
    drive('baseline: jscode2session at the WeChat mock', rawCodes, concurrency, async (code) => {
      const r = await call<{ openid?: string }>(
        sys.mocks.ready.wechat,
        'GET',
        `/sns/jscode2session?appid=${TEST_APPID}&secret=${TEST_WX_SECRET}&js_code=${code}&grant_type=authorization_code`,
      );
      return Boolean(r.body?.openid);
    }),
  );
  await bff.ask('profile');
  const full = await cpuPer(pids, n, () => signInRun(sys, bff, { n, concurrency, prefix: 'bench_signin', net: 1 }));
  await bff.ask('stop');
  await bff.stop();
  console.log(show(base.result));
  console.log(`   CPU per call: ${showCpu(base.ms)}`);
  console.log(show(full.result));
  console.log(`   CPU per sign-in: ${showCpu(full.ms)}`);
  const [f, b] = [full.result, base.result];
  console.log(`   ratio bff/baseline: throughput ${(f.rps / b.rps).toFixed(2)}, p50 ${(f.p50 / b.p50).toFixed(1)}×, p99 ${(f.p99 / b.p99).toFixed(1)}×`);
  verdict(
    'sign-in throughput',
    `${f.rps}/s = ${(f.rps / b.rps).toFixed(2)} of the bare call`,
    `jscode2session alone ${b.rps}/s`,
    '≥ 0.25',
    f.rps / b.rps >= 0.25,
  );
  verdict(`sign-in p99 at ${concurrency} in flight`, `${f.p99.toFixed(0)} ms`, `jscode2session alone p99 ${b.p99.toFixed(0)} ms`, '≤ 300 ms', f.p99 <= 300);
  if (f.failed) verdict('sign-in failures', `${f.failed} of ${f.n} failed`, '0', '0', false);
  await perSignIn(sys, 'bench_rt', 20);
}
