/**
 * The floors of issue 14: every figure is printed next to its baseline from the same run and the floor it must meet;
 * `verdict` records whether it holds, `printVerdicts` lists them all at the end of the run. A benchmark is never a
 * test: a missed floor is reported, and the run's exit code stays 0.
 */
interface Verdict {
  name: string;
  figure: string;
  baseline: string;
  floor: string;
  holds: boolean;
}

const verdicts: Verdict[] = [];

export function verdict(name: string, figure: string, baseline: string, floor: string, holds: boolean): void {
  verdicts.push({ name, figure, baseline, floor, holds });
  console.log(`   → ${name}: ${figure} (baseline: ${baseline}; floor ${floor}): ${holds ? 'holds' : 'MISSES'}`);
}

export function printVerdicts(): void {
  if (!verdicts.length) return;
  console.log(`\nFloors (issue 14): ${verdicts.filter((v) => v.holds).length} of ${verdicts.length} hold`);
  for (const v of verdicts) console.log(`  ${v.holds ? 'holds ' : 'MISSES'}  ${v.name}: ${v.figure}; floor ${v.floor}; baseline ${v.baseline}`);
}
