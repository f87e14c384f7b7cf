import { Schema, type Connection } from 'mongoose';

/**
 * Every event read from the core's feed, recorded before anything is done with it (issue 12). `_id` is the event's
 * position, `<epoch>:<seq>`: a repeated delivery is an insert on a taken _id (the one write that is atomic on FerretDB
 * too) and changes nothing; looking a position up is a lookup by _id, the one FerretDB answers without a scan.
 */
const coreEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    epoch: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    stream: { type: String, required: true },
    streamSeq: { type: Number, required: true },
    personId: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    receivedAt: { type: Date, required: true },
    /** set once its messages are written; applying again is harmless (they are keyed by event and citizen) */
    appliedAt: { type: Date },
    /** kept for a year and a bit, as the other records of what the core told us */
    expiresAt: { type: Date, required: true },
  },
  { collection: 'core_events', versionKey: false },
);
coreEventSchema.index({ eventId: 1 });
coreEventSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/**
 * Where reading the feed stands: every position up to `through` of `epoch` is recorded and applied. A position missing
 * while later ones arrived is a hole (`hole`): it is waited for, then skipped after a grace period (a core transaction
 * that took a position and rolled back never fills it).
 */
const cursorSchema = new Schema(
  {
    _id: { type: String, required: true },
    epoch: { type: String, required: true },
    through: { type: Number, required: true },
    hole: { type: new Schema({ at: Number, since: Date }, { _id: false }), default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'event_cursors', versionKey: false },
);

const buildEvents = (conn: Connection) => conn.model('CoreEvent', coreEventSchema);
const buildCursors = (conn: Connection) => conn.model('EventCursor', cursorSchema);
export type CoreEventModel = ReturnType<typeof buildEvents>;
export type EventCursorModel = ReturnType<typeof buildCursors>;
export function coreEventModel(conn: Connection): CoreEventModel {
  return (conn.models.CoreEvent as CoreEventModel | undefined) ?? buildEvents(conn);
}
export function eventCursorModel(conn: Connection): EventCursorModel {
  return (conn.models.EventCursor as EventCursorModel | undefined) ?? buildCursors(conn);
}

export const positionId = (epoch: string, seq: number): string => `${epoch}:${String(seq).padStart(12, '0')}`;
