import { Schema, type Connection } from 'mongoose';

/**
 * The last case (with its 补正) the core showed a citizen, kept so uploads and the submission still work while the
 * core is down: the files and the submission wait in the bff, and the outbox hands them over when the core is back,
 * which checks them again (deadline, materials). `_id` = `<userId>|<caseNo>`.
 */
const snapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    case: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'correction_snapshots', versionKey: false },
);
snapshotSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('CorrectionSnapshot', snapshotSchema);
export type SnapshotModel = ReturnType<typeof build>;
export function snapshotModel(conn: Connection): SnapshotModel {
  return (conn.models.CorrectionSnapshot as SnapshotModel | undefined) ?? build(conn);
}
