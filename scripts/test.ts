/**
 * `npm test`: type-check, lint (code and styles), build the WeChat mini-program and check it with WeChat's compilers,
 * build the H5 bundle the browser tests drive, then every jest project (unit, integration over real HTTP and a real
 * MongoDB-compatible server, browser in Chromium, weapp in a mini-program runtime).
 * Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildH5, h5IsFresh } from './lib/h5';
import { runJestOnEachDatabase } from './lib/test-databases';

const root = path.resolve(__dirname, '..');

function step(name: string, cmd: string, args: string[]): void {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  const jestArgs = process.argv.slice(2);
  if (!process.env.JSB_SKIP_STATIC_CHECKS) {
    step('typecheck', 'npx', ['tsc', '-b']);
    step('lint', 'npm', ['run', 'lint']);
  }
  // the WeChat build as WeChat DevTools would take it: wcc/wcsc, pages, tab bar, sizes (scripts/weapp-gate.ts)
  step('weapp gate', 'npx', ['tsx', 'scripts/weapp-gate.ts']);
  if (!h5IsFresh(root)) {
    console.log('\n▶ H5 build');
    const t = Date.now();
    await buildH5(root);
    console.log(`✓ H5 build (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  if (!runJestOnEachDatabase(root, jestArgs)) process.exit(1);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
