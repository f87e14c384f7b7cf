/**
 * Drill 1 — the core down during a stream of complaints and ratings: nothing lost, nothing doubled.
 * 120 writes (60 找茬 through POST /api/v1/complaints, 60 好差评 through POST /api/v1/cases/:caseNo/rating) go out six
 * at a time in three phases: everything up; the core down (complaints queue in the outbox, ratings are refused
 * with a Chinese 503 because the bff cannot check the case); the provincial 好差评 system down (ratings queue).
 * Every tenth write is a double tap (same Idempotency-Key twice at once). After recovery the citizen retries what
 * was refused, with the same key, and relay rounds run; then we count what the core and the province hold.
 */
import type { CaseRating, Complaint } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, type ErrBody, type Res } from '../support/http';
import { citizenWithPerson, closedCase, type Citizen } from '../support/cases';
import { pool, printFigures, sleep } from './support';

jest.setTimeout(180_000);

const CITIZENS = 20;
const PER_CITIZEN = 3; // complaints and ratings each
const PHASE = 40;

let s: Stack;
beforeAll(async () => {
  s = await startStack({ name: 'drill-core-outage', env: { COMPLAINT_DAILY_LIMIT: '100' } });
  s.clock.freeze();
  s.clock.set(new Date('2026-03-10T10:00:00+08:00')); // a Tuesday
});
afterAll(() => s?.close());

type Write = { kind: 'complaint' | 'rating'; c: Citizen; caseNo?: string; n: number; key: string };
type Outcome = { w: Write; res: Res<(Complaint & CaseRating) & ErrBody>; phase: string };

const complaintBody = (n: number) => ({
  category: '环境设施',
  target: { hallId: 'city', zoneId: 'shangshi', windowNo: String(1 + (n % 20)) },
  description: `演练：大厅第${n}号反映，饮水机没有热水`,
  anonymous: n % 2 === 0,
  photoIds: [],
});

function send(w: Write): Promise<Res<(Complaint & CaseRating) & ErrBody>> {
  const headers = { 'idempotency-key': w.key };
  if (w.kind === 'complaint') return call(s.bffUrl, 'POST', '/api/v1/complaints', { token: w.c.accessToken, body: complaintBody(w.n), headers });
  return call(s.bffUrl, 'POST', `/api/v1/cases/${w.caseNo}/rating`, {
    token: w.c.accessToken,
    body: { level: '满意', tags: ['服务水平高'], comment: `演练评价${w.n}` },
    headers,
  });
}

