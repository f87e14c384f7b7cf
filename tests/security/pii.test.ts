/**
 * After a whole run of the product — sign-in, real name, phone, booking and ticket, complaint with a photo, its reply
 * and rating, cases with mailing and 好差评, 凭码查询, a paid fee, refresh, logout, and the refusals on the way
 * (a wrong real name, a malformed ID number) — neither the bff's logs (at trace level) nor any answer it gave holds a
 * full ID number, phone number, token, session key or secret. Token-issuing answers may of course hold their own tokens.
 */
import sharp from 'sharp';
import { idNumberCheckChar, type TokenPair } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, signIn, openid } from '../support/http';
import { newPerson } from '../support/citizens';
import { seed, SEED_START, type Seeded } from '../support/seed';

jest.setTimeout(120_000);

interface Seen {
  method: string;
  url: string;
  status: number;
  text: string;
}

let s: Stack;
let seeded: Seeded;
const seen: Seen[] = [];
const realFetch = globalThis.fetch;
const secrets = new Map<string, string>(); // value → what it is
const issued = new Set<string>(); // tokens the login and refresh answers handed out

beforeAll(async () => {
  s = await startStack({ name: 'sec-pii', start: SEED_START, env: { LOG_LEVEL: 'trace' } });
  s.clock.freeze();
  s.clock.set(SEED_START);
  // every answer of the bff, whoever asked for it (the seed helpers too)
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(s.bffUrl))
      seen.push({ method: init?.method ?? 'GET', url: url.slice(s.bffUrl.length), status: res.status, text: await res.clone().text() });
    return res;
  };
  await journey();
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await s?.close();
});

