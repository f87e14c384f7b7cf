import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate';

/**
 * The citizen as the bff knows them: the WeChat openid and what the mini-program must show.
 * Keeps no more than it needs: the real name and numbers only masked, plus keyed hashes to recognise them.
 * Keyed by userId (`_id` = `userId`): every signed-in request finds its citizen by _id, the one lookup FerretDB v1
 * answers without reading the whole collection. Sign-in finds the userId of an openid through `citizen_openids`.
 */
const citizenSchema = new Schema(
  {
    _id: { type: String, required: true },
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

// the core's events name a person: who of ours that is (issue 12)
citizenSchema.index({ 'realName.personId': 1 });

export type CitizenDoc = InferSchemaType<typeof citizenSchema>;
const build = (conn: Connection) => conn.model('Citizen', citizenSchema);
export type CitizenModel = ReturnType<typeof build>;

export function citizenModel(conn: Connection): CitizenModel {
  return (conn.models.Citizen as CitizenModel | undefined) ?? build(conn);
}

/**
 * openid → userId, one document per WeChat user with the openid as _id: the unique _id makes two first sign-ins of
 * one person at the same time end up as one citizen, and sign-in reads it by _id.
 * `citizen: true`: the link was written after its citizen was (issue 14), so a sign-in that finds it has nothing to
 * repair and writes nothing but the session. A link without it (written link first, or by the migration below) gets
 * its citizen upserted once at the next sign-in, and the flag.
 */
const openidLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    at: { type: Date, required: true },
    citizen: { type: Boolean },
  },
  { collection: 'citizen_openids', versionKey: false },
);
const buildLink = (conn: Connection) => conn.model('CitizenOpenid', openidLinkSchema);
export type OpenidLinkModel = ReturnType<typeof buildLink>;
export function openidLinkModel(conn: Connection): OpenidLinkModel {
  return (conn.models.CitizenOpenid as OpenidLinkModel | undefined) ?? buildLink(conn);
}

/**
 * Moves citizens stored before they were keyed by userId (an ObjectId _id, with unique indexes on openid and userId)
 * to the current shape: the old indexes go, each citizen gets its openid link and is copied under `_id: userId`, then
 * the old document is removed. Every step is idempotent, so a crash or two instances doing it at once leave nothing
 * half-done that the next start does not finish. Returns how many citizens moved.
 */
export async function migrateCitizenIds(conn: Connection, now: Date): Promise<number> {
  const citizens = conn.collection('citizens');
  const links = openidLinkModel(conn);
  for (const name of ['openid_1', 'userId_1']) await citizens.dropIndex(name).catch(() => undefined);
  const ignoreDuplicate = (err: unknown) => {
    if (!isDuplicateKey(err)) throw err;
  };
  let moved = 0;
  for (const old of await citizens.find({ _id: { $type: 'objectId' } }).toArray()) {
    const { _id, ...rest } = old as { _id: unknown; userId: string; openid: string };
    await links.collection.insertOne({ _id: rest.openid as never, userId: rest.userId, at: now }).catch(ignoreDuplicate);
    await citizens.insertOne({ ...rest, _id: rest.userId as never }).catch(ignoreDuplicate);
    await citizens.deleteOne({ _id: _id as never });
    moved += 1;
  }
  return moved;
}
