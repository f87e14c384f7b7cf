/**
 * de.bwaldvogel:mongo-java-server from Maven Central, run by our launcher (mongo-java-server/JsbMongoServer.java):
 * in memory for the tests, in an H2 MVStore file for `npm start`. Needs Java ≥ 17 and Maven (scripts/install-system.sh).
 * The jars are fetched once with Maven and the launcher compiled once, both into the cache folder; a changed launcher
 * source is compiled again (its folder is named by the source's hash).
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { publish, run, watchServer, which, withTimeout } from './processes';
import type { MongoHandle, StartMongoOptions } from './mongo';

export const MONGO_JAVA_SERVER_VERSION = '1.47.0';
const SOURCES = path.join(__dirname, 'mongo-java-server');
const LAUNCHER = 'JsbMongoServer';

export interface MongoJavaServer {
  java: string;
  classpath: string;
}

function javaTool(name: 'java' | 'javac', env: NodeJS.ProcessEnv): string | undefined {
  const home = env.JAVA_HOME && path.join(env.JAVA_HOME, 'bin', name);
  return home && existsSync(home) ? home : which(name, env);
}

export async function ensureMongoJavaServer(cache: string, log: (l: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<MongoJavaServer> {
  const dir = path.join(cache, `mongo-java-server-${MONGO_JAVA_SERVER_VERSION}`);
  const lib = path.join(dir, 'lib');
  const source = path.join(SOURCES, `${LAUNCHER}.java`);
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 12);
  const classes = path.join(dir, `classes-${hash}`);
  const java = javaTool('java', env);
  if (!java) throw new Error('Java (≥ 17) is not on PATH or in JAVA_HOME, so mongo-java-server cannot run');
  if (existsSync(lib) && existsSync(classes)) return { java, classpath: `${lib}/*${path.delimiter}${classes}` };

  const javac = javaTool('javac', env);
  if (!javac) throw new Error('javac (a JDK ≥ 17) is not on PATH or in JAVA_HOME, so the mongo-java-server launcher cannot be compiled');
  const major = Number(/(\d+)/.exec(execFileSync(javac, ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))?.[1]);
  if (!(major >= 17)) throw new Error(`mongo-java-server ${MONGO_JAVA_SERVER_VERSION} needs Java 17 or later; ${javac} is ${major}`);
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  if (!existsSync(lib)) {
    const mvn = which('mvn', env);
    if (!mvn) throw new Error('Maven (mvn) is not on PATH, so the mongo-java-server jars cannot be fetched');
    log(`database: fetching mongo-java-server ${MONGO_JAVA_SERVER_VERSION} with Maven (first time only, about 15 s)…`);
    const tmp = mkdtempSync(path.join(dir, 'lib-'));
    await run(
      mvn,
      [
        '-B',
        '-q',
        '-f',
        path.join(SOURCES, 'pom.xml'),
        `-Dmongo-java-server.version=${MONGO_JAVA_SERVER_VERSION}`,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmp}`,
        '-DincludeScope=runtime',
      ],
      { cwd: dir, env },
    );
    publish(tmp, lib);
  }
  if (!existsSync(classes)) {
    const tmp = mkdtempSync(path.join(dir, 'classes-tmp-'));
    await run(javac, ['-d', tmp, '-cp', `${lib}/*`, source], { cwd: dir, env });
    publish(tmp, classes);
  }
  log(`database: mongo-java-server ${MONGO_JAVA_SERVER_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s → ${dir}`);
  return { java, classpath: `${lib}/*${path.delimiter}${classes}` };
}

/**
 * Starts the server: in memory, or in the H2 file `<opts.dataDir>/mongo-java-server/data.mv.db` when a data folder is
 * given (the same folder and port again find the same data: the database-restart drill relies on it).
 */
export async function runMongoJavaServer(built: MongoJavaServer, opts: StartMongoOptions, log: (l: string) => void): Promise<MongoHandle> {
  const folder = opts.dataDir && path.join(opts.dataDir, 'mongo-java-server');
  const file = folder ? path.join(folder, 'data.mv.db') : undefined;
  if (folder) mkdirSync(folder, { recursive: true });
  const child = spawn(
    built.java,
    [
      // the tests keep every file's database in this heap until the file drops it; the growth benchmark's million
      // documents need more (JSB_MONGO_JAVA_HEAP, e.g. 8g)
      `-Xmx${process.env.JSB_MONGO_JAVA_HEAP ?? '2g'}`,
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      built.classpath,
      LAUNCHER,
      '--port',
      String(opts.port ?? 0),
      ...(file ? ['--file', file] : []),
    ],
    // standard input stays open: the launcher exits when it closes, so a parent that dies leaves no JVM behind
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const server = watchServer('mongo-java-server', child);
  const listening = new Promise<number>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^listening on 127\.0\.0\.1:(\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
    });
  });
  const port = await Promise.race([withTimeout(listening, 30_000, 'mongo-java-server did not listen within 30 s'), server.exited]).catch(
    async (err: unknown) => {
      await server.stop(2000);
      throw err;
    },
  );
  const uri = `mongodb://127.0.0.1:${port}/`;
  const where = file ? `H2 file ${file}` : 'in memory';
  log(`database: mongo-java-server ${MONGO_JAVA_SERVER_VERSION} (${where})`);
  return {
    uri,
    kind: 'mongo-java-server',
    description: `mongo-java-server ${MONGO_JAVA_SERVER_VERSION} (${where}, reporting wire version 9) at ${uri}`,
    pid: child.pid,
    // the H2 file is closed cleanly on SIGTERM (the launcher's shutdown hook)
    stop: () => server.stop(10_000),
  };
}
