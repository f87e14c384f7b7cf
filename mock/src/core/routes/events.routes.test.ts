import { createHash, createHmac } from 'node:crypto';
import { request } from '../../infra/http-test';
import { SEED_PERSONS } from '../seed/persons';
import { startCore, TEST_CORE_SECRET, type CoreHarness } from '../testing';

// The harness clock: Mon 2 Mar 2026, 09:00 in Jining.
const KONG = SEED_PERSONS.find((p) => p.name === '孔令华')!.personId;

let core: CoreHarness;
/** the feed's position after the seed's own history (the seed is made with the same staff operations) */
let base: number;
beforeEach(async () => {
  core = await startCore();
  await admin('GET', '/cases');
  base = (await admin('GET', '/events')).body.head;
});
afterEach(() => core.close());

const admin = (method: string, path: string, body?: unknown) =>
  request(`${core.url}/__mock${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

/** One page of the feed, read as the bff does, with the raw text to check the signature on. */
async function page(after = 0, challenge = 'challenge-0123456789abcdef') {
  const path = `/core/v1/events?after=${after}&limit=100&challenge=${challenge}`;
  const res = await core.call('GET', path);
  const text = JSON.stringify(res.body);
  return { ...res, text };
}

const sign = (challenge: string, ts: string, text: string) =>
  createHmac('sha256', TEST_CORE_SECRET)
    .update(`EVENTS-PAGE\n${challenge}\n${ts}\n${createHash('sha256').update(text).digest('hex')}`)
    .digest('base64');

describe('GET /core/v1/events (the change feed)', () => {
  it('announces each staff operation on a case in order, with one stream per case and the 补正 list and deadline', async () => {
    const no = (await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05', accept: true })).body.caseNo;
    await admin('POST', `/staff/cases/${no}/pause`, {
      kind: '补正',
      reason: '材料不全',
      materials: [{ name: '经营场所平面图', reason: '申请材料中缺少', copies: 1, form: '复印件' }],
    });
    await admin('POST', `/staff/cases/${no}/resume`);
    await admin('POST', `/staff/cases/${no}/decide`, { decision: '准予' });
    const p = await page();
    expect(p.status).toBe(200);
    const mine = p.body.events.filter((e: { stream: string }) => e.stream === `case:${no}`);
    expect(mine.map((e: { type: string; streamSeq: number }) => [e.type, e.streamSeq])).toEqual([
      ['case.accepted', 1],
      ['case.correction-requested', 2],
      ['case.correction-accepted', 3],
      ['case.decided', 4],
    ]);
    // 10 working days from Mon 2 Mar 2026 (the rule, CORRECTION_RULES.workingDays)
    expect(mine[1].data).toMatchObject({
      caseNo: no,
      deadline: '2026-03-16',
      workingDays: 10,
      materials: [{ id: 'M1', name: '经营场所平面图', copies: 1, form: '复印件' }],
    });
    expect(mine[2].data).toMatchObject({ how: 'counter', remainingDays: 3 });
    expect(new Set(p.body.events.map((e: { id: string }) => e.id)).size).toBe(p.body.events.length);
    expect(p.body.events.map((e: { seq: number }) => e.seq)).toEqual(p.body.events.map((_: unknown, i: number) => i + 1));
    expect(p.body.head).toBe(p.body.events.length);
  });

  it('signs every page over the challenge the reader sent, a timestamp and the body', async () => {
    await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05' });
    const p = await page(0, 'my-own-challenge-42');
    const ts = p.headers.get('x-jsb-timestamp')!;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    expect(p.body.challenge).toBe('my-own-challenge-42');
    expect(p.headers.get('x-jsb-signature')).toBe(sign('my-own-challenge-42', ts, p.text));
  });

  it('reads on from a cursor; a reset starts a new epoch', async () => {
    for (let i = 0; i < 3; i++) await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05' });
    const first = await page();
    const rest = await page(base + 2);
    expect(rest.body.events.map((e: { seq: number }) => e.seq)).toEqual([base + 3]);
    await admin('POST', '/reset');
    const after = await page();
    expect(after.body.epoch).not.toBe(first.body.epoch);
    expect(after.body.head).toBe(0);
  });

  it('can drop, duplicate, delay and reorder what a page shows, without ever losing an event', async () => {
    for (let i = 0; i < 20; i++) await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05' });
    await admin('POST', '/events/faults', { dropRate: 0.3, duplicateRate: 0.3, reorder: true });
    const seen = new Set<number>();
    let duplicates = 0;
    for (let i = 0; i < 20 && seen.size < 20; i++) {
      const seqs = (await page(base)).body.events.map((e: { seq: number }) => e.seq);
      duplicates += seqs.length - new Set(seqs).size;
      for (const s of seqs) seen.add(s);
    }
    expect(seen.size).toBe(20);
    expect(duplicates).toBeGreaterThan(0);
    const stats = (await admin('GET', '/events')).body.stats;
    expect(stats).toMatchObject({ dropped: expect.any(Number), duplicated: expect.any(Number), reordered: expect.any(Number) });
    expect(stats.dropped).toBeGreaterThan(0);

    await admin('DELETE', '/events/faults');
    await admin('POST', '/events/faults', { delayMs: 60_000 });
    await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05' });
    const held = await page(base + 20);
    expect(held.body).toMatchObject({ events: [], head: base + 21 });
  });

  it('serves forged, replayed and stale pages when told to, which a reader can tell apart', async () => {
    await admin('POST', '/staff/cases', { personId: KONG, itemId: 'SS05' });
    await page(0, 'first-challenge-000001');
    await admin('POST', '/events/faults', { tamper: 'forge' });
    const forged = await page(0, 'second-challenge-00002');
    expect(forged.headers.get('x-jsb-signature')).not.toBe(sign('second-challenge-00002', forged.headers.get('x-jsb-timestamp')!, forged.text));
    await admin('POST', '/events/faults', { tamper: 'replay' });
    const replayed = await page(0, 'third-challenge-000003');
    expect(replayed.body.challenge).toBe('first-challenge-000001');
    await admin('POST', '/events/faults', { tamper: 'stale' });
    const stale = await page(0, 'fourth-challenge-00004');
    expect(Date.now() / 1000 - Number(stale.headers.get('x-jsb-timestamp'))).toBeGreaterThan(500);
    // the next page is genuine again
    const ok = await page(0, 'fifth-challenge-000005');
    expect(ok.headers.get('x-jsb-signature')).toBe(sign('fifth-challenge-000005', ok.headers.get('x-jsb-timestamp')!, ok.text));
  });

  it('refuses an unsigned reader like every core path', async () => {
    const res = await request(`${core.url}/core/v1/events?after=0&challenge=aaaaaaaaaaaaaaaa`);
    expect(res.status).toBe(401);
  });
});
