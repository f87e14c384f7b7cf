import { Schema, type Connection } from 'mongoose';

/**
 * WeChat one-time subscription consents, as numbered places (the pattern of db/attempts.ts): the n-th 允许 a citizen
 * gave for a template is the document `g|<userId>|<templateId>#n`, the m-th message that spent one is `s|…#m` (m ≤ the
 * number of grants). Each is one insert on a unique _id, atomic on every server we run on (FerretDB has no atomic $inc),
 * so two messages can never spend the same consent. `g|…` and `s|…` without a number note the highest place known.
 */
const consentSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** on a note: the highest place known to be taken */
    n: { type: Number },
    /** on a spent place: the message that spent it */
    by: { type: String },
    at: { type: Date, required: true },
  },
  { collection: 'subscription_consents', versionKey: false },
);

const build = (conn: Connection) => conn.model('SubscriptionConsent', consentSchema);
export type ConsentModel = ReturnType<typeof build>;
export function consentModel(conn: Connection): ConsentModel {
  return (conn.models.SubscriptionConsent as ConsentModel | undefined) ?? build(conn);
}
