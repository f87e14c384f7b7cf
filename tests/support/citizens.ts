import { idNumberCheckChar, type TokenPair } from '@jsb/shared';
import type { Stack } from './stack';
import { call, openid, signIn } from './http';

let seq = 0;

/** A made-up Jining citizen with a valid GB 11643 number, registered at the core mock's population registry. */
export async function newPerson(s: Stack): Promise<{ name: string; idNumber: string }> {
  seq += 1;
  const n = (seq + Math.floor(Math.random() * 400)) % 900;
  const first17 = `370811199${seq % 10}0${1 + (seq % 9)}1${seq % 10}${String(100 + n).slice(-3)}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const name = `测试${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${'子丑寅卯辰巳午未申酉戌亥'[seq % 12]}`;
  const r = await call(s.coreUrl, 'POST', '/__mock/persons', { body: { name, idNumber } });
  if (r.status === 409) return newPerson(s);
  if (r.status >= 300) throw new Error(`persons ${r.status} ${r.text}`);
  return { name, idNumber };
}

/** Signed in and real-name verified: ready to book. */
export async function verifiedCitizen(s: Stack): Promise<TokenPair & { openid: string }> {
  const oid = openid();
  const t = await signIn(s, oid);
  const p = await newPerson(s);
  const r = await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: t.accessToken, body: p });
  if (r.status !== 200) throw new Error(`real-name ${r.status} ${r.text}`);
  return { ...t, openid: oid };
}

/** After the test moved the clock past the access token's life: a new pair through the refresh token. */
export async function renew(s: Stack, c: TokenPair): Promise<void> {
  const r = await call<TokenPair>(s.bffUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: c.refreshToken } });
  if (r.status !== 200) throw new Error(`refresh ${r.status} ${r.text}`);
  c.accessToken = r.body.accessToken;
  c.refreshToken = r.body.refreshToken;
}
