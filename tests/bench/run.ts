/**
 * `npm run bench`: prints figures, measured in this run, on this machine (all traffic on 127.0.0.1).
 *  1. Signed-in slot listing (cached) through the whole bff — token check, cache, JSON — next to a bare Koa server
 *     answering the same JSON (ratio bff / bare), and next to the same bff asking MongoDB for the session on every
 *     request (SESSION_CACHE_MS=0: the figure before the session cache).
 *  2. 500 concurrent booking attempts by 500 citizens at one 20-seat slot: booked must be exactly 20.
 *  3. Sign-in (code → session in MongoDB → tokens) next to the jscode2session call alone.
 *  4. The weapp build's main package and total; the H5 first load of 首页 in Chromium.
 * Options: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default "64,256"), BENCH_BURST (500), BENCH_SIGNINS (400),
 * BENCH_SKIP_BUILDS=1, BENCH_ONLY (a comma list of slots, burst, signin, builds; default all).
 */
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import Koa from 'koa';
import type { Appointment, SlotsResponse } from '@jsb/shared';
import { startMongo } from '../../scripts/lib/mongo';
import { startStack, type Stack } from '../support/stack';
import { H5_DIST } from '../support/browser';
import { call } from '../support/http';
import { verifiedCitizen } from '../support/citizens';
import { load, percentile, row } from './load';
import { signInBench } from './signin';
import { h5FirstLoad, weappSizes } from './builds';

const MONDAY_8AM = new Date('2026-02-09T00:00:00Z');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '64,256').split(',').map(Number);

async function bareKoa(body: unknown): Promise<{ url: string; close(): void }> {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = body;
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => (server.closeAllConnections(), server.close()) };
}

async function slotListing(s: Stack): Promise<void> {
  const c = await verifiedCitizen(s);
  const path = '/api/v1/slots?hallId=city&itemId=SS01&from=2026-02-09&to=2026-02-16';
  const warm = await call<SlotsResponse>(s.bffUrl, 'GET', path, { token: c.accessToken });
  const bare = await bareKoa(warm.body);
  const uncached = await s.addInstance({ SESSION_CACHE_MS: 0 });
  const auth = { authorization: `Bearer ${c.accessToken}` };
  console.log(`\n1. Signed-in slot listing, ${SECONDS} s per run, body ${warm.text.length} bytes (8 days of slots)`);
  for (const connections of CONNECTIONS) {
    const base = await load('bare Koa, same JSON', bare.url + path, { connections, seconds: SECONDS });
    const before = await load('bff, session read from MongoDB each time', uncached.url + path, { connections, seconds: SECONDS, headers: auth });
    const bff = await load('bff, session cache (default)', s.bffUrl + path, { connections, seconds: SECONDS, headers: auth });
    console.log(row(base));
    console.log(row(before));
    console.log(row(bff));
    const ratio = (x: typeof bff) =>
      `throughput ${(x.rps / base.rps).toFixed(2)}, p50 ${(x.p50 / Math.max(base.p50, 0.5)).toFixed(1)}×, p99 ${(x.p99 / Math.max(base.p99, 0.5)).toFixed(1)}×`;
    console.log(`   ratio to bare Koa — without session cache: ${ratio(before)}; with: ${ratio(bff)}`);
  }
  bare.close();
}

async function bookingBurst(s: Stack): Promise<void> {
  const N = Number(process.env.BENCH_BURST ?? 500);
  const slotId = 'city.shangshi.2026-02-10.1000';
  await call(s.coreUrl, 'POST', '/__mock/slots/capacity', { body: { slotId, capacity: 20 } });
  const started = Date.now();
  const citizens = [];
  for (let i = 0; i < N; i += 25) citizens.push(...(await Promise.all(Array.from({ length: Math.min(25, N - i) }, () => verifiedCitizen(s)))));
  console.log(`\n2. Booking burst: ${N} citizens (signed in and verified in ${((Date.now() - started) / 1000).toFixed(1)} s) at one 20-seat slot, all at once`);
  const latencies: number[] = [];
  const t0 = Date.now();
  const results = await Promise.all(
    citizens.map(async (c) => {
      const t = performance.now();
      const r = await call<Appointment & { error?: { code: string } }>(s.bffUrl, 'POST', '/api/v1/appointments', { token: c.accessToken, body: { itemId: 'SS01', slotId } });
      latencies.push(performance.now() - t);
      return r.status === 201 ? 'booked' : (r.body.error?.code ?? `HTTP ${r.status}`);
    }),
  );
  const wall = Date.now() - t0;
  const count = (k: string) => results.filter((r) => r === k).length;
  const other = results.filter((r) => r !== 'booked' && r !== 'SLOT_FULL');
  console.log(`   booked ${count('booked')} (must be 20), SLOT_FULL ${count('SLOT_FULL')}, other ${other.length}${other.length ? ` ${JSON.stringify([...new Set(other)])}` : ''}`);
  console.log(`   latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, all answered in ${wall} ms`);
  const listed = await call<SlotsResponse>(s.bffUrl, 'GET', '/api/v1/slots?hallId=city&zoneId=shangshi&from=2026-02-10&to=2026-02-10', { token: citizens[0]!.accessToken });
  const seat = listed.body.days[0]?.slots.find((x) => x.id === slotId);
  console.log(`   the slot afterwards: capacity ${seat?.capacity}, remaining ${seat?.remaining}`);
  if (count('booked') !== 20) process.exitCode = 1;
}

const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : null;
const wanted = (part: 'slots' | 'burst' | 'signin' | 'builds') => !ONLY || ONLY.has(part);

async function main(): Promise<void> {
  const mongo = await startMongo({ log: (l) => console.error(l) });
  process.env.MONGODB_URI = mongo.uri;
  console.log(`济时办 benchmark — ${new Date().toISOString()} — database: ${mongo.description}`);
  console.log(`node ${process.version}, ${cpus().length} cores; bff with NODE_ENV=test, response checks off, logs at warn`);
  const s = await startStack({ name: 'bench', start: MONDAY_8AM, env: { LOG_LEVEL: 'warn', CHECK_RESPONSES: '0' }, wechatRateLimit: 100_000, h5Dist: H5_DIST });
  s.clock.freeze();
  s.clock.set(MONDAY_8AM);
  try {
    if (wanted('slots')) await slotListing(s);
    if (wanted('burst')) await bookingBurst(s);
    if (wanted('signin')) await signInBench(s, Number(process.env.BENCH_SIGNINS ?? 400), 32);
    if (wanted('builds') && process.env.BENCH_SKIP_BUILDS !== '1') {
      weappSizes();
      await h5FirstLoad(s);
    }
  } finally {
    await s.close();
    await mongo.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
