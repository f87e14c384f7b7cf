import { readFileSync } from 'node:fs';

/** CPU seconds a process has used so far (user + system, all its threads), from /proc; 0 where there is no /proc. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Measures the CPU each named process spends while `work` runs; returns ms per unit of work. */
export async function cpuPer<T>(
  pids: Record<string, number | undefined>,
  units: number,
  work: () => Promise<T>,
): Promise<{ result: T; ms: Record<string, number> }> {
  const known = Object.entries(pids).filter((e): e is [string, number] => e[1] !== undefined);
  const before = known.map(([, pid]) => cpuSeconds(pid));
  const result = await work();
  const ms: Record<string, number> = {};
  known.forEach(([name, pid], i) => (ms[name] = ((cpuSeconds(pid) - before[i]!) * 1000) / units));
  return { result, ms };
}

export const showCpu = (ms: Record<string, number>) =>
  Object.entries(ms)
    .map(([k, v]) => `${k} ${v.toFixed(2)} ms`)
    .join(', ');
