import { STALE_PENDING_MS } from '../../bff/src/db/idempotency';
import { call } from './http';
import type { Stack } from './stack';

/**
 * Leaves a request's idempotency record as a bff killed before it answered would: pending, and older than the age at
 * which another instance takes it over. Returns nothing; fails the test if there was no such record.
 */
export async function abandonRequest(s: Stack, accessToken: string, operation: string, key: string): Promise<void> {
  const me = await call<{ userId: string }>(s.bffUrl, 'GET', '/api/v1/me', { token: accessToken });
  const r = await s.db
    .collection('idempotency')
    .updateOne(
      { _id: `${me.body.userId}:${operation}:${key}` as never },
      { $set: { state: 'pending', createdAt: new Date(s.clock.now().getTime() - STALE_PENDING_MS - 1000) }, $unset: { body: '', status: '' } },
    );
  if (r.modifiedCount !== 1) throw new Error(`no idempotency record for ${operation} ${key}`);
}
