import type { Connection, Model } from 'mongoose';
import type { PeriodicJob } from '../jobs/runner';

/**
 * Expired documents (sessions, idempotency records, claims, rate-limit places, …) are removed by a sweep that every
 * bff instance schedules whatever the server says about TTL indexes. MongoDB deletes them itself (its TTL monitor
 * runs about once a minute), but the servers we run here do not: FerretDB v1.24 refuses the TTL option, and
 * mongo-java-server 1.47 accepts it and never deletes anything. Trusting a server that accepted the option would let
 * expired sessions and idempotency records pile up silently; on MongoDB the sweep finds little left to do.
 *
 * The fields come from the models' declared TTL indexes (`schema.index({ expiresAt: 1 }, { expireAfterSeconds })`),
 * so a new expiring collection is swept without being listed here. Reads never rely on either mechanism: every query
 * on expiring data also filters on its expiry field.
 */
export interface ExpiringField {
  model: Model<unknown>;
  field: string;
  /** the index's expireAfterSeconds, in ms: a document goes once `field` + afterMs is past */
  afterMs: number;
}

export function expiringFields(conn: Connection): ExpiringField[] {
  const fields: ExpiringField[] = [];
  for (const model of Object.values(conn.models) as Model<unknown>[]) {
    for (const [keys, options] of model.schema.indexes()) {
      const seconds = (options as { expireAfterSeconds?: unknown }).expireAfterSeconds;
      const field = Object.keys(keys)[0];
      if (typeof seconds === 'number' && field) fields.push({ model, field, afterMs: seconds * 1000 });
    }
  }
  return fields;
}

/** Deletes every expired document; returns how many. Idempotent and safe on many instances at once. */
export async function sweepExpired(conn: Connection, now: Date): Promise<number> {
  let deleted = 0;
  for (const { model, field, afterMs } of expiringFields(conn)) {
    const r = await model.deleteMany({ [field]: { $lt: new Date(now.getTime() - afterMs) } });
    deleted += r.deletedCount ?? 0;
  }
  return deleted;
}

/** The sweep as a periodic job (one round a minute across all instances, like MongoDB's TTL monitor). */
export function expirySweepJob(conn: Connection): PeriodicJob {
  return { name: 'expiry-sweep', everyMs: 60_000, run: (now) => sweepExpired(conn, now) };
}
