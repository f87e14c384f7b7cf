import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SlotsResponse } from '@jsb/shared';
import { call } from '../support/http';
import { load, row, type LoadResult } from './load';
import { startChild } from './procs';
import { verifiedCitizen, type BenchSystem } from './system';
import { verdict } from './floors';

export const SLOTS_PATH = '/api/v1/slots?hallId=city&itemId=SS01&from=2026-02-09&to=2026-02-16';

const ratio = (x: LoadResult, base: LoadResult) =>
  `throughput ${(x.rps / base.rps).toFixed(2)}, p50 ${(x.p50 / Math.max(base.p50, 0.5)).toFixed(1)}×, p99 ${(x.p99 / Math.max(base.p99, 0.5)).toFixed(1)}×`;

/**
 * 1. Signed-in slot listing (cached) through a bff instance — token check, session cache, JSON — next to a bare Koa
 * server answering the same JSON, each in its own process; and next to an instance that asks MongoDB for the session
 * on every request (SESSION_CACHE_MS=0).
 */
export async function slotListing(sys: BenchSystem, o: { seconds: number; connections: number[] }): Promise<void> {
  const bff = await sys.bff('bff-slots');
  const uncached = await sys.bff('bff-slots-uncached', { SESSION_CACHE_MS: '0' });
  const c = await verifiedCitizen(sys, bff);
  const warm = await call<SlotsResponse>(bff.url, 'GET', SLOTS_PATH, { token: c.accessToken });
  const bodyFile = path.join(os.tmpdir(), `jsb-bench-slots-${process.pid}.json`);
  writeFileSync(bodyFile, warm.text);
  const bare = await startChild<{ url: string }>('bare-koa', 'bare', { env: { BENCH_BODY: bodyFile } });
  const bareText = await startChild<{ url: string }>('bare-koa-text', 'bare', { env: { BENCH_BODY: bodyFile, BENCH_BARE_TEXT: '1' } });
  const auth = { authorization: `Bearer ${c.accessToken}` };
  console.log(`\n1. Signed-in slot listing, ${o.seconds} s per run, body ${warm.text.length} bytes (8 days of slots); each server in its own process`);
  for (const connections of o.connections) {
    const base = await load('bare Koa, same JSON', bare.ready.url + SLOTS_PATH, { connections, seconds: o.seconds });
    const baseText = await load('bare Koa, same JSON text (serialised once)', bareText.ready.url + SLOTS_PATH, { connections, seconds: o.seconds });
    const before = await load('bff, session read from MongoDB each time', uncached.url + SLOTS_PATH, { connections, seconds: o.seconds, headers: auth });
    if (connections === o.connections[0]) await bff.ask('profile');
    const cached = await load('bff, session cache (default)', bff.url + SLOTS_PATH, { connections, seconds: o.seconds, headers: auth });
    if (connections === o.connections[0]) await bff.ask('stop');
    for (const r of [base, baseText, before, cached]) console.log(row(r));
    console.log(`   ratio to bare Koa — without session cache: ${ratio(before, base)}; with: ${ratio(cached, base)}`);
    // the bff answers a cached slot list with the entry's JSON text: next to a bare server that does the same
    console.log(`   ratio to bare Koa answering the JSON text — with session cache: ${ratio(cached, baseText)}`);
    const base_ = `bare Koa ${base.rps} req/s, p99 ${base.p99} ms, ${base.timeouts} timeouts`;
    if (connections <= 64) {
      verdict(
        `slot listing throughput at c=${connections}`,
        `${cached.rps} req/s = ${(cached.rps / base.rps).toFixed(2)} of bare Koa`,
        base_,
        '≥ 0.8',
        cached.rps / base.rps >= 0.8,
      );
    } else {
      verdict(
        `slot listing timeouts at c=${connections}`,
        `${cached.timeouts} timeouts, ${cached.errors} errors`,
        base_,
        '0',
        cached.timeouts === 0 && cached.errors === 0,
      );
      const r = cached.p99 / Math.max(base.p99, 1);
      verdict(`slot listing p99 at c=${connections}`, `${cached.p99} ms = ${r.toFixed(1)}× bare Koa`, base_, '≤ 3×', r <= 3);
    }
  }
  await Promise.all([bare.stop(), bareText.stop(), bff.stop(), uncached.stop()]);
}
