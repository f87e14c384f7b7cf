import mongoose, { type Connection } from 'mongoose';
import { claimModel, createClaims } from '@jsb/bff';
import type { TokenPair } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call, openid, signIn, type ErrBody } from '../support/http';

/**
 * Exactly-once rests on claims (a unique insert). These run on whichever server the helper found; on FerretDB
 * v1.24.2 a conditional update is NOT atomic against concurrent writers, which is why the bff never relies on one.
 */
let s: Stack;
let extra: Connection[] = [];
beforeAll(async () => {
  s = await startStack({ name: 'claims' });
  extra = await Promise.all([1, 2, 3].map(() => mongoose.createConnection(s.config.MONGODB_URI, { dbName: s.config.MONGODB_DB }).asPromise()));
});
afterAll(async () => {
  await Promise.all(extra.map((c) => c.close()));
  await s.close();
});

describe('claims', () => {
  it('give each key to exactly one of four concurrent connections', async () => {
    const all = [s.db, ...extra].map((c) => createClaims(claimModel(c)));
    for (let i = 0; i < 40; i++) {
      const won = await Promise.all(all.map((c, k) => c.take(`race:${i}`, `conn${k}`, new Date(), 60_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
    }
  });
});

describe('POST /api/v1/auth/refresh under concurrency', () => {
  it('lets one of two simultaneous uses of a refresh token win and treats the other as reuse', async () => {
    const p = await signIn(s, openid());
    const [a, b] = await Promise.all(
      [0, 1].map(() => call<TokenPair & ErrBody>(s.bffUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: p.refreshToken } })),
    );
    const statuses = [a!.status, b!.status].sort();
    expect(statuses).toEqual([200, 401]);
    const loser = a!.status === 401 ? a! : b!;
    expect(loser.body.error.code).toBe('REFRESH_REUSED');
  });
});
