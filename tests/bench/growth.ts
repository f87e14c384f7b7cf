/**
 * 5. Growth: the same requests at two database sizes in one run. Probe citizens live an ordinary life through the API
 * (growth/probes.ts); the database is then filled with other citizens whose documents are copies of the probes' own
 * (growth/fill.ts), first up to the smaller size, then up to the larger; at each size a fresh bff instance is measured
 * on sign-in, slot listing and every "my …" list of a probe. Last, one round of the expiry job and the collection
 * sizes before and after it.
 * BENCH_GROWTH="1000,100000" (citizens; 10 records each on average), BENCH_GROWTH_SECONDS (default 3 per run; each request is run twice, the better
 * run counts),
 * BENCH_GROWTH_PROBES (default 6).
 */
import mongoose, { type Connection } from 'mongoose';
import { call } from '../support/http';
import { load, type LoadResult } from './load';
import { makeProbe, openTwo, readEvents, type Probe } from './growth/probes';
import { fillCitizens, readTemplates } from './growth/fill';
import { drive, mintCodesFor, postFrom, type Figures } from './signin';
import { SLOTS_PATH } from './slots';
import { BENCH_START, type BenchSystem } from './system';
import { verdict } from './floors';

/**
 * The signed-in reads measured at each size: the slot listing and every list of one's own. Those that the emulators
 * can only answer by reading a whole collection come last (README: what serves each query), and sign-in is measured
 * first: a server still working through the scans a run left behind would otherwise slow what is measured after it.
 */
export const GROWTH_READS: { label: string; path: string }[] = [
  { label: 'slot listing', path: SLOTS_PATH },
  { label: '我的 (GET /me)', path: '/api/v1/me' },
  { label: 'my appointments', path: '/api/v1/appointments' },
  { label: 'my booking standing', path: '/api/v1/me/booking-standing' },
  { label: 'my bills', path: '/api/v1/bills/mine' },
  { label: 'my subscriptions', path: '/api/v1/messages/subscriptions' },
  { label: 'my cases', path: '/api/v1/cases' },
  { label: 'my complaints', path: '/api/v1/complaints' },
  { label: 'my payments', path: '/api/v1/payments' },
  { label: 'my messages', path: '/api/v1/messages?limit=20' },
  { label: 'unread count', path: '/api/v1/messages/unread-count' },
];

