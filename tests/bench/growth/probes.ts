/**
 * The growth benchmark's probe citizens: each lives a short, ordinary life through the real API (and the core's window
 * console), so every list they read back has the same content at every database size, and every document the bff
 * wrote for them is the template the filler copies (fill.ts): the shapes are the bff's own.
 */
import { randomBytes } from 'node:crypto';
import type { TokenPair } from '@jsb/shared';
import { call } from '../../support/http';
import { newPerson, signIn, type BenchSystem, type Bff } from '../system';

export interface Probe extends TokenPair {
  openid: string;
  personId: string;
}

const ok = <T>(what: string, r: { status: number; text: string; body: T }): T => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
};
const key = () => randomBytes(12).toString('hex');

async function staff(sys: BenchSystem, path: string, body: unknown = {}): Promise<{ caseNo: string }> {
  return ok(`staff ${path}`, await call<{ caseNo: string }>(sys.mocks.ready.core, 'POST', `/__mock/staff${path}`, { body }));
}

/** Signed in, real-name verified; two bookings, three complaints, two paid-for fees, one case with six messages. */
export async function makeProbe(sys: BenchSystem, bff: Bff, i: number): Promise<Probe> {
  const oid = `o_probe_${i}_${randomBytes(4).toString('hex')}`;
  const t = await signIn(sys, bff, oid);
  const person = await newPerson(sys);
  ok('real-name', await call(bff.url, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: { name: person.name, idNumber: person.idNumber } }));
  const as = (method: string, path: string, body?: unknown, idem = true) =>
    call<unknown>(bff.url, method, path, { token: t.accessToken, body, headers: idem ? { 'idempotency-key': key() } : {} });

  for (const [day, time] of [
    ['2026-02-10', '1430'],
    ['2026-02-12', '0930'],
  ] as const) {
    ok('booking', await as('POST', '/api/v1/appointments', { itemId: 'SS01', slotId: `city.shangshi.${day}.${time}` }));
  }
  for (const description of [
    '窗口工作人员让我下次再来，没有一次告知需要哪些材料。',
    '自助机打印不出受理回执，等了很久没人处理。',
    '叫号屏幕坏了，听不到叫号，错过了号。',
  ]) {
    ok(
      'complaint',
      await as('POST', '/api/v1/complaints', {
        category: '一次告知不到位',
        target: { hallId: 'city', zoneId: 'shangshi', windowNo: 'A3' },
        description,
        anonymous: i % 2 === 0,
      }),
    );
  }
  for (let k = 0; k < 2; k++) {
    const fee = ok(
      'fee',
      await call<{ id: string }>(sys.mocks.ready.core, 'POST', '/__mock/fees', {
        body: { idNumber: person.idNumber, caseNumber: `JN2026BDC${String(i * 10 + k).padStart(6, '0')}`, title: '不动产登记费（住宅）', amountFen: 8000 },
      }),
    );
    ok('payment', await as('POST', '/api/v1/payments', { payableId: fee.id }));
  }
  ok('subscriptions', await as('POST', '/api/v1/messages/subscriptions', { answers: { tpl_case_status: 'accept', tpl_booking_reminder: 'accept' } }));
  const { caseNo } = await staff(sys, '/cases', { personId: person.personId, itemId: 'SS05', accept: true });
  await staff(sys, `/cases/${caseNo}/review`, { department: '市市场监督管理局食品经营科', name: '材料审查' });
  await staff(sys, `/cases/${caseNo}/pause`, {
    kind: '补正',
    reason: '材料不全',
    materials: [{ name: '经营场所平面图', reason: '申请材料中缺少', copies: 1, form: '复印件' }],
  });
  await staff(sys, `/cases/${caseNo}/resume`);
  await staff(sys, `/cases/${caseNo}/decide`, { decision: '准予' });
  await staff(sys, `/cases/${caseNo}/issue`);
  return { ...t, openid: oid, personId: person.personId };
}

/** After the probes' cases moved: the bff reads the core's event feed until it is through (its 消息, its pushes). */
export async function readEvents(bff: Bff): Promise<void> {
  await bff.ask('pullEvents');
}

/** Two of each probe's messages opened: its list shows read and unread ones. */
export async function openTwo(bff: Bff, p: Probe): Promise<void> {
  const list = ok('messages', await call<{ messages: { id: string }[] }>(bff.url, 'GET', '/api/v1/messages?limit=20', { token: p.accessToken }));
  for (const m of list.messages.slice(1, 3)) ok('read', await call(bff.url, 'POST', `/api/v1/messages/${m.id}/read`, { token: p.accessToken }));
}
