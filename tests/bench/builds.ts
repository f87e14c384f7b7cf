import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Stack } from '../support/stack';
import { H5_DIST, openPhone } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');

function du(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((n, e) => n + du(path.join(p, e)), 0);
}

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

/** The weapp package: built now; the main package is everything outside the subpackage roots in app.json. */
export function weappSizes(): void {
  const t = Date.now();
  execFileSync('npm', ['run', 'build:weapp', '-w', 'miniapp'], { cwd: ROOT, stdio: 'ignore' });
  const dist = path.join(ROOT, 'miniapp', 'dist');
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const subs = (app.subPackages ?? app.subpackages ?? []).map((p) => ({ root: p.root, bytes: du(path.join(dist, p.root)) }));
  const total = du(dist);
  const main = total - subs.reduce((n, x) => n + x.bytes, 0);
  console.log(`\n4a. weapp build (${((Date.now() - t) / 1000).toFixed(0)} s): main package ${kb(main)} of WeChat's 2048 KB limit, total ${kb(total)}`);
  for (const x of subs) console.log(`    subpackage ${x.root}: ${kb(x.bytes)}`);
}

/** First load of 首页 from the H5 build served by the bff: bytes over the wire and time until its content shows. */
export async function h5FirstLoad(s: Stack, runs = 3): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const phone = await openPhone();
    let b = 0;
    let r = 0;
    phone.page.on('response', async (res) => {
      r++;
      b += (await res.body().catch(() => Buffer.alloc(0))).length;
    });
    const t0 = Date.now();
    await phone.page.goto(`${s.bffUrl}/`);
    await phone.page.getByText('一次告知').first().waitFor();
    times.push(Date.now() - t0);
    await phone.page.waitForLoadState('networkidle');
    bytes = b;
    requests = r;
    await phone.close();
  }
  times.sort((a, b) => a - b);
  console.log(`4b. H5 first load of 首页 (cold browser profile, ${runs} runs): ${kb(bytes)} in ${requests} responses (uncompressed), first render median ${times[Math.floor(runs / 2)]} ms (min ${times[0]}, max ${times[runs - 1]})`);
  console.log(`    H5 build on disk: ${kb(du(H5_DIST))}`);
}