describe('drill: the core down during a stream of complaints and ratings', () => {
  it('loses nothing the bff accepted and doubles nothing, after recovery and relay rounds', async () => {
    const citizens = await pool(CITIZENS, 4, () => citizenWithPerson(s));
    const writes: Write[] = [];
    for (const [ci, c] of citizens.entries()) {
      for (let k = 0; k < PER_CITIZEN; k++) {
        const n = ci * PER_CITIZEN + k;
        const kase = await closedCase(s, c.personId);
        writes.push({ kind: 'complaint', c, n, key: `drill1-complaint-${n}` });
        writes.push({ kind: 'rating', c, caseNo: kase.caseNo, n, key: `drill1-rating-${n}` });
      }
    }
    // interleave the citizens so each phase has both kinds from many people
    writes.sort((a, b) => (a.n % PER_CITIZEN) - (b.n % PER_CITIZEN) || a.n - b.n || a.kind.localeCompare(b.kind));

    const phases = [
      { name: 'all up', set: () => (s.core.faults.clear(), s.province.faults.clear()) },
      { name: 'core down', set: () => s.core.faults.update({ outage: true }) },
      // the core is back; the bff's circuit breaker for it re-closes after its cool-down (until then reads fail fast):
      // its clock is moved past it rather than slept through
      {
        name: 'province down',
        set: () => (s.core.faults.clear(), s.breakerClock.skip(s.config.CORE_BREAKER_COOLDOWN_MS + 500), s.province.faults.update({ outage: true })),
      },
    ];
    const outcomes: Outcome[] = [];
    let doubleTaps = 0;
    for (const [p, phase] of phases.entries()) {
      await phase.set();
      const slice = writes.slice(p * PHASE, (p + 1) * PHASE);
      await pool(slice.length, 6, async (i) => {
        const w = slice[i]!;
        if (i % 10 === 0) {
          doubleTaps += 1;
          const [a, b] = await Promise.all([send(w), send(w)]);
          // both taps answer the same write (or the second is told the first is still in progress)
          if (a.status === 201 && b.status === 201) expect(b.body.id ?? b.body.caseNo).toBe(a.body.id ?? a.body.caseNo);
          outcomes.push({ w, res: a.status === 201 ? a : b.status === 201 ? b : a.status === 503 ? a : b, phase: phase.name });
        } else {
          outcomes.push({ w, res: await send(w), phase: phase.name });
        }
      });
    }
    s.core.faults.clear();
    s.province.faults.clear();

    const firstTry = outcomes.filter((o) => o.res.status === 201);
    const refused = outcomes.filter((o) => o.res.status !== 201);
    // what the core being down looks like to a citizen: a Chinese 503 that says what to do, never a hang or a 500
    for (const o of refused) {
      expect(o.res.status).toBe(503);
      expect(o.res.body.error).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        message: expect.stringMatching(/[\u4e00-\u9fa5]/),
        hint: expect.stringMatching(/[\u4e00-\u9fa5]/),
      });
    }
    const queuedAtFirst = firstTry.filter((o) => o.res.body.status === 'queued' || o.res.body.state === 'queued').length;
    const byPhase = Object.fromEntries(
      phases.map((p) => [
        p.name,
        outcomes.filter((o) => o.phase === p.name).map((o) => `${o.w.kind}:${o.res.status}:${o.res.body.status ?? o.res.body.state ?? o.res.body.error?.code}`),
      ]),
    );
    const tally = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});
    console.log(`drill 1 answers per phase: ${JSON.stringify(Object.fromEntries(Object.entries(byPhase).map(([k, v]) => [k, tally(v)])))}`);

    // the citizen taps 提交 again on what was refused, with the same key (the miniapp keeps it for the form)
    s.breakerClock.skip(s.config.CORE_BREAKER_COOLDOWN_MS + 500); // past the bff's circuit-breaker cool-down for the core
    const retried = await pool(refused.length, 6, async (i) => ({ w: refused[i]!.w, res: await send(refused[i]!.w), phase: 'retry' }));
    const accepted = [...firstTry, ...retried.filter((o) => o.res.status === 201)];

    // relay rounds, as the 'outbox-relay' job runs them, past each back-off
    const outbox = s.db.collection('outbox');
    const ours = async () => {
      const refs = accepted.filter((o) => o.w.kind === 'complaint').map((o) => o.res.body.id);
      const caseNos = accepted.filter((o) => o.w.kind === 'rating').map((o) => o.w.caseNo!);
      return outbox
        .find({
          $or: [
            { kind: 'complaint.create', 'payload.ref': { $in: refs } },
            { kind: 'rating.create', 'payload.caseNo': { $in: caseNos } },
          ],
        })
        .toArray();
    };
    let rounds = 0;
    while (rounds < 12 && (await ours()).some((e) => e.state === 'queued')) {
      rounds += 1;
      s.clock.advance(11 * 60_000);
      const r = await s.bff.outbox.relay();
      if (r.queued) await sleep(1000);
    }
    const entries = await ours();

    // what the core and the province hold, per submission and per request id
    const complaintRefs = new Set(accepted.filter((o) => o.w.kind === 'complaint').map((o) => o.res.body.id));
    const ratedCases = new Set(accepted.filter((o) => o.w.kind === 'rating').map((o) => o.w.caseNo!));
    const atCore = [...s.core.state.complaints.byId.values()].filter((c) => c.clientRef && complaintRefs.has(c.clientRef));
    const atProvince = [...s.province.state.byRequest.values()].filter((e) => e.kind === 'evaluation' && ratedCases.has(e.caseNo));
    const count = <T>(xs: T[], key: (x: T) => string) => xs.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>());
    const perRef = count(atCore, (c) => c.clientRef!);
    const perCoreRequest = count(atCore, (c) => c.requestId ?? '-');
    const perCase = count(atProvince, (e) => e.caseNo);
    const extra = (m: Map<string, number>) => [...m.values()].reduce((n, v) => n + v - 1, 0);
    const deliveredComplaints = [...complaintRefs].filter((r) => perRef.get(r) === 1).length;
    const deliveredRatings = [...ratedCases].filter((c) => perCase.get(c) === 1).length;

    const figures = {
      writes: writes.length,
      doubleTaps,
      accepted: accepted.length,
      acceptedFirstTry: firstTry.length,
      queuedAtFirst,
      refusedThenRetried: refused.length,
      relayRounds: rounds,
      delivered: deliveredComplaints + deliveredRatings,
      lost: complaintRefs.size - deliveredComplaints + (ratedCases.size - deliveredRatings),
      doubled: extra(perRef) + extra(perCoreRequest) + extra(perCase),
      outboxNotDelivered: entries.filter((e) => e.state !== 'delivered').length,
      provinceReplays: atProvince.reduce((n, e) => n + e.deliveries - 1, 0),
    };
    printFigures('core down during complaints and ratings', figures);

    expect(accepted).toHaveLength(writes.length);
    expect(complaintRefs.size + ratedCases.size).toBe(writes.length);
    expect(queuedAtFirst).toBeGreaterThan(0);
    expect(figures).toMatchObject({ delivered: writes.length, lost: 0, doubled: 0, outboxNotDelivered: 0 });
    expect(entries).toHaveLength(writes.length);
  });
});
