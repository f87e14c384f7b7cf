/**
 * The benchmark's child processes. A server under test never shares its event loop with the load that drives it: the
 * bench process only sends requests and counts; the mocks, each bff instance and the bare Koa baseline run in their
 * own Node processes (on 127.0.0.1), as they would on a real machine. A child prints one `READY {json}` line on stdout
 * when it listens, answers `{ type }` messages over IPC, and exits on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const CHILDREN = path.join(__dirname, 'children');

export interface Child<R> {
  name: string;
  pid: number;
  ready: R;
  /** one request/answer over IPC (the child's `process.on('message')`) */
  ask<T>(type: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  /** the child writes `<name>.cpuprofile` there: a V8 CPU profile of what runs between `profile` and `stop` (profiler.ts) */
  cpuProfDir?: string;
}

/** Starts `children/<script>.ts` under tsx and waits for its READY line (60 s at most). */
export function startChild<R>(name: string, script: string, o: ChildOptions): Promise<Child<R>> {
  const args = ['--import', 'tsx', path.join(CHILDREN, `${script}.ts`)];
  if (o.cpuProfDir) mkdirSync(o.cpuProfDir, { recursive: true });
  const env = { ...process.env, ...o.env, ...(o.cpuProfDir ? { BENCH_PROFILE_FILE: path.join(o.cpuProfDir, `${name}.cpuprofile`) } : {}) };
  const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (proc.kill('SIGKILL'), reject(new Error(`${name} did not start within 60 s: ${stderr}`))), 60_000);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${signal ?? code} before it was ready: ${stderr}`));
    });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      resolve(wrap<R>(name, proc, JSON.parse(line.slice(6)) as R, () => stderr));
    });
  });
}

function wrap<R>(name: string, proc: ChildProcess, ready: R, stderr: () => string): Child<R> {
  let seq = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  proc.on('message', (m: { id: number; body: unknown }) => waiting.get(m.id)?.(m.body));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    name,
    pid: proc.pid!,
    ready,
    ask<T>(type: string, body?: unknown) {
      const id = ++seq;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, (v) => (waiting.delete(id), resolve(v as T)));
        proc.send({ id, type, body }, (err) => err && reject(err));
      });
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => {
        process.stderr.write(`${name} did not stop within 15 s, killed; its last words: ${stderr()}\n`);
        proc.kill('SIGKILL');
      }, 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** The child side: answers the parent's IPC questions with `handlers[type](body)`. */
export function answerParent(handlers: Record<string, (body: unknown) => unknown>): void {
  process.on('message', (m: { id: number; type: string; body: unknown }) => {
    void Promise.resolve(handlers[m.type]?.(m.body)).then((body) => process.send?.({ id: m.id, body }));
  });
}

/** The child side: READY, then a clean exit on SIGTERM or when the parent goes. */
export function ready(info: unknown, close: () => Promise<void>): void {
  process.stdout.write(`READY ${JSON.stringify(info)}\n`);
  process.once('SIGTERM', () => {
    void close().finally(() => process.exit(0));
  });
  process.once('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
}
