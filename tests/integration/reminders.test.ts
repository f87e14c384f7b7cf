import { claimModel, createClaims, createJobRunner } from '@jsb/bff';
import type { Appointment } from '@jsb/shared';
import { startStack, type BffInstance, type Stack } from '../support/stack';
import { call } from '../support/http';
import { verifiedCitizen } from '../support/citizens';
import { subscribe } from '../support/subscriptions';

const MONDAY_8AM = new Date('2026-02-09T00:00:00Z');

let s: Stack;
let second: BffInstance;
beforeAll(async () => {
  s = await startStack({ name: 'reminders', start: MONDAY_8AM });
  s.clock.freeze();
  s.clock.set(MONDAY_8AM);
  second = await s.addInstance();
});
afterAll(() => s.close());

interface Recorded {
  touser: string;
  template_id: string;
  data: Record<string, { value: string }>;
}
const messagesFor = async (openid: string) => (await call<{ messages: Recorded[] }>(s.wechatUrl, 'GET', `/__mock/messages?touser=${openid}`)).body.messages;

/** Both instances run a round at the same moment, three times over. */
async function bothInstancesRun(): Promise<void> {
  for (let i = 0; i < 3; i++) await Promise.all([s.bff.services.reminders.sendDue(), second.services.reminders.sendDue()]);
}

describe('booking reminders', () => {
  it('sends the day-before and the hour-before message exactly once each with two bff instances running', async () => {
    const c = await verifiedCitizen(s);
    // WeChat's one-time model: each 允许 on the subscription sheet pays for one reminder, so the citizen allowed twice
    const tpl = s.config.WECHAT_TPL_BOOKING_REMINDER;
    await subscribe(s, c, { [tpl]: 'accept' });
    expect((await subscribe(s, c, { [tpl]: 'accept' })).templates.find((t) => t.templateId === tpl)?.remaining).toBe(2);
    const a = await call<Appointment>(s.bffUrl, 'POST', '/api/v1/appointments', {
      token: c.accessToken,
      body: { itemId: 'GA05', slotId: 'city.gongan.2026-02-10.1000' },
    });
    expect(a.status).toBe(201);

    await bothInstancesRun();
    expect(await messagesFor(c.openid)).toHaveLength(0); // nothing is due yet

    s.clock.set(new Date('2026-02-09T02:01:00Z')); // Monday 10:01: one day before
    await bothInstancesRun();
    const day = await messagesFor(c.openid);
    expect(day).toHaveLength(1);
    expect(day[0]!.data.thing1!.value).toBe('无犯罪记录证明开具');
    expect(day[0]!.data.time2!.value).toContain('10:00');

    s.clock.set(new Date('2026-02-10T01:01:00Z')); // Tuesday 09:01: one hour before
    await bothInstancesRun();
    const all = await messagesFor(c.openid);
    expect(all).toHaveLength(2);
    expect(all[1]!.data.thing4!.value).toContain('1小时后');
    s.clock.set(MONDAY_8AM);
  });

  it('skips a citizen who refused the subscription (43101) quietly and sends nothing for a cancelled booking', async () => {
    const refuser = await verifiedCitizen(s);
    await subscribe(s, refuser, { [s.config.WECHAT_TPL_BOOKING_REMINDER]: 'reject' });
    const r = await call<Appointment>(s.bffUrl, 'POST', '/api/v1/appointments', {
      token: refuser.accessToken,
      body: { itemId: 'GA05', slotId: 'city.gongan.2026-02-11.1000' },
    });
    const canceller = await verifiedCitizen(s);
    await subscribe(s, canceller, { [s.config.WECHAT_TPL_BOOKING_REMINDER]: 'accept' });
    const c = await call<Appointment>(s.bffUrl, 'POST', '/api/v1/appointments', {
      token: canceller.accessToken,
      body: { itemId: 'GA05', slotId: 'city.gongan.2026-02-11.1030' },
    });
    await call(s.bffUrl, 'POST', `/api/v1/appointments/${c.body.id}/cancel`, { token: canceller.accessToken });

    s.clock.set(new Date('2026-02-10T02:31:00Z')); // Tuesday 10:31: both are a day away
    const results = await Promise.all([s.bff.services.reminders.sendDue(), second.services.reminders.sendDue()]);
    expect(results.reduce((n, x) => n + x.refused, 0)).toBe(1);
    expect(results.reduce((n, x) => n + x.failed, 0)).toBe(0);
    expect(await messagesFor(refuser.openid)).toHaveLength(0);
    expect(await messagesFor(canceller.openid)).toHaveLength(0);
    const doc = await s.db.collection('reminders').findOne({ bookingId: r.body.id, kind: 'day-before' });
    expect(doc?.state).toBe('refused');
    s.clock.set(MONDAY_8AM);
  });
});

describe('periodic jobs on several instances', () => {
  it('run each round on exactly one instance, and the next round again on one', async () => {
    const runs: string[] = [];
    const claims = createClaims(claimModel(s.db));
    const make = (who: string) => createJobRunner({ jobs: [], claims, owner: who, clock: () => s.clock.now(), log: { info: () => {}, error: () => {} } });
    const job = (who: string) => ({ name: 'round-test', everyMs: 60_000, run: async () => void runs.push(who) });
    const first = await Promise.all(['A', 'B', 'C'].map((w) => make(w).tick(job(w))));
    expect(first.filter(Boolean)).toHaveLength(1);
    s.clock.advance(60_000);
    const second = await Promise.all(['A', 'B', 'C'].map((w) => make(w).tick(job(w))));
    expect(second.filter(Boolean)).toHaveLength(1);
    expect(runs).toHaveLength(2);
    s.clock.set(MONDAY_8AM);
  });
});
