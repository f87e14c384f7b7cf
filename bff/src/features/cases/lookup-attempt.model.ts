import { Schema, type Connection } from 'mongoose';

/**
 * One guess of a query code (办件查询码) without signing in. Insert-only: a guess inserts its record first and
 * then counts (FerretDB has no atomic conditional update or $inc), so concurrent guesses can never slip past
 * the limit; a correct code deletes its own record, so only wrong codes count.
 */
const lookupAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseNo: { type: String, required: true },
    /** the client address the guess came from */
    client: { type: String, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'lookup_attempts', versionKey: false },
);
lookupAttemptSchema.index({ caseNo: 1, at: 1 });
lookupAttemptSchema.index({ client: 1, at: 1 });
lookupAttemptSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('LookupAttempt', lookupAttemptSchema);
export type LookupAttemptModel = ReturnType<typeof build>;
export function lookupAttemptModel(conn: Connection): LookupAttemptModel {
  return (conn.models.LookupAttempt as LookupAttemptModel | undefined) ?? build(conn);
}
