import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * The child side of BENCH_CPU_PROF: `profile` starts V8's sampling profiler, `stop` writes what it saw since to
 * BENCH_PROFILE_FILE (read it with profile-summary.ts). Without BENCH_PROFILE_FILE both do nothing. Only the timed part
 * of a benchmark is profiled, not the start-up.
 */
export function profilerHandlers(): Record<string, () => Promise<unknown>> {
  const file = process.env.BENCH_PROFILE_FILE;
  if (!file) return { profile: async () => false, stop: async () => false };
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, r) => (err ? reject(err) : resolve(r as T))));
  return {
    profile: async () => {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return true;
    },
    stop: async () => {
      const { profile } = await post<{ profile: unknown }>('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}
