/**
 * Drill 3 — the database restarted under load: the bff recovers by itself and /readyz reports the outage while it
 * lasts. The drill runs its own database server (the global one is shared by every test file) and the bff as a child
 * process; four clients keep reading GET /api/v1/me and writing POST /api/v1/complaints. The database is stopped:
 * /readyz must answer 503 with checks.mongodb 'unavailable', and requests must fail quickly with a Chinese 503 body
 * (never hang, never a 500). The database comes back on the same data folder and port: /readyz 200 again and
 * requests succeed, with the same bff process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type { Complaint } from '@jsb/shared';
import { startMongo, freePort, type MongoHandle } from '../../scripts/lib/mongo';
import { verifiedCitizen } from '../support/citizens';
import type { ErrBody } from '../support/http';
import { bffEnv, printFigures, sleep, spawnBff, stackFor, startMocks, waitFor, type BffChild, type Mocks } from './support';

jest.setTimeout(240_000);

const REQUEST_LIMIT_MS = 15_000; // a request slower than this counts as a hang

let m: Mocks;
let bff: BffChild | undefined;
let mongo: MongoHandle | undefined;
let dataDir: string;
let port: number;
const mongoEnv = { ...process.env, MONGODB_URI: '', JSB_SKIP_MONGOD: '1' };
const startOwnMongo = () => startMongo({ dataDir, port, env: mongoEnv, log: () => {} });
const dbName = `drill_db_${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'jsb-drill-db-'));
  port = await freePort();
  mongo = await startOwnMongo();
  m = await startMocks();
  bff = await spawnBff(bffEnv(m, mongo.uri, dbName));
});
afterAll(async () => {
  await bff?.stop();
  await mongo?.stop();
  await m?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Phase = 'before' | 'stopping' | 'outage' | 'restarting' | 'after';
interface Sample {
  phase: Phase;
  /** the phase when the answer came */
  ended: Phase;
  op: 'read' | 'write';
  status: number;
  ms: number;
  code?: string;
  message?: string;
  hint?: string;
  ref?: string;
}

async function timed(url: string, init: RequestInit): Promise<{ status: number; body: (Complaint & ErrBody) | undefined; ms: number }> {
  const t = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_LIMIT_MS) });
    const text = await res.text();
    let body: (Complaint & ErrBody) | undefined;
    try {
      body = JSON.parse(text) as Complaint & ErrBody;
    } catch {
      body = undefined;
    }
    return { status: res.status, body, ms: Date.now() - t };
  } catch {
    return { status: 0, body: undefined, ms: Date.now() - t }; // timed out (a hang) or the connection failed
  }
}

const readyz = async () => {
  const r = await timed(`${bff!.url}/readyz`, {});
  return {
    status: r.status,
    body: r.body as unknown as {
      status?: string;
      checks?: Record<string, string>;
      error?: { details?: { checks?: Record<string, string> }; message?: string };
    },
  };
};

