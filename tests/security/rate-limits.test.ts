/**
 * Rate limits: sign-in (per client address before WeChat is asked, per openid after), 凭码查询 (per case number and per
 * client address), and 找茬 (complaints and photo uploads per citizen per day). Each answers 429 with Retry-After and a Chinese message that says
 * when to try again, holds under concurrent requests (counted with inserts, which are atomic on FerretDB too), and
 * cannot be reset with a forged X-Forwarded-For.
 */
import sharp from 'sharp';
import { COMPLAINT_RULES, type TokenPair } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, loginCode, openid, type ErrBody } from '../support/http';
import { renew, verifiedCitizen } from '../support/citizens';
import { citizenWithPerson, openCase } from '../support/cases';

jest.setTimeout(120_000);

// Tue 3 Mar 2026, 10:00 in Jining
const T0 = new Date('2026-03-03T02:00:00Z');
const PER_ADDRESS = 6;
const PER_OPENID = 3;

let s: Stack;
beforeAll(async () => {
  s = await startStack({
    name: 'sec-rate',
    start: T0,
    env: { SIGNIN_LIMIT_PER_ADDRESS: String(PER_ADDRESS), SIGNIN_LIMIT_PER_OPENID: String(PER_OPENID), COMPLAINT_DAILY_LIMIT: '3' },
  });
  s.clock.freeze();
  s.clock.set(T0);
});
afterAll(() => s?.close());

const at = (ms: number) => s.clock.set(new Date(T0.getTime() + ms));
const login = (code: string, headers: Record<string, string> = {}) =>
  call<TokenPair & ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/wechat-login', { body: { code }, headers });
const han = /[\u4e00-\u9fff]/;

