import { Schema, type Connection } from 'mongoose';

/**
 * A WeChat subscription message to send for one 消息 (same _id). It is sent at most once: each attempt is claimed, and
 * an attempt whose outcome we never learnt (the instance died during the call) is not made again, because WeChat has no
 * idempotency key and a second message would spend a second consent for the same news.
 */
const pushSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    openid: { type: String, required: true },
    templateKey: { type: String, required: true },
    templateId: { type: String, required: true },
    page: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    /** the feed position, so a round sends in the order things happened */
    seq: { type: Number, required: true },
    state: { type: String, enum: ['pending', 'sending', 'sent', 'refused', 'failed', 'unknown'], required: true },
    /** refused: 'no-consent' (no 允许 left here, WeChat not asked) or 'wechat-43101' */
    reason: { type: String },
    /** the consent it spends (consents.ts), kept across retries so a retry spends no second one */
    consent: { type: Number },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    claimedAt: { type: Date },
    sentAt: { type: Date },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'push_messages', versionKey: false },
);
pushSchema.index({ state: 1, nextAttemptAt: 1 });
pushSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('PushMessage', pushSchema);
export type PushModel = ReturnType<typeof build>;
export function pushModel(conn: Connection): PushModel {
  return (conn.models.PushMessage as PushModel | undefined) ?? build(conn);
}
