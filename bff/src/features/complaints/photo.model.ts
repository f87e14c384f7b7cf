import { Schema, type Connection } from 'mongoose';

/**
 * A complaint photo after re-encoding (no metadata left), kept until the core has it. Binary data in the
 * document: one photo is at most 700 KB after re-encoding, far below MongoDB's 16 MB document limit.
 * An unused upload expires after 7 days; a delivered one a day after delivery.
 */
const photoSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    type: { type: String, enum: ['image/jpeg', 'image/png', 'image/webp'], required: true },
    data: { type: Buffer, required: true },
    bytes: { type: Number, required: true },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    /** the complaint that uses it, once submitted */
    complaintRef: { type: String },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'complaint_photos', versionKey: false },
);
photoSchema.index({ userId: 1, createdAt: -1 });
photoSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('ComplaintPhoto', photoSchema);
export type ComplaintPhotoModel = ReturnType<typeof build>;
export function complaintPhotoModel(conn: Connection): ComplaintPhotoModel {
  return (conn.models.ComplaintPhoto as ComplaintPhotoModel | undefined) ?? build(conn);
}