function expectLimited(r: { status: number; headers: Headers; body: ErrBody }, code: string, maxSeconds: number): number {
  expect(r.status).toBe(429);
  expect(r.body.error.code).toBe(code);
  expect(r.body.error.message).toMatch(han);
  expect(r.body.error.hint).toMatch(han);
  const retry = Number(r.headers.get('retry-after'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(maxSeconds);
  return retry;
}

describe('POST /api/v1/auth/wechat-login rate limits', () => {
  it(`lets one WeChat user (openid) sign in ${PER_OPENID} times in 10 minutes, then 429 RATE_LIMITED with Retry-After`, async () => {
    at(0);
    const oid = openid();
    for (let i = 0; i < PER_OPENID; i++) expect((await login(await loginCode(s, oid))).status).toBe(200);
    const over = await login(await loginCode(s, oid));
    const retry = expectLimited(over, 'RATE_LIMITED', 600);
    expect(over.body.error.message).toBe('登录太频繁，已暂时停止登录。');
    expect(over.body.error.hint).toMatch(/分钟后再点击“微信一键登录”/);
    expect(over.body.error.details).toMatchObject({ retryAfterSeconds: retry });
    // nothing was stored for the refused sign-in
    expect(await s.db.collection('sessions').countDocuments({ openid: oid })).toBe(PER_OPENID);
    at(10 * 60_000 + 1000);
    expect((await login(await loginCode(s, oid))).status).toBe(200);
  });

  it(`lets one client address try ${PER_ADDRESS} sign-ins a minute, wrong codes included, before WeChat is even asked`, async () => {
    at(20 * 60_000);
    for (let i = 0; i < PER_ADDRESS - 1; i++) expect((await login(await loginCode(s, openid()))).status).toBe(200);
    expect((await login('not-a-real-code-0000')).body.error.code).toBe('WECHAT_CODE_INVALID');
    const unused = await loginCode(s, openid());
    const over = await login(unused);
    expectLimited(over, 'RATE_LIMITED', 60);
    // a forged X-Forwarded-For does not make a new client
    expectLimited(await login(unused, { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' }), 'RATE_LIMITED', 60);
    // WeChat was not asked: the refused code is still good once the minute has passed
    at(21 * 60_000 + 1000);
    expect((await login(unused)).status).toBe(200);
  });

  it('behind our own load balancer (TRUST_PROXY_HOPS=1) counts each citizen apart, by the address the balancer wrote, not one a phone made up', async () => {
    at(40 * 60_000);
    const behind = await s.addInstance({ TRUST_PROXY_HOPS: 1 });
    const via = (code: string, client: string, forged: string) =>
      call<TokenPair & ErrBody>(behind.url, 'POST', '/api/v1/auth/wechat-login', { body: { code }, headers: { 'x-forwarded-for': `${forged}, ${client}` } });
    for (let i = 0; i < PER_ADDRESS; i++) expect((await via(await loginCode(s, openid()), '198.51.100.7', `10.0.0.${i}`)).status).toBe(200);
    // a new made-up address in front does not reset the limit of 198.51.100.7
    expectLimited(await via(await loginCode(s, openid()), '198.51.100.7', '10.9.9.9'), 'RATE_LIMITED', 60);
    // another citizen behind the same balancer is not affected
    expect((await via(await loginCode(s, openid()), '198.51.100.8', '10.0.0.1')).status).toBe(200);
  });

  it('holds under a burst: of 15 simultaneous sign-ins from one address, never more than the limit get through', async () => {
    at(30 * 60_000);
    const codes = await Promise.all(Array.from({ length: 15 }, () => loginCode(s, openid())));
    const results = await Promise.all(codes.map((c) => login(c)));
    let ok = results.filter((r) => r.status === 200).length;
    expect(ok).toBeLessThanOrEqual(PER_ADDRESS);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 429 && r.body.error.code === 'RATE_LIMITED')).toBe(true);
    // a burst may be refused a little too eagerly (refused attempts are not counted), never too leniently: one by one,
    // exactly the limit is reached within the minute
    for (let i = 0; i < PER_ADDRESS + 2; i++) {
      const r = await login(await loginCode(s, openid()));
      if (r.status !== 200) break;
      ok += 1;
    }
    expect(ok).toBe(PER_ADDRESS);
  });
});

describe('POST /api/v1/cases/lookup rate limits (凭码查询, no sign-in)', () => {
  it('holds under a burst of wrong codes for one case number: at most 5 are answered, the rest wait with Retry-After', async () => {
    at(40 * 60_000);
    const p = await citizenWithPerson(s);
    const c = await openCase(s, p.personId);
    const wrong = c.queryCode === '000000' ? '111111' : '000000';
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call<ErrBody>(s.bffUrl, 'POST', '/api/v1/cases/lookup', { body: { caseNo: c.caseNo, code: wrong } })),
    );
    let answered = results.filter((r) => r.status === 404).length;
    for (const r of results.filter((x) => x.status !== 404)) expectLimited(r, 'TOO_MANY_ATTEMPTS', 15 * 60);
    // refused guesses are not counted (they learned nothing); keep guessing one by one until the case number is blocked
    for (let i = 0; i < 10; i++) {
      const r = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/cases/lookup', {
        body: { caseNo: c.caseNo, code: wrong },
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
      if (r.status === 429) break;
      answered += 1;
    }
    // 5 wrong codes answered in all, burst or not
    expect(answered).toBe(5);
    // and the right code waits too, whatever X-Forwarded-For says
    const right = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/cases/lookup', {
      body: { caseNo: c.caseNo, code: c.queryCode },
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expectLimited(right, 'TOO_MANY_ATTEMPTS', 15 * 60);
  });
});

describe('POST /api/v1/complaints daily limit (找茬)', () => {
  it('holds under a burst: of 8 simultaneous complaints with different keys, at most 3 are accepted; the rest 429 with Retry-After until midnight', async () => {
    at(60 * 60_000); // 11:00 in Jining
    const c = await verifiedCitizen(s);
    await renew(s, c);
    const form = (i: number) => ({
      category: '推诿/说"No"',
      target: { hallId: 'city', zoneId: 'shangshi', windowNo: '12' },
      description: `第${i}次：窗口说材料不全，但没说清缺什么`,
      anonymous: false,
      photoIds: [],
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call<ErrBody>(s.bffUrl, 'POST', '/api/v1/complaints', { token: c.accessToken, body: form(i), headers: { 'idempotency-key': `burst-${i}-0000` } }),
      ),
    );
    expect(results.filter((r) => r.status === 201).length).toBeLessThanOrEqual(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    // 11:00 → midnight in Jining is 13 hours
    for (const r of refused) expect(expectLimited(r, 'COMPLAINT_DAILY_LIMIT', 13 * 3600)).toBe(13 * 3600);
    const list = await call<{ complaints: unknown[] }>(s.bffUrl, 'GET', '/api/v1/complaints', { token: c.accessToken });
    expect(list.body.complaints.length).toBe(results.filter((r) => r.status === 201).length);
  });
});

describe('POST /api/v1/complaints/photos daily uploads (找茬)', () => {
  const DAILY = 3;
  const max = DAILY * COMPLAINT_RULES.maxPhotos * 2;
  async function upload(token: string, data: Buffer) {
    const res = await fetch(`${s.bffUrl}/api/v1/complaints/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: new Uint8Array(data),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as ErrBody };
  }

  it("takes the day's uploads, not counting files that were refused, then 429 RATE_LIMITED with Retry-After until midnight", async () => {
    at(60 * 60_000); // 11:00 in Jining
    const c = await verifiedCitizen(s);
    await renew(s, c);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2e86de' } })
      .png()
      .toBuffer();
    for (let i = 0; i < max - 1; i++) expect((await upload(c.accessToken, png)).status).toBe(201);
    // not a photo: refused, and it does not use up one of the day's uploads
    for (let i = 0; i < 3; i++) expect((await upload(c.accessToken, Buffer.from('not a photo at all'))).body.error.code).toBe('PHOTO_TYPE_NOT_ALLOWED');
    expect((await upload(c.accessToken, png)).status).toBe(201);
    const over = await upload(c.accessToken, png);
    expect(expectLimited(over, 'RATE_LIMITED', 13 * 3600)).toBe(13 * 3600);
    expect(over.body.error.message).toContain(String(max));
    expect(over.body.error.details).toMatchObject({ limit: max });
  });
});
