import type { Appointment, SlotsResponse } from '@jsb/shared';
import { signCoreHeaders } from '@jsb/bff';
import { call } from '../support/http';
import { percentile } from './load';
import { newPerson, verifiedCitizens, type BenchSystem } from './system';
import { verdict } from './floors';

interface BurstFigures {
  answers: Map<string, number>;
  p50: number;
  p99: number;
  wallMs: number;
}

/** Fires every call at once; counts the answers by kind and times each. */
async function fire(calls: (() => Promise<string>)[]): Promise<BurstFigures> {
  const latencies: number[] = [];
  const answers = new Map<string, number>();
  const t0 = performance.now();
  await Promise.all(
    calls.map(async (f) => {
      const t = performance.now();
      const kind = await f().catch((err: unknown) => `client error ${(err as Error).message}`);
      latencies.push(performance.now() - t);
      answers.set(kind, (answers.get(kind) ?? 0) + 1);
    }),
  );
  return { answers, p50: percentile(latencies, 50), p99: percentile(latencies, 99), wallMs: performance.now() - t0 };
}

const show = (label: string, n: number, f: BurstFigures) => {
  const other = [...f.answers].filter(([k]) => k !== 'booked' && k !== 'SLOT_FULL');
  const line = `booked ${f.answers.get('booked') ?? 0}, SLOT_FULL ${f.answers.get('SLOT_FULL') ?? 0}, other ${other.reduce((a, [, v]) => a + v, 0)}${other.length ? ` ${JSON.stringify(Object.fromEntries(other))}` : ''}`;
  return `   ${label.padEnd(40)} ${line}; p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, all ${n} answered in ${f.wallMs.toFixed(0)} ms (${Math.round((n / f.wallMs) * 1000)}/s)`;
};

async function setCapacity(sys: BenchSystem, slotId: string): Promise<void> {
  const r = await call(sys.mocks.ready.core, 'POST', '/__mock/slots/capacity', { body: { slotId, capacity: 20 } });
  if (r.status >= 300) throw new Error(`capacity ${r.status} ${r.text}`);
}

/**
 * 2. n citizens book one 20-seat slot at the same moment through a bff instance (its own process, started after the
 * citizens signed in elsewhere: its caches are cold). Baseline: the core's own booking throughput — n signed booking
 * calls straight to the core at another 20-seat slot, all at once.
 */
export async function bookingBurst(sys: BenchSystem, n: number): Promise<void> {
  const setup = await sys.bff('bff-setup');
  const started = Date.now();
  const citizens = await verifiedCitizens(sys, setup, n);
  const persons = [];
  for (let i = 0; i < n; i += 50) persons.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => newPerson(sys)))));
  await setup.stop();
  console.log(`\n2. Booking burst: ${n} citizens (signed in and verified in ${((Date.now() - started) / 1000).toFixed(1)} s) at one 20-seat slot, all at once`);

  const coreSlot = 'city.shangshi.2026-02-11.1000';
  await setCapacity(sys, coreSlot);
  await sys.mocks.ask('profile');
  const core = await fire(
    persons.map((p) => async () => {
      const body = JSON.stringify({ personId: p.personId, itemId: 'SS01', slotId: coreSlot });
      const headers = signCoreHeaders({
        secret: sys.coreSecret,
        clientId: 'jishiban-bff',
        method: 'POST',
        pathWithQuery: '/core/v1/bookings',
        body,
        nowMs: Date.now(),
      });
      const res = await fetch(`${sys.mocks.ready.core}/core/v1/bookings`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      const answer = (await res.json()) as { code?: string };
      return res.status === 201 ? 'booked' : (answer.code ?? `HTTP ${res.status}`);
    }),
  );
  await sys.mocks.ask('stop');
  console.log(show('baseline: the core alone (signed calls)', n, core));

  const slotId = 'city.shangshi.2026-02-10.1000';
  await setCapacity(sys, slotId);
  const bff = await sys.bff('bff-burst', {}, { count: true });
  await bff.ask('counts');
  await bff.ask('profile');
  const through = await fire(
    citizens.map((c) => async () => {
      const r = await call<Appointment & { error?: { code: string } }>(bff.url, 'POST', '/api/v1/appointments', {
        token: c.accessToken,
        body: { itemId: 'SS01', slotId },
      });
      return r.status === 201 ? 'booked' : (r.body.error?.code ?? `HTTP ${r.status}`);
    }),
  );
  await bff.ask('stop');
  console.log(show('bff POST /api/v1/appointments', n, through));
  const coreCalls = (c: Record<string, number>) => c['core POST /core/v1/bookings'] ?? 0;
  const first = await bff.ask<Record<string, number>>('counts');
  const dbCommands = (c: Record<string, number>) =>
    Object.entries(c)
      .filter(([k]) => k.startsWith('db '))
      .sort((a, b) => b[1] - a[1]);
  const dbLine = (c: Record<string, number>) =>
    `${dbCommands(c).reduce((n, [, v]) => n + v, 0)} database commands (${dbCommands(c)
      .slice(0, 4)
      .map(([k, v]) => `${k.slice(3)} ${v}`)
      .join(', ')})`;
  console.log(
    `   ratio bff/core: throughput ${(core.wallMs / through.wallMs).toFixed(2)}, p99 ${(through.p99 / core.p99).toFixed(1)}×; the bff asked the core ${coreCalls(first)} times (the rest: SLOT_FULL from its memory of the core's last answer); ${dbLine(first)}`,
  );
  // the same instance again at another 20-seat slot: its connections made, the citizens' sessions known
  const slot2 = 'city.shangshi.2026-02-12.1000';
  await setCapacity(sys, slot2);
  const again = await fire(
    citizens.map((c) => async () => {
      const r = await call<Appointment & { error?: { code: string } }>(bff.url, 'POST', '/api/v1/appointments', {
        token: c.accessToken,
        body: { itemId: 'SS01', slotId: slot2 },
      });
      return r.status === 201 ? 'booked' : (r.body.error?.code ?? `HTTP ${r.status}`);
    }),
  );
  console.log(show('the same bff again (warm), another slot', n, again));
  const second = await bff.ask<Record<string, number>>('counts');
  console.log(`   the bff asked the core ${coreCalls(second)} times; ${dbLine(second)}`);
  const listed = await call<SlotsResponse>(bff.url, 'GET', '/api/v1/slots?hallId=city&zoneId=shangshi&from=2026-02-10&to=2026-02-10', {
    token: citizens[0]!.accessToken,
  });
  const seat = listed.body.days[0]?.slots.find((x) => x.id === slotId);
  console.log(`   the slot afterwards: capacity ${seat?.capacity}, remaining ${seat?.remaining}`);
  const others = [...through.answers].filter(([k]) => k !== 'booked' && k !== 'SLOT_FULL').reduce((a, [, v]) => a + v, 0);
  const coreLine = `the core alone: p99 ${core.p99.toFixed(0)} ms, ${Math.round((n / core.wallMs) * 1000)}/s`;
  verdict(
    'burst: answers other than booked/SLOT_FULL',
    `${others} (booked ${through.answers.get('booked') ?? 0})`,
    coreLine,
    '0, and exactly 20 booked',
    others === 0 && through.answers.get('booked') === 20,
  );
  verdict(`burst: p99 of ${n} at once`, `${through.p99.toFixed(0)} ms`, coreLine, '≤ 1000 ms', through.p99 <= 1000);
  await bff.stop();
}
