/**
 * `npm test`'s jest runs, one per MongoDB emulator: every project on the default one (scripts/lib/mongo.ts), then the
 * projects that talk to the database — integration, drills, security — on the other, so that code relying on one
 * emulator's quirks fails (README, "The database"). The unit and browser projects run once. With MONGODB_URI or
 * JSB_DATABASE set, everything runs once, on that server.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMULATORS } from './mongo';

const CROSS_SERVER_PROJECTS = ['integration', 'drills', 'security'];

interface JestRun {
  server: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** the values given to --selectProjects in the caller's jest arguments, if any */
function selectedProjects(args: string[]): string[] | undefined {
  const i = args.indexOf('--selectProjects');
  if (i < 0) return undefined;
  const rest = args.slice(i + 1);
  const end = rest.findIndex((a) => a.startsWith('-'));
  return end < 0 ? rest : rest.slice(0, end);
}

function jestRuns(jestArgs: string[], env: NodeJS.ProcessEnv = process.env): JestRun[] {
  if (env.MONGODB_URI || env.JSB_DATABASE) return [{ server: env.MONGODB_URI ? 'MONGODB_URI' : env.JSB_DATABASE!, args: jestArgs, env }];
  const [first, ...others] = EMULATORS;
  const wanted = selectedProjects(jestArgs);
  const again = wanted ? CROSS_SERVER_PROJECTS.filter((p) => wanted.includes(p)) : CROSS_SERVER_PROJECTS;
  const rest = wanted ? jestArgs.filter((a) => !wanted.includes(a) && a !== '--selectProjects') : jestArgs;
  return [
    { server: first, args: jestArgs, env: { ...env, JSB_DATABASE: first } },
    ...(again.length
      ? others.map((server) => ({ server, args: ['--selectProjects', ...again, '--passWithNoTests', ...rest], env: { ...env, JSB_DATABASE: server } }))
      : []),
  ];
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Runs each jest run in turn (all of them, even after a failure: a finding shows on which server); true if all passed. */
export function runJestOnEachDatabase(root: string, jestArgs: string[]): boolean {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let ok = true;
  for (const [i, run] of jestRuns(jestArgs).entries()) {
    const started = Date.now();
    const results = path.join(os.tmpdir(), `jsb-jest-${process.pid}-${i}.json`);
    console.log(`\n▶ jest on ${run.server}${run.args.length ? ` (${run.args.join(' ')})` : ''}`);
    const r = spawnSync('npx', ['jest', '--ci', '--json', `--outputFile=${results}`, ...run.args], { cwd: root, stdio: 'inherit', env: run.env });
    const counts = readCounts(results);
    rmSync(results, { force: true });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (r.status === 0) console.log(`✓ jest on ${run.server} (${seconds} s)`);
    else console.error(`✗ jest on ${run.server} failed (exit ${r.status ?? r.signal}, ${seconds} s)`);
    ok &&= r.status === 0;
    if (counts) for (const k of ['passed', 'failed', 'skipped'] as const) total[k] += counts[k];
    // a run that failed without a failed test (it crashed, or a suite failed to load) still counts as a failure
    if (r.status !== 0 && !counts?.failed) total.failed += 1;
  }
  // the plain closing line CI reads, for all the runs together (each run printed its own above)
  console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  return ok;
}

function readCounts(file: string): Counts | undefined {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numRuntimeErrorTestSuites?: number;
    };
    return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0), skipped: j.numPendingTests + j.numTodoTests };
  } catch {
    return undefined;
  }
}
