import type { Connection, Model } from 'mongoose';

/**
 * Documents by `_id`, asked the way each server answers from its `_id` index instead of reading the whole collection
 * (issue 14; measured by `npx tsx scripts/db-gaps.ts`): MongoDB and mongo-java-server answer `{ _id: { $in: [...] } }`
 * from the index, mongo-java-server only when `_id` is the query's one field (`{ _id, userId }` is a scan there);
 * FerretDB v1.24 (SQLite) only `{ _id: <value> }`, so there each document is asked for alone, all at once. Anything
 * else a caller needs (the owner, the state) is checked on the documents read.
 */
const ferretdb = new WeakMap<Connection, Promise<boolean>>();

function isFerretDb(conn: Connection): Promise<boolean> {
  let known = ferretdb.get(conn);
  if (!known) {
    known = conn
      .db!.admin()
      .command({ buildInfo: 1 })
      .then((info) => typeof info.ferretdbVersion === 'string')
      .catch(() => {
        ferretdb.delete(conn); // asked again next time (the database was away)
        return false;
      });
    ferretdb.set(conn, known);
  }
  return known;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model: the caller names what it reads
type AnyModel = Model<any>;

export async function findByIds<T>(model: AnyModel, ids: readonly string[], projection?: Record<string, 0 | 1>): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  if (unique.length > 1 && (await isFerretDb(model.db))) {
    const found = await Promise.all(unique.map((_id) => model.findOne({ _id }, projection).lean<T>()));
    return found.filter((x): x is NonNullable<typeof x> => x !== null) as T[];
  }
  if (unique.length === 1) {
    const one = await model.findOne({ _id: unique[0] }, projection).lean<T>();
    return one ? [one as T] : [];
  }
  return model.find({ _id: { $in: unique } }, projection).lean<T[]>();
}

/** `$set` on documents by `_id`, one request per server's fast way (see above). */
export async function setByIds(model: AnyModel, ids: readonly string[], set: Record<string, unknown>): Promise<number> {
  const unique = [...new Set(ids)];
  if (!unique.length) return 0;
  if (unique.length > 1 && (await isFerretDb(model.db))) {
    const done = await Promise.all(unique.map((_id) => model.updateOne({ _id }, { $set: set })));
    return done.reduce((n, r) => n + r.modifiedCount, 0);
  }
  return (await model.updateMany({ _id: { $in: unique } }, { $set: set })).modifiedCount;
}
