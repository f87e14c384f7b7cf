import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey } from './duplicate';

/**
 * Claims: "this was done once, by this owner". A claim is one insert on a unique _id, the only write that is
 * atomic on every server we run on. FerretDB v1.24.2 (SQLite) does not make a conditional update atomic against
 * concurrent writers — two `findOneAndUpdate({ state: 'pending' }, …)` both succeed, and concurrent `$inc`s lose
 * updates (tests/integration/claims.test.ts shows it) — so anything that must happen once (a reminder sent, a
 * refresh token spent, a job round run, a payment transition) first takes a claim.
 */
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'claims', versionKey: false },
);
claimSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('Claim', claimSchema);
export type ClaimModel = ReturnType<typeof build>;
export function claimModel(conn: Connection): ClaimModel {
  return (conn.models.Claim as ClaimModel | undefined) ?? build(conn);
}

export interface Claims {
  /** true for exactly one caller per key, whatever the concurrency; false for every other */
  take(key: string, owner: string, now: Date, keepMs: number): Promise<boolean>;
  /** when the claim was taken, or null if nobody holds it */
  takenAt(key: string): Promise<Date | null>;
}

export function createClaims(model: ClaimModel): Claims {
  return {
    async take(key, owner, now, keepMs) {
      try {
        await model.create({ _id: key, owner, at: now, expiresAt: new Date(now.getTime() + keepMs) });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async takenAt(key) {
      const doc = await model.findById(key, { at: 1 }).lean();
      return doc ? doc.at : null;
    },
  };
}
