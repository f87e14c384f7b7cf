import { Schema, type Connection } from 'mongoose';

/**
 * 消息: one document per event and citizen. `_id` is derived from both (messageIdOf), so applying an event again —
 * a repeat from the feed, a second bff instance, a restart half-way — writes nothing new: exactly once per citizen.
 */
const messageSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    eventId: { type: String, required: true },
    event: { type: String, required: true },
    stream: { type: String, required: true },
    streamSeq: { type: Number, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    nextStep: { type: String, required: true },
    link: { type: new Schema({ kind: String, id: String, page: String }, { _id: false }), required: true },
    occurredAt: { type: Date, required: true },
    /** `<occurredAt ISO>|<feed position>|<id>`: the order of the news (the list shows them in the order they arrived) */
    sortKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
    /** its number in the citizen's list `messages|<userId>` (db/lists.ts): 消息 and the unread count are read by _id */
    place: { type: Number },
  },
  { collection: 'messages', versionKey: false },
);

const build = (conn: Connection) => conn.model('Message', messageSchema);
export type MessageModel = ReturnType<typeof build>;
export function messageModel(conn: Connection): MessageModel {
  return (conn.models.Message as MessageModel | undefined) ?? build(conn);
}
