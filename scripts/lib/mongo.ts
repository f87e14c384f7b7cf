/**
 * Finds a MongoDB-compatible server for `npm start` and the tests, in the order of ARCHITECTURE.md:
 * 1. MONGODB_URI if set;
 * 2. a real mongod through mongodb-memory-server, when it can get a binary (a `mongod` on PATH, or a download);
 * 3. FerretDB v1.24.2 with its SQLite backend, built once from the Go module proxy into a cache folder;
 * 4. otherwise a clear error that says how to provide MongoDB.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, cpSync, chmodSync, writeFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type MongoKind = 'external' | 'mongod' | 'ferretdb';
export interface MongoHandle {
  uri: string;
  kind: MongoKind;
  /** human-readable description, e.g. "FerretDB v1.24.2 (SQLite) at …" */
  description: string;
  /** pid of a child server process we started, if any (tests pass it to teardown) */
  pid?: number;
  stop(): Promise<void>;
}
export interface StartMongoOptions {
  /** where FerretDB keeps its SQLite files; a fresh temporary folder when omitted */
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.JSB_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'jishiban');
}

export async function startMongo(opts: StartMongoOptions = {}): Promise<MongoHandle> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (env.MONGODB_URI) {
    return { uri: env.MONGODB_URI, kind: 'external', description: `MONGODB_URI (${redactUri(env.MONGODB_URI)})`, stop: async () => {} };
  }
  const real = await tryMongod(log, env);
  if (real) return real;
  const problems: string[] = [];
  try {
    const bin = await ensureFerretdb(log, env);
    return await runFerretdb(bin, opts, log);
  } catch (err) {
    problems.push(`FerretDB: ${(err as Error).message}`);
  }
  throw new Error(
    [
      'No MongoDB-compatible server is available.',
      ...problems.map((p) => `  - ${p}`),
      'Provide one of:',
      '  - MONGODB_URI=mongodb://127.0.0.1:27017 (a running MongoDB 4.2+ or FerretDB);',
      '  - a `mongod` binary on PATH (or MONGOMS_SYSTEM_BINARY=/path/to/mongod);',
      '  - Go ≥ 1.22 on PATH with access to the Go module proxy, so FerretDB can be built once.',
    ].join('\n'),
  );
}

function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, '//***@');
}

async function tryMongod(log: (l: string) => void, env: NodeJS.ProcessEnv): Promise<MongoHandle | null> {
  if (env.JSB_SKIP_MONGOD === '1') return null;
  const systemBinary = env.MONGOMS_SYSTEM_BINARY ?? which('mongod', env);
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    // it prints a whole stack trace through console.warn when it cannot download; our one line says enough
    const warn = console.warn;
    console.warn = () => {};
    let server;
    try {
      server = await withTimeout(MongoMemoryServer.create(systemBinary ? { binary: { systemBinary } } : {}), 20_000, 'mongodb-memory-server did not start in 20 s');
    } finally {
      console.warn = warn;
    }
    const uri = server.getUri();
    return {
      uri,
      kind: 'mongod',
      description: `mongod via mongodb-memory-server at ${uri}`,
      stop: async () => {
        await server.stop();
      },
    };
  } catch (err) {
    log(`database: no real mongod here (${firstLine((err as Error).message)}); trying FerretDB`);
    return null;
  }
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').slice(0, 160);
}

function which(bin: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, bin);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/**
 * `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at start
 * ("Invalid build/version/version.txt"): FerretDB's main package expects the generated file that its own
 * task runner writes. So we download the module through the Go proxy, copy it, write version.txt
 * as `bin/task gen-version` would, and `go install` from that copy. Built once, then cached.
 */
export async function ensureFerretdb(log: (l: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = path.join(cacheDir(env), `ferretdb-${FERRETDB_VERSION}`);
  const bin = path.join(dir, 'bin', 'ferretdb');
  if (existsSync(bin)) return bin;
  const go = which('go', env) ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) throw new Error('Go is not on PATH, so FerretDB cannot be built');
  const started = Date.now();
  log(`database: building FerretDB ${FERRETDB_VERSION} with Go (first time only, 1–3 minutes)…`);
  const goEnv = { ...env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
  const info = JSON.parse(
    execFileSync(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], { env: goEnv, encoding: 'utf8' }),
  ) as { Dir?: string; Error?: string };
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

function run(cmd: string, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...o, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

async function runFerretdb(bin: string, opts: StartMongoOptions, log: (l: string) => void): Promise<MongoHandle> {
  const temporary = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'jsb-ferretdb-'));
  mkdirSync(dataDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn(
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
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`FerretDB exited with ${code} before it was ready: ${stderr}`))),
  );
  await Promise.race([waitForPort(port, 20_000), exited]);
  const uri = `mongodb://127.0.0.1:${port}/`;
  log(`database: FerretDB ${FERRETDB_VERSION} (SQLite in ${dataDir})`);
  return {
    uri,
    kind: 'ferretdb',
    description: `FerretDB ${FERRETDB_VERSION} (SQLite backend) at ${uri}`,
    pid: child.pid,
    stop: async () => {
      exited.catch(() => {});
      if (child.exitCode === null) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await withTimeout(gone, 5000, 'FerretDB did not stop').catch(() => child.kill('SIGKILL'));
      }
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ port, host: '127.0.0.1' });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<never>((_, rej) => (t = setTimeout(() => rej(new Error(message)), ms)))]).finally(() =>
    clearTimeout(t),
  );
}
