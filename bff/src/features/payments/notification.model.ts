import { Schema, type Connection } from 'mongoose';

/** Every notification POSTed to us, kept for audit: what arrived, and what we made of it. No personal data is stored. */
const notificationSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** WeChat's notification id (the same over retries); absent when the body could not be read */
    notificationId: { type: String },
    receivedAt: { type: Date, required: true },
    serial: { type: String },
    timestamp: { type: String },
    eventType: { type: String },
    outTradeNo: { type: String },
    outcome: { type: String, enum: ['paid', 'refunded', 'duplicate', 'flagged', 'refused', 'ignored'], required: true },
    reason: { type: String },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'payment_notifications', versionKey: false },
);
notificationSchema.index({ outTradeNo: 1, receivedAt: 1 });
notificationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (conn: Connection) => conn.model('PaymentNotification', notificationSchema);
export type NotificationModel = ReturnType<typeof build>;
export function notificationModel(conn: Connection): NotificationModel {
  return (conn.models.PaymentNotification as NotificationModel | undefined) ?? build(conn);
}
