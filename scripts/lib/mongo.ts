/**
 * Finds a MongoDB-compatible server for `npm start` and the tests (README, "The database"):
 * 1. MONGODB_URI if set;
 * 2. JSB_DATABASE=mongo-java-server|ferretdb if set: that server and no other (an error if it cannot start);
 * 3. a real mongod through mongodb-memory-server, when it can get a binary (a `mongod` on PATH, or a download);
 * 4. the default emulator, mongo-java-server (Maven Central, run on Java 17), then FerretDB v1.24.2 (SQLite, built
 *    with Go); each is fetched or built once into the cache folder;
 * 5. otherwise a clear error that says how to provide MongoDB.
 */
import os from 'node:os';
import path from 'node:path';
import { ensureFerretdb, runFerretdb } from './ferretdb';
import { ensureMongoJavaServer, runMongoJavaServer } from './mongo-java-server';
import { which, withTimeout } from './processes';

export { freePort } from './processes';

/** the MongoDB emulators the helper can start itself, the default first (why: README, "The database") */
export const EMULATORS = ['mongo-java-server', 'ferretdb'] as const;
export type Emulator = (typeof EMULATORS)[number];

export type MongoKind = 'external' | 'mongod' | Emulator;
export interface MongoHandle {
  uri: string;
  kind: MongoKind;
  /** human-readable description, e.g. "FerretDB v1.24.2 (SQLite backend) at …" */
  description: string;
  /** pid of a child server process we started, if any (tests pass it to teardown) */
  pid?: number;
  stop(): Promise<void>;
}
export interface StartMongoOptions {
  /** a folder for data kept across starts: each server uses its own subfolder (`ferretdb/`, `mongo-java-server/`); none: a temporary folder or memory */
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.JSB_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'jishiban');
}

/** JSB_DATABASE, checked: an emulator's name, or undefined when unset */
function chosenEmulator(env: NodeJS.ProcessEnv = process.env): Emulator | undefined {
  const v = env.JSB_DATABASE;
  if (!v) return undefined;
  if (!(EMULATORS as readonly string[]).includes(v)) throw new Error(`JSB_DATABASE=${v} is not one of ${EMULATORS.join(', ')}`);
  return v as Emulator;
}

export async function startMongo(opts: StartMongoOptions = {}): Promise<MongoHandle> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (env.MONGODB_URI) {
    return { uri: env.MONGODB_URI, kind: 'external', description: `MONGODB_URI (${redactUri(env.MONGODB_URI)})`, stop: async () => {} };
  }
  const chosen = chosenEmulator(env);
  if (chosen) return startEmulator(chosen, opts, log, env);
  const real = await tryMongod(log, env);
  if (real) return real;
  const problems: string[] = [];
  for (const emulator of EMULATORS) {
    try {
      return await startEmulator(emulator, opts, log, env);
    } catch (err) {
      problems.push(`${emulator}: ${firstLine((err as Error).message)}`);
      log(`database: ${emulator} is not available (${firstLine((err as Error).message)})`);
    }
  }
  throw new Error(
    [
      'No MongoDB-compatible server is available.',
      ...problems.map((p) => `  - ${p}`),
      'Provide one of:',
      '  - MONGODB_URI=mongodb://127.0.0.1:27017 (a running MongoDB 4.4+);',
      '  - a `mongod` binary on PATH (or MONGOMS_SYSTEM_BINARY=/path/to/mongod);',
      '  - Java ≥ 17 and Maven with access to Maven Central, so mongo-java-server can be fetched once;',
      '  - Go ≥ 1.22 on PATH with access to the Go module proxy, so FerretDB can be built once.',
      '(`bash scripts/install-system.sh` installs Java, Maven and Go on Debian.)',
    ].join('\n'),
  );
}

async function startEmulator(emulator: Emulator, opts: StartMongoOptions, log: (l: string) => void, env: NodeJS.ProcessEnv): Promise<MongoHandle> {
  const cache = cacheDir(env);
  if (emulator === 'ferretdb') return runFerretdb(await ensureFerretdb(cache, log, env), opts, log);
  return runMongoJavaServer(await ensureMongoJavaServer(cache, log, env), opts, log);
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
      server = await withTimeout(
        MongoMemoryServer.create(systemBinary ? { binary: { systemBinary } } : {}),
        20_000,
        'mongodb-memory-server did not start in 20 s',
      );
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
    log(`database: no real mongod here (${firstLine((err as Error).message)}); trying ${EMULATORS.join(', then ')}`);
    return null;
  }
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').slice(0, 160);
}
