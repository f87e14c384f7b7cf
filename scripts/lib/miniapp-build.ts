import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The two builds of the Taro app: WeChat's mini-program (`miniapp/dist`) and the browser (`miniapp/dist-h5`). */
export type MiniappTarget = 'weapp' | 'h5';

const OUTPUT: Record<MiniappTarget, { dir: string; marker: string }> = {
  weapp: { dir: 'dist', marker: 'app.json' },
  h5: { dir: 'dist-h5', marker: 'index.html' },
};

export function miniappDist(root: string, target: MiniappTarget): string {
  return path.join(root, 'miniapp', OUTPUT[target].dir);
}

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('dist') || e.name === '.swc') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when the build exists and is newer than every source it is built from (the app, its config, shared/). */
export function isBuildFresh(root: string, target: MiniappTarget): boolean {
  const marker = path.join(miniappDist(root, target), OUTPUT[target].marker);
  if (!existsSync(marker)) return false;
  const built = statSync(marker).mtimeMs;
  const sources = Math.max(
    newest(path.join(root, 'miniapp', 'src')),
    newest(path.join(root, 'miniapp', 'config')),
    statSync(path.join(root, 'miniapp', 'package.json')).mtimeMs,
    newest(path.join(root, 'shared', 'src')),
  );
  return built > sources;
}

/** `npm run build:<target> -w miniapp` as a production build; rejects with the tail of its output. */
export function buildMiniapp(root: string, target: MiniappTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', `build:${target}`, '-w', 'miniapp'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let out = '';
    const keep = (d: Buffer) => (out = (out + d.toString()).slice(-6000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the ${target} build failed (exit ${code}):\n${out}`))));
  });
}
