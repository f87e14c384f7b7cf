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
  if (unique.length > 1 && !(await isFerretDb(model.db))) return model.find({ _id: { $in: unique } }, projection).lean<T[]>();
  const found = await Promise.all(unique.map((_id) => model.findOne({ _id }, projection).lean<T>()));
  return found.filter((x): x is NonNullable<typeof x> => x !== null) as T[];
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

interface Waiter {
  resolve: (doc: unknown) => void;
  reject: (err: unknown) => void;
}
/** per model and projection: the lookups waiting for the next query, and how many queries are out */
interface Lane {
  waiting: Map<string, Waiter[]>;
  out: number;
  due: boolean;
}
const lanes = new WeakMap<AnyModel, Map<string, Lane>>();
/** queries of one lane at the database at once; lookups asked for meanwhile go together in the next */
const LANE_WIDTH = 1;
/** the most ids one query asks for */
const BATCH_MAX = 500;

/**
 * One document by `_id` (null when there is none). Alone it is asked for at once; while LANE_WIDTH queries of the same
 * model and fields are out, lookups wait and go together in the next (one `$in` instead of one query each). A burst of
 * requests from different citizens (500 bookings at once) reads their sessions and their citizens in a few dozen
 * queries instead of a thousand, and a quiet moment adds no wait (issue 14). The ids must be valid for the model's
 * `_id` type: one that cannot be cast fails its whole batch.
 */
export function findOneById<T>(model: AnyModel, id: string, projection?: Record<string, 0 | 1>): Promise<T | null> {
  const key = projection ? JSON.stringify(projection) : '';
  let byFields = lanes.get(model);
  if (!byFields) lanes.set(model, (byFields = new Map()));
  let lane = byFields.get(key);
  if (!lane) byFields.set(key, (lane = { waiting: new Map(), out: 0, due: false }));
  const waiters = lane.waiting.get(id) ?? [];
  lane.waiting.set(id, waiters);
  const answer = new Promise<T | null>((resolve, reject) => waiters.push({ resolve: resolve as (doc: unknown) => void, reject }));
  pump(model, lane, projection);
  return answer;
}

function pump(model: AnyModel, lane: Lane, projection?: Record<string, 0 | 1>): void {
  if (lane.due || lane.out >= LANE_WIDTH || !lane.waiting.size) return;
  lane.due = true;
  // the rest of this turn of the event loop joins the same query
  setImmediate(() => {
    lane.due = false;
    if (lane.out >= LANE_WIDTH || !lane.waiting.size) return;
    const batch = lane.waiting;
    lane.waiting = new Map();
    lane.out += 1;
    void answer(model, batch, projection).finally(() => {
      lane.out -= 1;
      pump(model, lane, projection);
    });
  });
}

async function answer(model: AnyModel, batch: Map<string, Waiter[]>, projection?: Record<string, 0 | 1>): Promise<void> {
  const ids = [...batch.keys()];
  try {
    const found = new Map<string, unknown>();
    for (let i = 0; i < ids.length; i += BATCH_MAX) {
      for (const doc of await findByIds<{ _id: unknown }>(model, ids.slice(i, i + BATCH_MAX), projection)) found.set(String(doc._id), doc);
    }
    for (const [id, waiters] of batch) for (const w of waiters) w.resolve(found.get(id) ?? null);
  } catch (err) {
    for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
  }
}
