import http from 'node:http';
import type { Stack } from '../support/stack';
import { call } from '../support/http';
import { percentile } from './load';

interface Figures {
  label: string;
  n: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** Runs `n` calls with `concurrency` in flight; each call gets its own prepared input. */
async function drive<T>(label: string, inputs: T[], concurrency: number, fn: (input: T) => Promise<boolean>): Promise<Figures> {
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

async function mintCodes(s: Stack, n: number, prefix: string): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i += 50) {
    codes.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, async (_, k) => (await call<{ code: string }>(s.wechatUrl, 'POST', '/__mock/login-code', { body: { openid: `${prefix}_${i + k}` } })).body.code),
      )),
    );
  }
  return codes;
}

/** POST JSON from a given loopback source address: each citizen signs in from their own phone, as in life. */
function postFrom(localAddress: string, url: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(data);
  });
}

const addressOf = (i: number) => `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;

/**
 * Sign-in: code → jscode2session at the WeChat mock → the sign-in rate limits (production settings: 60 a minute per
 * address, 10 per 10 minutes per openid) → citizen upsert and session insert in MongoDB → tokens.
 * Baseline: the jscode2session call alone, the part of the work that is WeChat's.
 */
export async function signInBench(s: Stack, n: number, concurrency: number): Promise<void> {
  const production = await s.addInstance({ SIGNIN_LIMIT_PER_ADDRESS: 60, SIGNIN_LIMIT_PER_OPENID: 10 });
  console.log(`\n3. Sign-in, ${n} first-time citizens, ${concurrency} in flight`);
  const rawCodes = await mintCodes(s, n, 'bench_raw');
  const base = await drive('baseline: jscode2session at the WeChat mock', rawCodes, concurrency, async (code) => {
    const r = await call<{ openid?: string }>(s.wechatUrl, 'GET', `/sns/jscode2session?appid=${s.config.WECHAT_APPID}&secret=${s.config.WECHAT_SECRET}&js_code=${code}&grant_type=authorization_code`);
    return Boolean(r.body?.openid);
  });
  const codes = (await mintCodes(s, n, 'bench_signin')).map((code, i) => ({ code, from: addressOf(i) }));
  const full = await drive('bff POST /api/v1/auth/wechat-login', codes, concurrency, async ({ code, from }) => {
    return (await postFrom(from, `${production.url}/api/v1/auth/wechat-login`, { code })) === 200;
  });
  console.log(show(base));
  console.log(show(full));
  console.log(`   ratio bff/baseline: throughput ${(full.rps / base.rps).toFixed(2)}, p50 ${(full.p50 / base.p50).toFixed(1)}×`);
}
