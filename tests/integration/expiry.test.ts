import type { PeriodicJob } from '@jsb/bff';
import type { Complaint } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { verifiedCitizen } from '../support/citizens';
import { call, openid, signIn, type ErrBody } from '../support/http';

/**
 * Expired sessions and idempotency records go on every server: MongoDB would delete them by TTL index, FerretDB
 * refuses the TTL option, mongo-java-server accepts it and never deletes. So the bff's own sweep (bff/src/db/expiry.ts)
 * runs whatever the server said; CI runs this file on both servers (scripts/test.ts).
 */
let s: Stack;
let sweep: PeriodicJob;
beforeAll(async () => {
  s = await startStack({ name: 'expiry' });
  sweep = s.bff.jobs.find((j) => j.name === 'expiry-sweep')!;
});
afterAll(() => s.close());

const DAY = 24 * 3600_000;

describe('the expiry sweep every bff instance runs', () => {
  it('is scheduled on every server, whether or not it accepted the TTL index option', async () => {
    expect(sweep).toBeDefined();
    const expiry = (await s.db.collection('sessions').indexes()).find((i) => Object.keys(i.key)[0] === 'expiresAt');
    expect(expiry).toBeDefined();
  });

  it('removes an expired session and idempotency record and keeps the ones still valid', async () => {
    const old = await verifiedCitizen(s);
    const userId = (await call<{ userId: string }>(s.bffUrl, 'GET', '/api/v1/me', { token: old.accessToken })).body.userId;
    const complaint = { category: '环境设施', target: { hallId: 'city' }, description: '过期清理：大厅座椅不够', anonymous: false, photoIds: [] };
    const created = await call<Complaint & ErrBody>(s.bffUrl, 'POST', '/api/v1/complaints', {
      token: old.accessToken,
      body: complaint,
      headers: { 'idempotency-key': 'expiry-sweep-0001' },
    });
    expect(created.status).toBe(201);
    const sessions = s.db.collection('sessions');
    const records = s.db.collection<{ _id: string }>('idempotency');
    const recordId = `${userId}:createComplaint:expiry-sweep-0001`;
    expect(await sessions.countDocuments({ openid: old.openid })).toBe(1);
    expect(await records.countDocuments({ _id: recordId })).toBe(1);

    // 31 days on: the 30-day session and the 24-hour record have expired; a citizen signing in now has a live session
    s.clock.advance(31 * DAY);
    const freshOpenid = openid();
    await signIn(s, freshOpenid);
    // no server removed them by itself (the real clock has not moved 31 days): what goes next is the sweep's doing
    expect(await sessions.countDocuments({ openid: old.openid })).toBe(1);
    expect(await records.countDocuments({ _id: recordId })).toBe(1);

    const deleted = await sweep.run(s.clock.now());

    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await sessions.countDocuments({ openid: old.openid })).toBe(0);
    expect(await records.countDocuments({ _id: recordId })).toBe(0);
    expect(await sessions.countDocuments({ openid: freshOpenid })).toBe(1);
    // and the citizen whose session went must sign in again
    const refreshed = await call<ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: old.refreshToken } });
    expect(refreshed.status).toBe(401);
  });
});
