import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * One WeChat Pay order. `_id` is our out_trade_no: the unique index on _id makes a number used twice impossible.
 * State changes that must happen once (pending → paid, refunding → refunded) are guarded by claims (db/claims.ts),
 * because a conditional update is not atomic on FerretDB.
 */
const paymentSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    openid: { type: String, required: true },
    payableId: { type: String, required: true },
    kind: { type: String, enum: ['fee', 'utility'], required: true },
    title: { type: String, required: true },
    /** what we charged, from the core; the notification must carry the same */
    amountFen: { type: Number, required: true },
    appid: { type: String, required: true },
    mchid: { type: String, required: true },
    status: { type: String, enum: ['pending', 'paid', 'closed', 'refunding', 'refunded', 'flagged'], required: true },
    prepayId: { type: String },
    createdAt: { type: Date, required: true },
    /** its number in the citizen's list `payments|<userId>` (db/lists.ts) */
    place: { type: Number },
    expiresAt: { type: Date, required: true },
    paidAt: { type: Date },
    transactionId: { type: String },
    closedAt: { type: Date },
    closedReason: { type: String },
    /** facts shown on the receipt */
    payee: { type: String },
    caseNumber: { type: String },
    accountNumber: { type: String },
    period: { type: String },
    /** a verified notification or query that disagrees with the order: never paid automatically */
    flag: { type: new Schema({ reason: String, at: Date, source: String, details: Schema.Types.Mixed }, { _id: false }), default: null },
    refund: {
      type: new Schema(
        {
          outRefundNo: String,
          refundId: String,
          status: { type: String, enum: ['processing', 'succeeded', 'failed'] },
          amountFen: Number,
          requestedAt: Date,
          succeededAt: Date,
          reason: String,
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { collection: 'payments', versionKey: false },
);
paymentSchema.index({ status: 1, createdAt: 1 });

export type PaymentDoc = InferSchemaType<typeof paymentSchema> & { _id: string };
const build = (conn: Connection) => conn.model('Payment', paymentSchema);
export type PaymentModel = ReturnType<typeof build>;
export function paymentModel(conn: Connection): PaymentModel {
  return (conn.models.Payment as PaymentModel | undefined) ?? build(conn);
}
