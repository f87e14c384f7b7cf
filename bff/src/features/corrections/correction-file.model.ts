import { Schema, type Connection } from 'mongoose';

/**
 * A file uploaded for one material of a 补正 (issue 12), already cleaned (photos re-encoded, PDFs without metadata),
 * kept until the core has it: in the outbox's hands while the core is down, so nothing is lost. `round` is how many
 * submissions the core had received when it was uploaded: the files of the submission being prepared are those of the
 * current round. At most 5 MB in the document, far below MongoDB's 16 MB.
 */
const fileSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    caseNo: { type: String, required: true },
    correctionId: { type: String, required: true },
    materialId: { type: String, required: true },
    round: { type: Number, required: true },
    type: { type: String, enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], required: true },
    bytes: { type: Number, required: true },
    pages: { type: Number, required: true },
    data: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
    /** its number in the correction's list of files (db/lists.ts) */
    place: { type: Number },
    deliveredAt: { type: Date },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'correction_files', versionKey: false },
);
fileSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('CorrectionFile', fileSchema);
export type CorrectionFileModel = ReturnType<typeof build>;
export function correctionFileModel(conn: Connection): CorrectionFileModel {
  return (conn.models.CorrectionFile as CorrectionFileModel | undefined) ?? build(conn);
}