async function journey(): Promise<void> {
  seeded = await seed(s);
  const c = seeded.citizen;
  const t = c.accessToken;
  secrets.set(c.idNumber, 'ID number').set(c.phone, 'phone number').set(c.name, 'full name');
  // booking ticket and standing
  await call(s.bffUrl, 'GET', `/api/v1/appointments/${seeded.appointmentId}/ticket`, { token: t });
  await call(s.bffUrl, 'GET', '/api/v1/me/booking-standing', { token: t });
  // a complaint with a photo
  const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#27ae60' } })
    .png()
    .toBuffer();
  const photo = await (
    await fetch(`${s.bffUrl}/api/v1/complaints/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'image/png' },
      body: new Uint8Array(png),
    })
  ).json();
  await call(s.bffUrl, 'POST', '/api/v1/complaints', {
    token: t,
    body: {
      category: '推诿/说"No"',
      target: { hallId: 'city', zoneId: 'shehui', windowNo: '5' },
      description: `我的电话是${c.phone}，身份证${c.idNumber}，请回电`,
      anonymous: false,
      photoIds: [(photo as { id: string }).id],
    },
  });
  await call(s.bffUrl, 'GET', '/api/v1/complaints', { token: t });
  await call(s.bffUrl, 'GET', `/api/v1/complaints/${seeded.complaintId}`, { token: t });
  // cases: detail, mailing with an address phone, rating view, lookup by code without signing in
  const mailingPhone = '13905376612';
  secrets.set(mailingPhone, 'mailing phone number');
  await call(s.bffUrl, 'POST', `/api/v1/cases/${seeded.openCaseNo}/mailing`, {
    token: t,
    body: { address: { recipient: c.name, phone: mailingPhone, province: '山东省', city: '济宁市', district: '任城区', detail: '古槐路街道红星路66号' } },
  });
  await call(s.bffUrl, 'GET', `/api/v1/cases/${seeded.openCaseNo}/mailing`, { token: t });
  await call(s.bffUrl, 'GET', `/api/v1/cases/${seeded.openCaseNo}`, { token: t });
  await call(s.bffUrl, 'GET', `/api/v1/cases/${seeded.closedCaseNo}/rating`, { token: t });
  await call(s.bffUrl, 'GET', '/api/v1/cases', { token: t });
  await call(s.bffUrl, 'POST', '/api/v1/cases/lookup', { body: { caseNo: seeded.openCaseNo, code: seeded.openCaseQueryCode } });
  await call(s.bffUrl, 'POST', '/api/v1/cases/lookup', {
    body: { caseNo: seeded.openCaseNo, code: seeded.openCaseQueryCode === '000000' ? '111111' : '000000' },
  });
  // payments
  await call(s.bffUrl, 'GET', '/api/v1/bills/mine', { token: t });
  await call(s.bffUrl, 'GET', '/api/v1/payments', { token: t });
  await call(s.bffUrl, 'GET', `/api/v1/payments/${seeded.paymentId}`, { token: t });
  // refusals that carry personal data in their requests
  const other = await newPerson(s);
  secrets.set(other.idNumber, "another person's ID number");
  const fresh = await signIn(s, openid());
  await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: fresh.accessToken, body: { name: c.name, idNumber: other.idNumber } });
  const bad = `${other.idNumber.slice(0, 17)}${idNumberCheckChar(other.idNumber.slice(0, 17)) === '0' ? '1' : '0'}`;
  secrets.set(bad, 'a mistyped ID number');
  await call(s.bffUrl, 'POST', '/api/v1/me/real-name', { token: fresh.accessToken, body: { name: c.name, idNumber: bad } });
  await call(s.bffUrl, 'GET', '/api/v1/me', { token: t });
  // refresh, then sign out
  const renewed = await call<TokenPair>(s.bffUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: c.refreshToken } });
  await call(s.bffUrl, 'POST', '/api/v1/auth/logout', { token: renewed.body.accessToken });
  await call(s.bffUrl, 'GET', '/api/v1/me', { token: renewed.body.accessToken });

  for (const r of seen) {
    if (/\/auth\/(wechat-login|refresh)$/.test(r.url) && r.status === 200) {
      const p = JSON.parse(r.text) as TokenPair;
      issued.add(p.accessToken).add(p.refreshToken);
    }
  }
  for (const tok of issued) secrets.set(tok, 'token');
  for (const doc of await s.db.collection('sessions').find({}).toArray()) {
    secrets.set(String(doc.sessionKey), 'WeChat session_key');
    secrets.set(String(doc.familySecret), 'refresh family secret');
  }
  secrets.set(s.config.JWT_SECRET, 'JWT secret').set(s.config.PII_HASH_SECRET, 'PII hash secret').set(s.config.CORE_HMAC_SECRET, 'core HMAC secret');
  secrets.set(s.config.WECHAT_SECRET, 'WeChat app secret').set(s.config.WXPAY_APIV3_KEY!, 'WeChat Pay APIv3 key');
}

const ID_LIKE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const PHONE_LIKE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** what a text gives away: known secrets by name, and anything shaped like a full ID number or phone number */
/** request ids are random UUIDs: one with eleven digits in a row looked like a phone number and failed a CI run */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function leaks(text: string, allowed: Set<string> = new Set()): string[] {
  const out: string[] = [];
  for (const [value, what] of secrets) if (value && value.length >= 6 && !allowed.has(value) && text.includes(value)) out.push(what);
  // the shapes are looked for outside the random identifiers the bff issues (request ids, the tokens it hands out)
  let shaped = text.replace(UUID, '');
  for (const own of [...allowed, ...issued]) if (own.length >= 16) shaped = shaped.split(own).join('');
  for (const m of shaped.match(ID_LIKE) ?? []) if (idNumberCheckChar(m.slice(0, 17)) === m[17]!.toUpperCase()) out.push(`an ID number (${m.slice(0, 6)}…)`);
  for (const m of shaped.match(PHONE_LIKE) ?? []) out.push(`a phone number (${m.slice(0, 3)}…)`);
  return out;
}

describe('personal data and secrets after a whole journey', () => {
  it('the journey really ran: every kind of answer was seen, and the personal data went through the bff', () => {
    const urls = seen.map((r) => `${r.method} ${r.url.split('?')[0]}`);
    for (const want of [
      'POST /api/v1/auth/wechat-login',
      'POST /api/v1/me/real-name',
      'POST /api/v1/me/phone',
      'POST /api/v1/appointments',
      'POST /api/v1/complaints',
      'POST /api/v1/complaints/photos',
      'POST /api/v1/payments',
      'POST /api/v1/cases/lookup',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/logout',
    ]) {
      expect(urls).toContain(want);
    }
    expect(seen.length).toBeGreaterThan(30);
    expect(s.logs.length).toBeGreaterThan(seen.length);
  });

  it('no answer holds a full ID number, phone number, session key or secret, nor a token other than the ones it issues', () => {
    const found = seen.flatMap((r) => {
      const own =
        /\/auth\/(wechat-login|refresh)$/.test(r.url) && r.status === 200
          ? new Set(Object.values(JSON.parse(r.text) as Record<string, string>).map(String))
          : new Set<string>();
      return leaks(r.text, own).map((what) => `${r.method} ${r.url} ${r.status}: ${what}`);
    });
    expect(found).toEqual([]);
  });

  it('no log line holds a full ID number, phone number, token, session key or secret', () => {
    const found = s.logs.flatMap((line, i) => leaks(line).map((what) => `log line ${i} (${(JSON.parse(line) as { msg?: string }).msg}): ${what}`));
    expect(found).toEqual([]);
  });
});
