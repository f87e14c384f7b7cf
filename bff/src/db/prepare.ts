import type { Connection } from 'mongoose';
import type { Logger } from '../log';
import { migrateCitizenIds } from '../features/auth/citizen.model';
import { ensureIndexes, type IndexReport } from './indexes';
import { createLists, listEntryModel } from './lists';
import { isDuplicateKey } from './duplicate';
import { messagesListOf } from '../features/messages/inbox';
import { payableListOf, paymentsListOf } from '../features/payments/payments.service';
import { filesListOf } from '../features/corrections/corrections.service';
import { listOf } from '../outbox/outbox';
import { personListOf } from '../features/auth/person';
import { remindersListOf } from '../features/appointments/reminders';

/**
 * What every bff instance does to its database before it serves: bring data stored in an older shape up to date
 * (each step idempotent, safe with several instances starting at once), then create the declared indexes.
 */
export async function prepareDatabase(conn: Connection, log: Logger, now: Date): Promise<IndexReport> {
  const moved = await migrateCitizenIds(conn, now);
  if (moved) log.info({ moved }, 'citizens moved to userId keys');
  await dropRetired(conn, log);
  const filed = await fileExisting(conn);
  if (filed) log.info({ filed }, "documents written before lists existed filed in their citizens' lists");
  return ensureIndexes(conn, log);
}

/** Collections no code reads any more: `lookup_attempts` (the case lookup counts its wrong codes with the one limiter, issue 13). */
const RETIRED = ['lookup_attempts'];

async function dropRetired(conn: Connection, log: Logger): Promise<void> {
  const db = conn.db!;
  const present = async () => new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  const here = await present();
  for (const name of RETIRED.filter((n) => here.has(n))) {
    try {
      await db.dropCollection(name);
      log.info({ collection: name }, 'retired collection dropped');
    } catch (err) {
      // another instance starting at the same moment dropped it first: each server says so its own way (MongoDB
      // NamespaceNotFound, mongo-java-server "ns not found" or a NullPointerException), so what counts is that it is gone
      if ((await present()).has(name)) throw err;
    }
  }
}

/** What each list holds (db/lists.ts): the collection, the order its documents came in, and the lists naming each. */
const LISTED: {
  collection: string;
  order: Record<string, 1>;
  lists: (doc: Record<string, unknown>) => string[];
  /** only those documents; they carry no number of their own */
  only?: Record<string, unknown>;
  /** what the entry names, when not the document's _id */
  ref?: (doc: Record<string, unknown>) => string;
}[] = [
  {
    collection: 'reminders',
    order: { dueAt: 1 },
    lists: (x) => [remindersListOf(String(x.bookingId))],
    only: { state: 'pending' },
    ref: (x) => String(x._id).slice(0, String(x._id).lastIndexOf(':')),
  },
  {
    collection: 'citizens',
    order: { createdAt: 1 },
    lists: (x) => [personListOf(String((x.realName as { personId: string }).personId))],
    only: { 'realName.personId': { $exists: true } },
  },
  { collection: 'messages', order: { sortKey: 1 }, lists: (x) => [messagesListOf(String(x.userId))] },
  { collection: 'payments', order: { createdAt: 1 }, lists: (x) => [paymentsListOf(String(x.userId)), payableListOf(String(x.payableId))] },
  { collection: 'outbox', order: { createdAt: 1 }, lists: (x) => [listOf(String(x.kind), String(x.userId))] },
  {
    collection: 'correction_files',
    order: { createdAt: 1 },
    lists: (x) => [filesListOf(String(x.userId), String(x.caseNo), String(x.correctionId))],
  },
];
const FILED_MARK = 'filed-before-lists';

/**
 * Documents written before the citizens' lists existed (issue 14) are filed in them once, oldest first; a mark
 * says it was done, so later starts read nothing. Two instances doing it at once may file a document twice: it
 * is listed once all the same, at the number it carries (`place`, the last one written).
 */
async function fileExisting(conn: Connection): Promise<number> {
  const marks = conn.db!.collection<{ _id: string }>('list_entries');
  if (await marks.findOne({ _id: FILED_MARK })) return 0;
  const lists = createLists({ model: listEntryModel(conn) });
  let filed = 0;
  for (const { collection, order, lists: listsOf, only, ref } of LISTED) {
    const docs = conn
      .db!.collection<{ _id: string }>(collection)
      .find(only ?? { place: { $exists: false } })
      .sort(order);
    for await (const doc of docs) {
      const [own, ...others] = listsOf(doc);
      const named = ref ? ref(doc) : doc._id;
      const place = await lists.add(own!, named);
      for (const other of others) await lists.add(other, named);
      if (!only) await conn.db!.collection<{ _id: string }>(collection).updateOne({ _id: doc._id }, { $set: { place } });
      filed += 1;
    }
  }
  await marks.insertOne({ _id: FILED_MARK }).catch((err: unknown) => {
    if (!isDuplicateKey(err)) throw err;
  });
  return filed;
}
