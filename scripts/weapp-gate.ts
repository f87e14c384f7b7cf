/**
 * `npm run check:weapp`: builds the WeChat mini-program when its sources changed, then checks it as WeChat DevTools
 * would before a preview or upload (scripts/lib/weapp-gate.ts). Exits 1 listing every problem.
 */
import path from 'node:path';
import { buildMiniapp, isBuildFresh, miniappDist } from './lib/miniapp-build';
import { checkWeappBuild } from './lib/weapp-gate';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  if (!isBuildFresh(root, 'weapp')) {
    const t = Date.now();
    await buildMiniapp(root, 'weapp');
    console.log(`weapp built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const { problems, passed } = checkWeappBuild(miniappDist(root, 'weapp'));
  for (const line of passed) console.log(`  ✓ ${line}`);
  for (const line of problems) console.error(`  ✗ ${line}`);
  if (problems.length) {
    console.error(`\nWeChat would refuse this build: ${problems.length} problem(s).`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
