/**
 * Drill 2 — the bff killed with SIGKILL in the middle of a load of writes: after restart every accepted write is
 * delivered, exactly once. The bff runs as `tsx bff/src/server.ts` (its own timers run the outbox relay every 5 s);
 * the core's 找茬 API and the provincial 好差评 system are down, so every write queues in the outbox. After 30
 * answers the bff gets SIGKILL; the stream waits for the restart and goes on; the requests that were in flight
 * when it died are tried again with the same Idempotency-Key, as the miniapp does. Then the upstreams come
 * back and we wait for the relay job, bounded, and count what the core and the province hold.
 */
import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import type { CaseRating, Complaint } from '@jsb/shared';
import { call, type ErrBody, type Res } from '../support/http';
import { citizenWithPerson, closedCase, type Citizen } from '../support/cases';
import { STALE_PENDING_MS } from '../../bff/src/db/idempotency';
import { bffEnv, pool, printFigures, sleep, spawnBff, stackFor, startMocks, waitFor, type BffChild, type Mocks } from './support';

jest.setTimeout(240_000);

const CITIZENS = 10;
const PER_CITIZEN = 4; // complaints and ratings each: 80 writes
const KILL_AFTER = 30; // answers
const CONCURRENCY = 8;
const BREAKER_COOLDOWN_MS = 1000;

let m: Mocks;
let bff: BffChild | undefined;
let db: Connection;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  m = await startMocks();
  const dbName = `drill_kill_${randomBytes(3).toString('hex')}`;
  // a short circuit-breaker cool-down, so the last retry round below waits 2 s instead of 6
  env = bffEnv(m, process.env.MONGODB_URI!, dbName, { CORE_BREAKER_COOLDOWN_MS: String(BREAKER_COOLDOWN_MS) });
  db = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName }).asPromise();
  bff = await spawnBff(env);
});
afterAll(async () => {
  await bff?.stop();
  await db?.dropDatabase().catch(() => {});
  await db?.close();
  await m?.close();
});

type Write = { kind: 'complaint' | 'rating'; c: Citizen; caseNo?: string; n: number; key: string };
type Answer = { status: number; body?: Complaint & CaseRating & ErrBody; error?: string };

const complaintBody = (n: number) => ({
  category: '推诿/说"No"',
  target: { hallId: 'city', zoneId: 'shangshi', windowNo: String(1 + (n % 20)) },
  description: `演练二：第${n}号，窗口让我改天再来`,
  anonymous: false,
  photoIds: [],
});

async function send(url: string, w: Write): Promise<Answer> {
  const headers = { 'idempotency-key': w.key };
  try {
    const r: Res<Complaint & CaseRating & ErrBody> =
      w.kind === 'complaint'
        ? await call(url, 'POST', '/api/v1/complaints', { token: w.c.accessToken, body: complaintBody(w.n), headers })
        : await call(url, 'POST', `/api/v1/cases/${w.caseNo}/rating`, { token: w.c.accessToken, body: { level: '满意', tags: ['服务水平高'] }, headers });
    return { status: r.status, body: r.body };
  } catch (err) {
    return { status: 0, error: String((err as Error).cause ?? err) };
  }
}

