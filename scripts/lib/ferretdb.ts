/** FerretDB v1.24.2 with its SQLite backend, built once from the Go module proxy into the cache folder. */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { freePort, run, waitForPort, watchServer, which } from './processes';
import type { MongoHandle, StartMongoOptions } from './mongo';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

/**
 * `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at start
 * ("Invalid build/version/version.txt"): FerretDB's main package expects the generated file that its own
 * task runner writes. So we download the module through the Go proxy, copy it, write version.txt
 * as `bin/task gen-version` would, and `go install` from that copy. Built once, then cached.
 */
export async function ensureFerretdb(cache: string, log: (l: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = path.join(cache, `ferretdb-${FERRETDB_VERSION}`);
  const bin = path.join(dir, 'bin', 'ferretdb');
  if (existsSync(bin)) return bin;
  const go = which('go', env) ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) throw new Error('Go is not on PATH, so FerretDB cannot be built');
  const started = Date.now();
  log(`database: building FerretDB ${FERRETDB_VERSION} with Go (first time only, 1–3 minutes)…`);
  const goEnv = { ...env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
  const info = JSON.parse(execFileSync(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], { env: goEnv, encoding: 'utf8' })) as {
    Dir?: string;
    Error?: string;
  };
  if (!info.Dir) throw new Error(`go mod download failed: ${info.Error ?? 'no module directory'}`);
  log(`database: … FerretDB source downloaded, compiling`);
  mkdirSync(dir, { recursive: true });
  const src = mkdtempSync(path.join(dir, 'src-'));
  try {
    cpSync(info.Dir, src, { recursive: true });
    makeWritable(src);
    writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    const heartbeat = setInterval(() => log(`database: … still compiling FerretDB (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
    try {
      await run(go, ['install', '-trimpath', './cmd/ferretdb'], { cwd: src, env: { ...goEnv, GOBIN: path.join(dir, 'bin') } });
    } finally {
      clearInterval(heartbeat);
    }
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  log(`database: FerretDB ${FERRETDB_VERSION} built in ${Math.round((Date.now() - started) / 1000)} s → ${bin}`);
  return bin;
}

function makeWritable(p: string): void {
  const st = statSync(p);
  chmodSync(p, st.mode | 0o200);
  if (st.isDirectory()) for (const e of readdirSync(p)) makeWritable(path.join(p, e));
}

/** Starts FerretDB on SQLite files in `<opts.dataDir>/ferretdb` (a fresh temporary folder, removed at stop, without one). */
export async function runFerretdb(bin: string, opts: StartMongoOptions, log: (l: string) => void): Promise<MongoHandle> {
  const temporary = !opts.dataDir;
  const dataDir = opts.dataDir ? path.join(opts.dataDir, 'ferretdb') : mkdtempSync(path.join(os.tmpdir(), 'jsb-ferretdb-'));
  mkdirSync(dataDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
      '--log-format=json',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const server = watchServer('FerretDB', child);
  await Promise.race([waitForPort(port, 20_000), server.exited]);
  const uri = `mongodb://127.0.0.1:${port}/`;
  log(`database: FerretDB ${FERRETDB_VERSION} (SQLite in ${dataDir})`);
  return {
    uri,
    kind: 'ferretdb',
    description: `FerretDB ${FERRETDB_VERSION} (SQLite backend) at ${uri}`,
    pid: child.pid,
    stop: async () => {
      await server.stop(5000);
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
