import type { Logger } from '../log';
import type { Lease } from './lease';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  /** does one round of work; must be safe to run again after a crash */
  run(now: Date): Promise<unknown>;
}

/**
 * Runs periodic jobs on every instance, but each round only where this instance holds the job's lease.
 * `tick` is exported so tests can drive rounds with their own clock instead of waiting on timers.
 */
export function createJobRunner(o: { jobs: PeriodicJob[]; lease: Lease; clock: () => Date; log: Logger }) {
  const timers: NodeJS.Timeout[] = [];
  async function tick(job: PeriodicJob): Promise<boolean> {
    const now = o.clock();
    if (!(await o.lease.acquire(job.name, now, Math.max(job.everyMs * 2, 30_000)))) return false;
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
        const t = setInterval(() => void tick(job), job.everyMs);
        t.unref();
        timers.push(t);
      }
    },
    stop() {
      for (const t of timers.splice(0)) clearInterval(t);
    },
  };
}
