import type { Logger } from '../log';
import type { Claims } from '../db/claims';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  /** does one round of work; must be safe to run again after a crash */
  run(now: Date): Promise<unknown>;
}

/**
 * Runs periodic jobs on every bff instance; each round (a window of `everyMs`) runs on exactly one of them:
 * the instance that takes the round's claim first. `tick` is exported so tests can drive rounds with their own
 * clock instead of waiting on timers.
 */
export function createJobRunner(o: { jobs: PeriodicJob[]; claims: Claims; owner: string; clock: () => Date; log: Pick<Logger, 'info' | 'error'> }) {
  const timers: NodeJS.Timeout[] = [];
  /**
   * Jobs whose round is still running on this instance. A round slower than its interval (the database away, a slow
   * upstream) must not be joined by the next tick here: rounds that pile up redo the same work at once and, when the
   * database comes back, all hit it together (the event drill showed dozens of feed reads finishing in the same
   * millisecond). Across instances the round claims decide; this only keeps one instance from racing itself. A round
   * that has hung for a minute (a call that never settles) no longer holds the next ones back.
   */
  const running = new Map<string, number>();
  async function tick(job: PeriodicJob): Promise<boolean> {
    const since = running.get(job.name);
    if (since !== undefined && Date.now() - since < Math.max(60_000, 20 * job.everyMs)) return false;
    const started = Date.now();
    running.set(job.name, started);
    try {
      return await round(job);
    } finally {
      if (running.get(job.name) === started) running.delete(job.name);
    }
  }
  async function round(job: PeriodicJob): Promise<boolean> {
    const now = o.clock();
    const window = Math.floor(now.getTime() / job.everyMs);
    if (!(await o.claims.take(`job:${job.name}:${window}`, o.owner, now, 24 * 3600_000))) return false;
    try {
      const result = await job.run(now);
      if (result) o.log.info({ job: job.name, result }, 'job round');
      return true;
    } catch (err) {
      o.log.error({ err, job: job.name }, 'job round failed');
      return false;
    }
  }
  return {
    tick,
    start() {
      for (const job of o.jobs) {
        const t = setInterval(() => void tick(job).catch((err: unknown) => o.log.error({ err, job: job.name }, 'job tick failed')), job.everyMs);
        t.unref();
        timers.push(t);
      }
    },
    stop() {
      for (const t of timers.splice(0)) clearInterval(t);
    },
  };
}
