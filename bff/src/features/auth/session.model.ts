import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * One login session = one refresh-token family. The refresh token names its generation; only the current
 * generation rotates, an older one proves reuse and revokes the family. `sessionKey` is WeChat's
 * session_key: it stays here and never leaves the bff.
 */
const sessionSchema = new Schema(
  {
    userId: { type: String, required: true },
    openid: { type: String, required: true },
    sessionKey: { type: String, required: true },
    familySecret: { type: String, required: true },
    generation: { type: Number, required: true, default: 0 },
    device: { type: String },
    lastUsedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, enum: ['logout', 'refresh-reuse', null], default: null },
  },
  { timestamps: true, collection: 'sessions' },
);
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
sessionSchema.index({ userId: 1 });

export type SessionDoc = InferSchemaType<typeof sessionSchema>;
const build = (conn: Connection) => conn.model('Session', sessionSchema);
export type SessionModel = ReturnType<typeof build>;

export function sessionModel(conn: Connection): SessionModel {
  return (conn.models.Session as SessionModel | undefined) ?? build(conn);
}
