import { Schema, type Connection } from 'mongoose';

/**
 * One WeChat subscription message to send before an appointment. `_id` = `<bookingId>:<slotId>:<kind>`, so
 * scheduling twice (a repeated request, a second instance) creates one reminder; a reschedule makes new ones.
 */
const reminderSchema = new Schema(
  {
    _id: { type: String, required: true },
    bookingId: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, enum: ['day-before', 'hour-before'], required: true },
    dueAt: { type: Date, required: true },
    state: { type: String, enum: ['pending', 'sending', 'sent', 'refused', 'cancelled', 'failed'], required: true },
    attempts: { type: Number, default: 0 },
    claimedBy: { type: String },
    claimedAt: { type: Date },
    sentAt: { type: Date },
    /** the one-time consent this reminder spent (messages/consents.ts) */
    consent: { type: Number },
    payload: { type: Schema.Types.Mixed, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'reminders', versionKey: false },
);
reminderSchema.index({ state: 1, dueAt: 1 });
reminderSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('Reminder', reminderSchema);
export type ReminderModel = ReturnType<typeof build>;
export function reminderModel(conn: Connection): ReminderModel {
  return (conn.models.Reminder as ReminderModel | undefined) ?? build(conn);
}
