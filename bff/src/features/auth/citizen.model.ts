import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * The citizen as the bff knows them: the WeChat openid and what the mini-program must show.
 * Keeps no more than it needs: the real name and numbers only masked, plus keyed hashes to recognise them.
 */
const citizenSchema = new Schema(
  {
    userId: { type: String, required: true },
    openid: { type: String, required: true },
    unionid: { type: String },
    realName: {
      type: new Schema(
        {
          nameMasked: { type: String, required: true },
          idNumberMasked: { type: String, required: true },
          idNumberHash: { type: String, required: true },
          personId: { type: String, required: true },
          verifiedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    phone: {
      type: new Schema(
        { masked: { type: String, required: true }, hash: { type: String, required: true }, boundAt: { type: Date, required: true } },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true, collection: 'citizens' },
);
citizenSchema.index({ openid: 1 }, { unique: true });
citizenSchema.index({ userId: 1 }, { unique: true });

export type CitizenDoc = InferSchemaType<typeof citizenSchema>;
const build = (conn: Connection) => conn.model('Citizen', citizenSchema);
export type CitizenModel = ReturnType<typeof build>;

export function citizenModel(conn: Connection): CitizenModel {
  return (conn.models.Citizen as CitizenModel | undefined) ?? build(conn);
}
