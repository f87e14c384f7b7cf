import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';

/**
 * A MongoDB-backed lease: among any number of bff instances, at most one holds a job's lease at a time.
 * Acquire is one conditional upsert on the job's _id (unique), so two instances racing cannot both win.
 */
const leaseSchema = new Schema(
  { _id: { type: String, required: true }, owner: { type: String, required: true }, until: { type: Date, required: true } },
  { collection: 'job_leases', versionKey: false },
);

const build = (conn: Connection) => conn.model('JobLease', leaseSchema);
export type LeaseModel = ReturnType<typeof build>;
export function leaseModel(conn: Connection): LeaseModel {
  return (conn.models.JobLease as LeaseModel | undefined) ?? build(conn);
}

export interface Lease {
  readonly owner: string;
  /** true when this instance holds (or now took) the lease for `ttlMs` from `now` */
  acquire(job: string, now: Date, ttlMs: number): Promise<boolean>;
  release(job: string): Promise<void>;
}

export function createLease(model: LeaseModel, owner = `bff-${randomBytes(6).toString('hex')}`): Lease {
  return {
    owner,
    async acquire(job, now, ttlMs) {
      try {
        const doc = await model.findOneAndUpdate(
          { _id: job, $or: [{ until: { $lte: now } }, { owner }] },
          { $set: { owner, until: new Date(now.getTime() + ttlMs) } },
          { upsert: true, returnDocument: 'after' },
        );
        return doc?.owner === owner;
      } catch (err) {
        // another instance holds it: the upsert's insert hit the unique _id
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    },
    async release(job) {
      await model.deleteOne({ _id: job, owner });
    },
  };
}
