/**
 * `npm run bench`: prints figures, measured in this run, on this machine, each next to its baseline from the same run
 * (all traffic on 127.0.0.1). Every server under test runs in its own process (tests/bench/procs.ts); this process
 * only drives the load.
 *  1. slots   Signed-in slot listing (cached) through a bff instance next to a bare Koa server answering the same JSON.
 *  2. burst   500 concurrent booking attempts by 500 citizens at one 20-seat slot, next to the core's own throughput.
 *  3. signin  Sign-in next to the jscode2session call alone; database round trips and upstream calls per sign-in.
 *  4. builds  The weapp build's main package and total; the H5 first load of 首页 in Chromium.
 *  5. growth  Sign-in, slot listing and every "my …" list at two database sizes (growth.ts), then one expiry sweep.
 *             Not in the default run (it fills the database with about a million documents): BENCH_ONLY=growth.
 * Every figure is printed with its baseline and floor, and the floors are listed at the end (floors.ts).
 * Options: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default "64,256"), BENCH_BURST (500), BENCH_SIGNINS (400),
 * BENCH_GROWTH (citizens at each size, default "1000,100000"), BENCH_GROWTH_SECONDS (3), BENCH_GROWTH_PROBES (6),
 * BENCH_SKIP_BUILDS=1, BENCH_CPU_PROF=<folder>
 * (each bff instance and the mocks write a CPU profile there), BENCH_ONLY (a comma list of slots, burst, signin,
 * builds, growth; default all but growth).
 */
import { cpus, loadavg } from 'node:os';
import { startMongo } from '../../scripts/lib/mongo';
import { H5_DIST } from '../support/browser';
import { slotListing } from './slots';
import { bookingBurst } from './burst';
import { signInBench } from './signin';
import { h5FirstLoad, weappSizes } from './builds';
import { startSystem } from './system';
import { growthBench } from './growth';
import { printVerdicts } from './floors';

const PARTS = ['slots', 'burst', 'signin', 'builds', 'growth'] as const;
const DEFAULT_PARTS: Part[] = ['slots', 'burst', 'signin', 'builds'];
type Part = (typeof PARTS)[number];

function wantedParts(): Set<Part> {
  const raw = process.env.BENCH_ONLY;
  if (!raw) return new Set(DEFAULT_PARTS);
  const asked = raw
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const unknown = asked.filter((x) => !(PARTS as readonly string[]).includes(x));
  if (unknown.length) {
    console.error(`BENCH_ONLY 里有不认识的部分：${unknown.join(', ')}。可选：${PARTS.join(', ')}（用逗号分隔，例如 BENCH_ONLY=slots,signin）。`);
    process.exit(2);
  }
  return new Set(asked as Part[]);
}

function positive(name: string, fallback: number): number {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`${name}=${process.env[name]} 不是正整数。请改为正整数，或不设置（默认 ${fallback}）。`);
    process.exit(2);
  }
  return v;
}

async function main(): Promise<void> {
  const wanted = wantedParts();
  const seconds = positive('BENCH_SECONDS', 10);
  const connections = (process.env.BENCH_CONNECTIONS ?? '64,256').split(',').map(Number);
  // mongo-java-server keeps the growth part's million documents in its heap (2 GB by default, not enough for them)
  if (wanted.has('growth')) process.env.JSB_MONGO_JAVA_HEAP ??= '8g';
  const mongo = await startMongo({ log: (l) => console.error(l) });
  console.log(`济时办 benchmark — ${new Date().toISOString()} — database: ${mongo.description}`);
  console.log(
    `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; bff with NODE_ENV=test, response checks off, logs at warn`,
  );
  try {
    const sys = await startSystem(mongo, 'main');
    try {
      if (wanted.has('slots')) await slotListing(sys, { seconds, connections });
      if (wanted.has('burst')) await bookingBurst(sys, positive('BENCH_BURST', 500));
      if (wanted.has('signin')) await signInBench(sys, positive('BENCH_SIGNINS', 400), 32);
      if (wanted.has('builds') && process.env.BENCH_SKIP_BUILDS !== '1') {
        weappSizes();
        const web = await sys.bff('bff-h5', { H5_DIST });
        await h5FirstLoad({ bffUrl: web.url });
        await web.stop();
      }
      if (wanted.has('growth')) {
        const sizes = (process.env.BENCH_GROWTH ?? '1000,100000').split(',').map(Number);
        if (sizes.length < 2 || sizes.some((x) => !Number.isInteger(x) || x <= 0)) {
          console.error(`BENCH_GROWTH=${process.env.BENCH_GROWTH} 应为至少两个用逗号分隔的正整数（市民人数），例如 1000,100000。`);
          process.exit(2);
        }
        await growthBench(sys, mongo.uri, { sizes, seconds: positive('BENCH_GROWTH_SECONDS', 3), probes: positive('BENCH_GROWTH_PROBES', 6) });
      }
      printVerdicts();
    } finally {
      await sys.close();
    }
  } finally {
    await mongo.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