interface SizeFigures {
  citizens: number;
  records: number;
  fillSeconds: number;
  signInFirst: Figures;
  signInReturning: Figures;
  reads: Map<string, LoadResult>;
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

async function counts(db: Connection): Promise<Map<string, number>> {
  const names = (await db.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const out = new Map<string, number>();
  for (const name of names) out.set(name, await db.collection(name).countDocuments({}));
  return out;
}

async function measure(
  sys: BenchSystem,
  probes: Probe[],
  size: number,
  net: number,
  seconds: number,
): Promise<Omit<SizeFigures, 'citizens' | 'records' | 'fillSeconds'>> {
  // a fresh instance at each size: nothing cached from the smaller database
  const bff = await sys.bff(`bff-growth-${size}`);
  try {
    // sign-in of new citizens, and of citizens the database already holds (the filled ones: o_fill_…)
    const n = 200;
    const fresh = await mintCodesFor(
      sys,
      Array.from({ length: n }, (_, i) => `o_growth_${size}_${i}`),
    );
    const signInFirst = await drive(
      'sign-in, first time',
      fresh.map((code, i) => ({ code, from: `127.${net}.${Math.floor(i / 250)}.${(i % 250) + 1}` })),
      8,
      async ({ code, from }) => (await postFrom(from, `${bff.url}/api/v1/auth/wechat-login`, { code })) === 200,
    );
    const step = Math.max(1, Math.floor(size / n));
    const known = await mintCodesFor(
      sys,
      Array.from({ length: n }, (_, i) => `o_fill_${hex((i * step) % size, 10)}`),
    );
    const signInReturning = await drive(
      'sign-in, returning',
      known.map((code, i) => ({ code, from: `127.${net + 1}.${Math.floor(i / 250)}.${(i % 250) + 1}` })),
      8,
      async ({ code, from }) => (await postFrom(from, `${bff.url}/api/v1/auth/wechat-login`, { code })) === 200,
    );
    if (signInFirst.failed || signInReturning.failed) throw new Error(`sign-in failed: ${signInFirst.failed} first, ${signInReturning.failed} returning`);
    // warm-up: each probe's lists once (connections, the catalog cache)
    for (const p of probes) for (const r of GROWTH_READS) await call(bff.url, 'GET', r.path, { token: p.accessToken });
    const reads = new Map<string, LoadResult>();
    for (const [i, r] of GROWTH_READS.entries()) {
      const p = probes[i % probes.length]!;
      // the better of two runs: this machine is shared, and a moment of someone else's load is not the database's growth
      let best: LoadResult | undefined;
      for (let run = 0; run < 2; run++) {
        const res = await load(r.label, bff.url + r.path, { connections: 4, seconds, headers: { authorization: `Bearer ${p.accessToken}` } });
        if (res.non2xx || res.errors || res.timeouts) throw new Error(`${r.label}: ${res.non2xx} non-2xx, ${res.errors} errors, ${res.timeouts} timeouts`);
        if (!best || res.rps > best.rps) best = res;
      }
      reads.set(r.label, best!);
    }
    return { signInFirst, signInReturning, reads };
  } finally {
    await bff.stop();
  }
}

export async function growthBench(sys: BenchSystem, mongoUri: string, o: { sizes: number[]; seconds: number; probes: number }): Promise<void> {
  const sizes = [...o.sizes].sort((a, b) => a - b);
  console.log(
    `\n5. Growth: ${sizes.map((s) => `${s.toLocaleString('en')} citizens`).join(', then ')} (about 10 records each), ${o.probes} probe citizens, each read twice for ${o.seconds} s at 4 connections (the better run counts)`,
  );
  const setup = await sys.bff('bff-growth-setup');
  const probes: Probe[] = [];
  for (let i = 0; i < o.probes; i++) probes.push(await makeProbe(sys, setup, i));
  await readEvents(setup);
  for (const p of probes) await openTwo(setup, p);
  await setup.stop();

  const db = await mongoose.createConnection(mongoUri, { dbName: sys.dbName }).asPromise();
  try {
    const templates = await readTemplates(db, probes);
    const figures: SizeFigures[] = [];
    let filled = 0;
    for (const [k, size] of sizes.entries()) {
      const t0 = performance.now();
      let last = 0;
      await fillCitizens(db, templates, filled, size - filled, (done) => {
        if (done - last >= 20_000 || done === size - filled) {
          last = done;
          process.stderr.write(
            `   growth: ${(filled + done).toLocaleString('en')} of ${size.toLocaleString('en')} citizens filled, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
          );
        }
      });
      filled = size;
      const fillSeconds = (performance.now() - t0) / 1000;
      const sizesNow = await counts(db);
      const records = [...sizesNow.values()].reduce((a, b) => a + b, 0);
      console.log(`   ${size.toLocaleString('en')} citizens: ${records.toLocaleString('en')} documents in all (filled in ${fillSeconds.toFixed(0)} s)`);
      figures.push({ citizens: size, records, fillSeconds, ...(await measure(sys, probes, size, 20 + 2 * k, o.seconds)) });
    }

    // the table: each request at the smallest and the largest size, the ratio, the floor
    const [small, big] = [figures[0]!, figures[figures.length - 1]!];
    const head = (f: SizeFigures) => `${f.citizens.toLocaleString('en')} citizens`.padStart(22);
    console.log(`\n   ${'request'.padEnd(30)} ${head(small)} ${head(big)}   ratio (mean time, large/small); floor ≤ 1.5`);
    const line = (label: string, a: { rps: number; p50: number; p99: number }, b: { rps: number; p50: number; p99: number }) => {
      const ratio = b.rps > 0 ? a.rps / b.rps : Infinity;
      const cell = (x: { rps: number; p50: number; p99: number }) =>
        `${String(x.rps).padStart(5)}/s p50 ${x.p50.toFixed(0).padStart(3)} p99 ${x.p99.toFixed(0).padStart(3)}`.padStart(22);
      const times = Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'no answer within a run';
      console.log(`   ${label.padEnd(30)} ${cell(a)} ${cell(b)}   ${times}  ${ratio <= 1.5 ? 'holds' : 'MISSES'}`);
      verdict(
        `growth: ${label}`,
        `${times} the time at ${big.citizens.toLocaleString('en')} citizens`,
        `${small.citizens.toLocaleString('en')} citizens`,
        '≤ 1.5×',
        ratio <= 1.5,
      );
    };
    line('sign-in, first time', small.signInFirst, big.signInFirst);
    line('sign-in, returning', small.signInReturning, big.signInReturning);
    for (const r of GROWTH_READS) line(r.label, small.reads.get(r.label)!, big.reads.get(r.label)!);

    // expiry at scale: one round of the sweep, on the business clock
    const before = await counts(db);
    const sweeper = await sys.bff('bff-growth-sweep');
    const swept = await sweeper.ask<{ deleted: number; ms: number }>('sweep', { at: BENCH_START.toISOString() });
    await sweeper.stop();
    const after = await counts(db);
    console.log(
      `\n   one expiry sweep at ${BENCH_START.toISOString()}: ${swept.deleted.toLocaleString('en')} documents deleted in ${(swept.ms / 1000).toFixed(1)} s; collection sizes before → after:`,
    );
    for (const [name, n] of before)
      console.log(`     ${name.padEnd(26)} ${n.toLocaleString('en').padStart(10)} → ${(after.get(name) ?? 0).toLocaleString('en').padStart(10)}`);
  } finally {
    await db.close();
  }
}
