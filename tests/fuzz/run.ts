/**
 * Fuzzing the bff with schemathesis (PyPI) against its own OpenAPI 3.1 document, signed in as a real-name verified
 * citizen who has something of every kind (tests/support/seed.ts), so list and detail operations answer with data.
 * Checks: no 5xx (not_a_server_error), every answer matches the schema documented for its status
 * (response_schema_conformance) and its status is documented (status_code_conformance).
 *
 * Run by tests/integration/fuzz.test.ts (CI: bounded examples and time) or by hand:
 *   npx tsx tests/fuzz/run.ts            (starts its own MongoDB-compatible server; JSB_FUZZ_EXAMPLES, JSB_FUZZ_SEED)
 * schemathesis comes from scripts/install-system.sh: a venv in ~/.cache/jishiban/venv (override with JSB_SCHEMATHESIS).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stack } from '../support/stack';
import type { Seeded } from '../support/seed';

export const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * Operations left out, each with its reason. Everything else in the document is fuzzed.
 * - logout ends the session whose token the fuzzer holds: every later request would only test the 401 path.
 */
export const EXCLUDED_OPERATIONS: Record<string, string> = {
  logout: 'ends the session the fuzzer signs in with; the security suite covers it',
};

export const CHECKS = ['not_a_server_error', 'response_schema_conformance', 'status_code_conformance'];

export interface FuzzOptions {
  /** examples per operation and phase */
  maxExamples?: number;
  /** the whole run is stopped (and fails) after this many seconds */
  timeoutSeconds?: number;
  seed?: number;
  workers?: number;
  /** where the reports go (ndjson + junit); a temporary folder by default */
  reportDir?: string;
  onOutput?: (chunk: string) => void;
}

export interface FuzzResult {
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  seed: number;
  command: string;
  output: string;
  /** one line per failed check: "<METHOD PATH>: <check> — <title>" */
  findings: string[];
  operations: number;
  /** the bff's error log lines written during the run (the cause of every 5xx, with its stack) */
  serverErrors: string[];
}

export function schemathesisBinary(): string {
  if (process.env.JSB_SCHEMATHESIS) return process.env.JSB_SCHEMATHESIS;
  const venv = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'jishiban', 'venv', 'bin', 'st');
  if (existsSync(venv)) return venv;
  return 'st';
}

