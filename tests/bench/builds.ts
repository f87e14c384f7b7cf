import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { H5_DIST, openPhone } from '../support/browser';
import { kb, MAIN_PACKAGE_BUDGET, packageSizes } from '../../scripts/lib/weapp-gate';

const ROOT = path.resolve(__dirname, '..', '..');

/** bytes under p, without the precompressed copies (.br, .gz) the H5 build writes next to its assets */
function du(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return /\.(br|gz)$/.test(p) ? 0 : st.size;
  return readdirSync(p).reduce((n, e) => n + du(path.join(p, e)), 0);
}

/** The weapp package: built now; sizes as the weapp gate counts them (main package = outside the subpackage roots). */
export function weappSizes(): void {
  const t = Date.now();
  execFileSync('npm', ['run', 'build:weapp', '-w', 'miniapp'], { cwd: ROOT, stdio: 'ignore' });
  const dist = path.join(ROOT, 'miniapp', 'dist');
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as Parameters<typeof packageSizes>[1];
  const sizes = packageSizes(dist, app);
  console.log(
    `\n4a. weapp build (${((Date.now() - t) / 1000).toFixed(0)} s): main package ${kb(sizes.main)} of WeChat's 2048 KB limit (our budget ${kb(MAIN_PACKAGE_BUDGET)}), total ${kb(sizes.total)}`,
  );
  for (const x of sizes.subpackages) console.log(`    subpackage ${x.root}: ${kb(x.bytes)}`);
}

/** a phone on a middling mobile network (Chrome DevTools' "Fast 3G" figures): 1.6 Mbit/s down, 150 ms round trip */
const MOBILE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface FirstLoad {
  wire: number;
  bytes: number;
  requests: number;
  times: number[];
}

async function firstLoads(s: { bffUrl: string }, runs: number, o: { identity: boolean; mobile: boolean }): Promise<FirstLoad> {
  const out: FirstLoad = { wire: 0, bytes: 0, requests: 0, times: [] };
  for (let i = 0; i < runs; i++) {
    const phone = await openPhone();
    const cdp = await phone.page.context().newCDPSession(phone.page);
    await cdp.send('Network.enable');
    if (o.mobile) await cdp.send('Network.emulateNetworkConditions', MOBILE);
    // the baseline: a browser that accepts no compressed encoding gets the plain files
    if (o.identity) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    // every response's body, awaited before counting (a body read after the count would be missed, or counted late)
    const sizes: Promise<{ body: number; wire: number }>[] = [];
    phone.page.on('response', (res) => {
      sizes.push(
        Promise.all([
          res.body().then(
            (b) => b.length,
            () => 0,
          ),
          res
            .request()
            .sizes()
            .then(
              (z) => z.responseBodySize,
              () => 0,
            ),
        ]).then(([body, wire]) => ({ body, wire })),
      );
    });
    const t0 = Date.now();
    await phone.page.goto(`${s.bffUrl}/`);
    await phone.page.getByText('一次告知').first().waitFor({ timeout: 60_000 });
    out.times.push(Date.now() - t0);
    await phone.page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    out.bytes = all.reduce((a, n) => a + n.body, 0);
    out.wire = all.reduce((a, n) => a + n.wire, 0);
    out.requests = all.length;
    await phone.close();
  }
  out.times.sort((a, b) => a - b);
  return out;
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;

/**
 * First load of 首页 from the H5 build served by the bff: bytes over the wire and time until its content shows, on
 * the loopback and on an emulated mobile network; each next to a browser that takes no compressed encoding (the plain
 * files, as before the build wrote Brotli copies), measured in the same run.
 */
export async function h5FirstLoad(s: { bffUrl: string }, runs = 3): Promise<void> {
  console.log(`4b. H5 first load of 首页 (cold browser profile, ${runs} runs each)`);
  for (const mobile of [false, true]) {
    const plain = await firstLoads(s, runs, { identity: true, mobile });
    const packed = await firstLoads(s, runs, { identity: false, mobile });
    const line = (name: string, x: FirstLoad) =>
      `    ${name.padEnd(34)} ${kb(x.wire).padStart(7)} over the wire (${kb(x.bytes)} uncompressed) in ${x.requests} responses, first render median ${median(x.times)} ms (min ${x.times[0]}, max ${x.times.at(-1)})`;
    console.log(mobile ? '  on an emulated mobile network (1.6 Mbit/s, 150 ms round trip):' : '  on the loopback:');
    console.log(line('plain files (baseline)', plain));
    console.log(line('Brotli (default)', packed));
    console.log(
      `    ratio Brotli/plain: bytes ${(packed.wire / plain.wire).toFixed(2)}, first render ${(median(packed.times) / median(plain.times)).toFixed(2)}`,
    );
  }
  console.log(`    H5 build on disk: ${kb(du(H5_DIST))} (plus its .br and .gz copies)`);
}
