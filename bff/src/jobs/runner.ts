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
  async function tick(job: PeriodicJob): Promise<boolean> {
    const now = o.clock();
    const round = Math.floor(now.getTime() / job.everyMs);
    if (!(await o.claims.take(`job:${job.name}:${round}`, o.owner, now, 24 * 3600_000))) return false;
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
