import { Schema, type Connection } from 'mongoose';

/**
 * Writes a citizen made that a core system has not accepted yet (a complaint, a rating, ...). The document is
 * written before the first delivery attempt, so neither an upstream outage nor a bff restart loses it.
 */
const outboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    userId: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    state: { type: String, enum: ['queued', 'delivered', 'rejected'], required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String },
    /** a rejected entry: the core's refusal, { code, details } */
    refusal: { type: Schema.Types.Mixed },
    /** what the core answered on acceptance (e.g. the tracking number) */
    result: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    /** its number in the citizen's list of this kind (db/lists.ts) */
    place: { type: Number },
    deliveredAt: { type: Date },
  },
  { collection: 'outbox', versionKey: false },
);
outboxSchema.index({ state: 1, nextAttemptAt: 1 });

const build = (conn: Connection) => conn.model('Outbox', outboxSchema);
export type OutboxModel = ReturnType<typeof build>;
export function outboxModel(conn: Connection): OutboxModel {
  return (conn.models.Outbox as OutboxModel | undefined) ?? build(conn);
}
