import type { Connection, Model } from 'mongoose';

/**
 * Documents by `_id`, asked the way each server answers cheapest (issue 14; measured by `npx tsx scripts/db-gaps.ts`).
 * MongoDB and mongo-java-server answer `{ _id: { $in: [...] } }` from the `_id` index — mongo-java-server only when
 * `_id` is the query's one field (`{ _id, userId }` reads the whole collection there). FerretDB v1.24.2 (SQLite)
 * hands only `{ _id: <string> }` to SQLite (`$in` is decoded and filtered document by document in Go), and even that
 * is a table scan in SQLite, stopped at the match: its `_id` index is on `_ferretdb_sjson->"_id"` but the query asks
 * `_ferretdb_sjson->'$._id'`, which SQLite does not match to the index (EXPLAIN: `SCAN`). So there each document is
 * asked for alone, all at once. Anything else a caller needs (the owner, the state) is checked on what was read.
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