describe('drill: the bff killed with SIGKILL in the middle of a load of writes', () => {
  it('delivers every write the client saw accepted exactly once after a restart; the ones in flight are neither half-written nor doubled', async () => {
    const s = () => stackFor(m, bff!.url);
    const citizens = await pool(CITIZENS, 4, () => citizenWithPerson(s()));
    const writes: Write[] = [];
    for (const [ci, c] of citizens.entries()) {
      for (let k = 0; k < PER_CITIZEN; k++) {
        const n = ci * PER_CITIZEN + k;
        writes.push({ kind: 'complaint', c, n, key: `drill2-complaint-${n}` });
        writes.push({ kind: 'rating', c, caseNo: (await closedCase(s(), c.personId)).caseNo, n, key: `drill2-rating-${n}` });
      }
    }
    // the core's 找茬 intake and the provincial 好差评 system are down: every write queues
    m.core.faults.update({ outage: true, pathPrefix: '/core/v1/complaints' });
    m.province.faults.update({ outage: true });

    const answers: Answer[] = new Array(writes.length);
    const inFlight: number[] = [];
    let answered = 0;
    let killedAt = 0;
    let restarted: Promise<void> | undefined;
    await pool(writes.length, CONCURRENCY, async (i) => {
      if (restarted) await restarted;
      const a = await send(bff!.url, writes[i]!);
      answers[i] = a;
      if (a.status === 0) inFlight.push(i); // cut off by the kill
      answered += 1;
      if (answered === KILL_AFTER && !restarted) {
        killedAt = Date.now();
        const dying = bff!;
        dying.kill('SIGKILL');
        restarted = (async () => {
          const gone = await dying.exited;
          expect(gone.signal).toBe('SIGKILL');
          bff = await spawnBff(env);
        })();
      }
    });
    const restartMs = Date.now() - killedAt;
    // requests cut off by the kill: the phone tries again with the same Idempotency-Key — at once; then, if told the
    // first try is still being handled (IDEMPOTENCY_CONFLICT) or to try later (503), after the bff gives up on the dead
    // request (STALE_PENDING_MS); then once more after the circuit breaker's cool-down
    const retryable = (a: Answer) => a.status === 0 || a.status === 503 || a.body?.error?.code === 'IDEMPOTENCY_CONFLICT';
    const waits = [() => 0, () => killedAt + STALE_PENDING_MS + 1000 - Date.now(), () => BREAKER_COOLDOWN_MS + 1000];
    const retried: { i: number; round: number; a: Answer }[] = [];
    const firstRetryCodes: string[] = [];
    for (const [round, wait] of waits.entries()) {
      const todo = round === 0 ? inFlight : [...new Set(retried.filter((r) => r.round === round - 1 && retryable(r.a)).map((r) => r.i))];
      if (!todo.length) break;
      await sleep(Math.max(0, wait()));
      for (const i of todo) {
        const a = await send(bff!.url, writes[i]!);
        answers[i] = a;
        retried.push({ i, round, a });
        if (round === 0) firstRetryCodes.push(a.body?.error?.code ?? String(a.status));
      }
    }
    const lastRetry = (i: number) => retried.filter((r) => r.i === i).at(-1)!;
    // a rating the killed request had already stored is answered as the rating on retry (same key), never 已评价
    const isAccepted = (a: Answer) => a.status === 201;
    const accepted = writes.map((w, i) => ({ w, i, a: answers[i]! })).filter((x) => x.a.status === 201);
    const acceptedOrStored = writes.map((w, i) => ({ w, i, a: answers[i]! })).filter((x) => isAccepted(x.a));
    const notAccepted = writes.map((w, i) => ({ w, i, a: answers[i]! })).filter((x) => !isAccepted(x.a));
    console.log(`drill 2 not accepted: ${JSON.stringify(notAccepted.map((x) => [x.w.kind, x.i, x.a.status, x.a.body?.error?.code ?? x.a.error]))}`);

    // the upstreams come back; the restarted bff's own relay job (every 5 s, with its back-off) delivers
    m.core.faults.clear();
    m.province.faults.clear();
    const outbox = db.collection('outbox');
    const backAt = Date.now();
    const drained = await waitFor(async () => (await outbox.countDocuments({ state: 'queued' })) === 0, 60_000, 1000);
    const drainMs = Date.now() - backAt;
    const entries = await outbox.find({}).toArray();

    // what the core and the province hold
    const refs = new Map(accepted.filter((x) => x.w.kind === 'complaint').map((x) => [x.a.body!.id, x.w]));
    const perRef = new Map<string, number>();
    for (const rec of m.core.state.complaints.byId.values()) if (rec.clientRef) perRef.set(rec.clientRef, (perRef.get(rec.clientRef) ?? 0) + 1);
    const perCase = new Map<string, number>();
    for (const e of m.province.state.byRequest.values()) if (e.kind === 'evaluation') perCase.set(e.caseNo, (perCase.get(e.caseNo) ?? 0) + 1);
    const held = (x: { w: Write; a: Answer }) => (x.w.kind === 'complaint' ? perRef.get(x.a.body!.id) : perCase.get(x.w.caseNo!)) ?? 0;
    const deliveredOnce = acceptedOrStored.filter((x) => held(x) === 1).length;
    const doubled = [...perRef.values(), ...perCase.values()].reduce((n, v) => n + v - 1, 0);
    // every complaint the core holds is one the client saw accepted (an orphan would be a write half-done by the kill)
    const orphans = [...perRef.keys()].filter((r) => !refs.has(r)).length;
    const idempotencyPending = await db.collection('idempotency').countDocuments({ state: 'pending' });

    const figures = {
      writes: writes.length,
      accepted: acceptedOrStored.length,
      acceptedFirstAnswer: accepted.length - inFlight.filter((i) => lastRetry(i).a.status === 201).length,
      inFlightAtKill: inFlight.length,
      inFlightAcceptedOnRetry: inFlight.filter((i) => lastRetry(i).a.status === 201).length,
      inFlightAlreadyRatedOnRetry: inFlight.filter((i) => lastRetry(i).a.body?.error?.code === 'ALREADY_RATED').length,
      retryRounds: new Set(retried.map((r) => r.round)).size,
      delivered: deliveredOnce,
      lost: acceptedOrStored.length - deliveredOnce,
      doubled,
      orphansAtCore: orphans,
      outboxEntries: entries.length,
      outboxNotDelivered: entries.filter((e) => e.state !== 'delivered').length,
      idempotencyPending,
      restartMs,
      drainMs,
    };
    printFigures('bff SIGKILL during writes', figures);
    console.log(`drill 2 first retry of the requests in flight at the kill: ${JSON.stringify(firstRetryCodes)}`);

    expect(drained).toBe(true);
    expect(figures).toMatchObject({
      accepted: writes.length,
      delivered: writes.length,
      lost: 0,
      doubled: 0,
      orphansAtCore: 0,
      outboxNotDelivered: 0,
      outboxEntries: writes.length,
      idempotencyPending: 0,
      inFlightAlreadyRatedOnRetry: 0,
    });
  });
});