describe('drill: the database restarted under load', () => {
  it('answers 503 in Chinese while the database is down, /readyz says so, and recovers by itself when it is back', async () => {
    const s = stackFor(m, bff!.url);
    const citizens = await Promise.all([verifiedCitizen(s), verifiedCitizen(s)]);
    const pid = bff!.proc.pid;
    expect((await readyz()).status).toBe(200);

    let phase: Phase = 'before';
    let running = true;
    const samples: Sample[] = [];
    let n = 0;
    const worker = async (w: number) => {
      const c = citizens[w % 2]!;
      const headers = { authorization: `Bearer ${c.accessToken}` };
      while (running) {
        const write = n++ % 3 === 0; // one write for two reads
        const at = phase;
        const r = write
          ? await timed(`${bff!.url}/api/v1/complaints`, {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `drill3-${randomBytes(6).toString('hex')}` },
              body: JSON.stringify({
                category: '环境设施',
                target: { hallId: 'city' },
                description: `演练三：第${n}次，大厅座椅不够`,
                anonymous: false,
                photoIds: [],
              }),
            })
          : await timed(`${bff!.url}/api/v1/me`, { headers });
        const e = r.body?.error;
        samples.push({
          phase: at,
          ended: phase,
          op: write ? 'write' : 'read',
          status: r.status,
          ms: r.ms,
          ...(e ? { code: e.code, message: e.message, hint: e.hint } : {}),
          ...(write && r.status === 201 ? { ref: r.body!.id } : {}),
        });
        await sleep(100);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));

    await sleep(3000);
    // the database goes away
    phase = 'stopping';
    const stopStarted = Date.now();
    await mongo!.stop();
    const stopMs = Date.now() - stopStarted;
    phase = 'outage';
    const stoppedAt = Date.now();
    let outageReadyz: Awaited<ReturnType<typeof readyz>> | undefined;
    const reported = await waitFor(async () => {
      const r = await readyz();
      if (r.status === 503) outageReadyz = r;
      return r.status === 503;
    }, 10_000);
    const reportedAfterMs = Date.now() - stoppedAt;
    await sleep(8000);

    // it comes back: same data folder, same port; the bff is not restarted
    phase = 'restarting';
    const restartAt = Date.now();
    mongo = await startOwnMongo();
    let lastReadyz: Awaited<ReturnType<typeof readyz>> | undefined;
    const recovered = await waitFor(async () => (lastReadyz = await readyz()).status === 200, 60_000, 500);
    const recoveredAfterMs = Date.now() - restartAt;
    if (!recovered) {
      // which check still failed, and what the bff said about its database meanwhile
      console.log(`drill 3 /readyz 60 s after the restart: ${lastReadyz?.status} ${JSON.stringify(lastReadyz?.body)}`);
      console.log(
        `drill 3 the bff's database log lines:\n${bff!.lines
          .filter((l) => /database|"level":[45]0/.test(l))
          .slice(-10)
          .join('\n')}`,
      );
    }
    phase = 'after';
    await sleep(4000);
    running = false;
    await load;

    const by = (p: Phase) => samples.filter((x) => x.phase === p);
    const summary = (p: Phase) => {
      const xs = by(p);
      const statuses = xs.reduce<Record<string, number>>((acc, x) => ((acc[x.status] = (acc[x.status] ?? 0) + 1), acc), {});
      return { requests: xs.length, statuses, maxMs: Math.max(0, ...xs.map((x) => x.ms)) };
    };
    const phases: Phase[] = ['before', 'stopping', 'outage', 'restarting', 'after'];
    console.log(`drill 3 requests per phase: ${JSON.stringify(Object.fromEntries(phases.map((p) => [p, summary(p)])))}`);
    console.log(`drill 3 /readyz during the outage: ${JSON.stringify(outageReadyz?.body)}`);
    // a request wholly inside the outage is a 503; one that overlaps the stop or the restart may also succeed
    const bad = samples.filter((x) =>
      x.phase === 'outage' && x.ended === 'outage' ? x.status !== 503 : x.status !== 503 && !(x.status >= 200 && x.status < 300),
    );
    if (bad.length) {
      console.log(`drill 3 unexpected answers during the outage: ${JSON.stringify(bad.slice(0, 5))}`);
      console.log(
        `drill 3 the bff's failure log lines:\n${bff!.lines
          .filter((l) => /request failed/.test(l))
          .slice(0, 5)
          .join('\n')}`,
      );
    }

    // writes: what the bff accepted is in the database after the restart and at the core, once
    const accepted = samples.filter((x) => x.ref).map((x) => x.ref!);
    const conn = await mongoose.createConnection(mongo!.uri, { dbName }).asPromise();
    const entries = await conn.collection('outbox').find({ kind: 'complaint.create' }).toArray();
    await conn.close();
    await waitFor(() => accepted.every((r) => [...m.core.state.complaints.byId.values()].some((c) => c.clientRef === r)), 20_000, 500);
    const perRef = new Map<string, number>();
    for (const rec of m.core.state.complaints.byId.values()) if (rec.clientRef) perRef.set(rec.clientRef, (perRef.get(rec.clientRef) ?? 0) + 1);
    const delivered = accepted.filter((r) => perRef.get(r) === 1).length;
    const acceptedSet = new Set(accepted);
    const figures = {
      requests: samples.length,
      accepted: accepted.length,
      delivered,
      lost: accepted.length - delivered,
      doubled: [...perRef.values()].reduce((k, v) => k + v - 1, 0),
      storedButRefused: entries.filter((e) => !acceptedSet.has((e.payload as { ref: string }).ref)).length,
      outage503: samples.filter((x) => x.status === 503).length,
      outageOther: bad.length,
      hangs: samples.filter((x) => x.status === 0).length,
      maxOutageMs: Math.max(summary('stopping').maxMs, summary('outage').maxMs, summary('restarting').maxMs),
      dbStopMs: stopMs,
      readyzReportedAfterMs: reportedAfterMs,
      recoveredAfterMs,
      // the driver's monitor stalled and the bff's watchdog restarted it (bff/src/db/monitor-watchdog.ts)
      monitorRestarts: bff!.lines.filter((l) => l.includes('database monitor stalled')).length,
      failuresAfterRecovery: by('after').filter((x) => x.status >= 300).length,
    };
    printFigures('database restarted under load', figures);

    expect(reported).toBe(true);
    expect(outageReadyz?.body.error?.details?.checks).toMatchObject({ mongodb: 'unavailable' });
    expect(recovered).toBe(true);
    expect(bff!.proc.pid).toBe(pid);
    expect(bff!.proc.exitCode).toBeNull();
    // what ended before the stop succeeded; a request still running when the database stops may get a 503 (mongod and
    // mongo-java-server close connections at shutdown; only FerretDB lets running commands finish)
    expect(samples.filter((x) => x.ended === 'before').every((x) => x.status < 300)).toBe(true);
    const failed = samples.filter((x) => x.status === 503);
    expect(failed.length).toBeGreaterThan(0);
    for (const x of failed) {
      expect(x.code).toBe('SERVICE_UNAVAILABLE');
      expect(x.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(x.hint).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(figures).toMatchObject({ outageOther: 0, hangs: 0, failuresAfterRecovery: 0, lost: 0, doubled: 0 });
    expect(figures.maxOutageMs).toBeLessThan(REQUEST_LIMIT_MS);
    expect(by('after').length).toBeGreaterThan(0);
  });
});