export async function runFuzz(s: Stack, seeded: Seeded, o: FuzzOptions = {}): Promise<FuzzResult> {
  const seed = o.seed ?? Number(process.env.JSB_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const reportDir = o.reportDir ?? mkdtempSync(path.join(os.tmpdir(), 'jsb-fuzz-'));
  const ndjson = path.join(reportDir, 'events.ndjson');
  writeFileSync(path.join(reportDir, 'schemathesis.toml'), configToml(seeded));
  const args = [
    '--config-file',
    path.join(reportDir, 'schemathesis.toml'),
    'run',
    `${s.bffUrl}/api/v1/openapi.json`,
    '--url',
    s.bffUrl,
    '--checks',
    CHECKS.join(','),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(o.maxExamples ?? 20),
    '--seed',
    String(seed),
    // one worker: Debian 12's Python 3.11.2 sometimes fails ast parsing inside hypothesis when two threads generate at
    // once ("SystemError: AST constructor recursion depth mismatch", CPython gh-106905), which ended a CI run
    '--workers',
    String(o.workers ?? 1),
    '--request-timeout',
    '10',
    '--no-shrink',
    '--continue-on-failure',
    '--suppress-health-check',
    'all',
    '--report',
    'ndjson',
    '--report-ndjson-path',
    ndjson,
    '--header',
    `Authorization: Bearer ${seeded.citizen.accessToken}`,
    ...Object.keys(EXCLUDED_OPERATIONS).flatMap((id) => ['--exclude-operation-id', id]),
  ];
  const bin = schemathesisBinary();
  const command = `${bin} ${args.map((a) => (a.startsWith('Authorization') ? "'Authorization: Bearer <citizen token>'" : a)).join(' ')}`;
  const logsBefore = s.logs.length;
  let output = '';
  let timedOut = false;
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    // cwd: the report folder, so nothing schemathesis or hypothesis leaves behind lands in the repository
    const child = spawn(bin, args, {
      cwd: reportDir,
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false', COLUMNS: '160' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (b: Buffer) => {
      const t = b.toString();
      output += t;
      o.onOutput?.(t);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill('SIGKILL');
      },
      (o.timeoutSeconds ?? 240) * 1000,
    );
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start schemathesis (${bin}): ${err.message}. Install it with: bash scripts/install-system.sh`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  const { findings, operations } = readFindings(ndjson);
  if (!o.reportDir && !process.env.JSB_FUZZ_KEEP) rmSync(reportDir, { recursive: true, force: true });
  const serverErrors = s.logs.slice(logsBefore).filter((l) => /"level":(5\d|60)/.test(l));
  return { ok: exitCode === 0 && !timedOut && findings.length === 0, exitCode, timedOut, seed, command, output, findings, operations, serverErrors };
}

/**
 * Half of the generated values of the id-like parameters are the seeded citizen's real ones (schemathesis dictionaries),
 * so detail operations answer 200 with data and their answers are checked against their schemas too.
 */
function configToml(x: Seeded): string {
  const list = (v: string[]) => `[${v.map((e) => JSON.stringify(e)).join(', ')}]`;
  const dictionaries: Record<string, string[]> = {
    ids: [x.appointmentId, x.complaintId, x.paymentId, x.messageId],
    caseNos: [x.openCaseNo, x.closedCaseNo, x.correctionCaseNo],
    materials: ['M1', 'M2'],
    halls: ['city'],
    zones: ['shehui', 'shangshi'],
    items: ['SH01', 'SS05'],
    accounts: ['0101203456'],
    payables: [x.feeId],
    codes: [x.openCaseQueryCode],
  };
  const bind: Record<string, string> = {
    'path.id': 'ids',
    'path.caseNo': 'caseNos',
    'path.materialId': 'materials',
    'path.hallId': 'halls',
    'query.hallId': 'halls',
    'query.zoneId': 'zones',
    'query.itemId': 'items',
    'query.accountNumber': 'accounts',
    'body.itemId': 'items',
    'body.payableId': 'payables',
    'body.caseNo': 'caseNos',
    'body.code': 'codes',
  };
  return [
    '[cache]',
    'enabled = false',
    '',
    ...Object.entries(dictionaries).flatMap(([name, values]) => [`[dictionaries.${name}]`, `values = ${list(values)}`, '']),
    '[parameters]',
    ...Object.entries(bind).map(([key, dict]) => `${JSON.stringify(key)} = { dictionary = "${dict}", probability = 0.5 }`),
    '',
  ].join('\n');
}

/** The failed checks from schemathesis' ndjson event stream (schema is loose on purpose: only names are read). */
function readFindings(file: string): { findings: string[]; operations: number } {
  if (!existsSync(file)) return { findings: [], operations: 0 };
  const findings = new Set<string>();
  const labels = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let ev: Record<string, unknown>;
    try {
      ev = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const error = ev.NonFatalError as { label?: string; info?: { title?: string; message?: string } } | undefined;
    if (error) findings.add(`${error.label ?? '?'}: error — ${error.info?.title ?? ''} ${error.info?.message ?? ''}`.trim());
    const finished = ev.ScenarioFinished as
      | { recorder?: { label?: string; checks?: Record<string, { name: string; status: string; failure_info?: { failure?: { title?: string } } }[]> } }
      | undefined;
    if (!finished?.recorder) continue;
    if (finished.recorder.label) labels.add(finished.recorder.label);
    for (const list of Object.values(finished.recorder.checks ?? {})) {
      for (const c of list) {
        if (c.status === 'failure') findings.add(`${finished.recorder.label}: ${c.name} — ${c.failure_info?.failure?.title ?? 'failed'}`);
      }
    }
  }
  return { findings: [...findings], operations: labels.size };
}

/** By hand: a stack of its own, seeded, fuzzed; exit code 1 on any finding. */
async function main(): Promise<void> {
  const { startMongo } = await import('../../scripts/lib/mongo');
  const { startStack } = await import('../support/stack');
  const { seed: seedData, SEED_START } = await import('../support/seed');
  const mongo = await startMongo({ log: (l) => process.stderr.write(`${l}\n`) });
  process.env.MONGODB_URI = mongo.uri;
  const s = await startStack({ name: 'fuzz-cli', start: SEED_START });
  s.clock.freeze();
  s.clock.set(SEED_START);
  try {
    const seeded = await seedData(s);
    const r = await runFuzz(s, seeded, {
      maxExamples: Number(process.env.JSB_FUZZ_EXAMPLES ?? 50),
      timeoutSeconds: Number(process.env.JSB_FUZZ_TIMEOUT ?? 900),
      onOutput: (t) => process.stdout.write(t),
    });
    console.log(`\nseed ${r.seed}; ${r.operations} operations; ${r.findings.length} findings`);
    for (const f of r.findings) console.log(`  ✗ ${f}`);
    for (const l of r.serverErrors) console.log(`  bff: ${l}`);
    process.exitCode = r.ok ? 0 : 1;
  } finally {
    await s.close();
    await mongo.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
