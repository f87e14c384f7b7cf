/** Staff operations on the core mock's cases (its window console is /__mock/staff/*), for the Follow and Rate journeys. */
import type { TokenPair } from '@jsb/shared';
import { call, openid, signIn } from './http';
import { newPerson } from './citizens';
import type { Stack } from './stack';

export interface Citizen extends TokenPair {
  personId: string;
  name: string;
  /** their WeChat openid (the WeChat mock's subscription sheet and messages are per openid) */
  openid: string;
}

/** Signed in, real-name verified, and with the personId the core knows them by (to open cases for them at the window). */
export async function citizenWithPerson(s: Stack): Promise<Citizen> {
  const oid = openid();
  const t = await signIn(s, oid);
  const p = await newPerson(s);
  const r = await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: p });
  if (r.status !== 200) throw new Error(`real-name ${r.status} ${r.text}`);
  const person = s.core.state.persons.get(p.idNumber);
  if (!person) throw new Error('person not in the registry');
  return { ...t, personId: person.personId, name: p.name, openid: oid };
}

export interface StaffCase {
  caseNo: string;
  queryCode: string;
  status: string;
  [k: string]: unknown;
}

export async function staff(s: Stack, path: string, body: unknown = {}): Promise<StaffCase> {
  const r = await call<StaffCase>(s.coreUrl, 'POST', `/__mock/staff${path}`, { body });
  if (r.status >= 300) throw new Error(`staff ${path} ${r.status} ${r.text}`);
  return r.body;
}

/** A case received and accepted at the window now. */
export const openCase = (s: Stack, personId: string, itemId = 'SS05', extra: Record<string, unknown> = {}) =>
  staff(s, '/cases', { personId, itemId, accept: true, ...extra });

/** A case decided and issued now: closed, rateable for 15 working days. */
export async function closedCase(s: Stack, personId: string, itemId = 'SS05', extra: Record<string, unknown> = {}): Promise<StaffCase> {
  const c = await openCase(s, personId, itemId, extra);
  await staff(s, `/cases/${c.caseNo}/decide`, { decision: '准予' });
  return staff(s, `/cases/${c.caseNo}/issue`);
}
