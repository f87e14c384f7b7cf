/**
 * `npx tsx tests/bench/profile-summary.ts <file.cpuprofile> [top]`: where a bff instance's CPU time went (a profile
 * written with BENCH_CPU_PROF=<folder>): self time by package or source folder, then the functions with the most.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const own = /\/work\/[^/]+\/([^/]+\/src\/[^/]+)/.exec(url) ?? /\/(bff|mock|shared|tests)\/(src\/)?/.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url.split('/').slice(-2).join('/');
}

const file = process.argv[2];
if (!file) {
  console.error('用法：npx tsx tests/bench/profile-summary.ts <文件.cpuprofile> [显示前几项，默认 25]');
  process.exit(2);
}
const top = Number(process.argv[3] ?? 25);
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
const busy = total - idle;
const sum = (key: (n: Node) => string) => {
  const m = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') continue;
    m.set(key(n), (m.get(key(n)) ?? 0) + t);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
};
const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)} %)`);
console.log('\nself time by package or folder (share of busy time):');
for (const [k, t] of sum((n) => bucketOf(n.callFrame.url, n.callFrame.functionName)).slice(0, top)) console.log(`${pct(t)}  ${k}`);
console.log('\nfunctions with the most self time:');
for (const [k, t] of sum(
  (n) =>
    `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`,
).slice(0, top))
  console.log(`${pct(t)}  ${k}`);
