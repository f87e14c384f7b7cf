import type { Connection } from 'mongoose';
import type { Logger } from '../log';
import { migrateCitizenIds } from '../features/auth/citizen.model';
import { ensureIndexes, type IndexReport } from './indexes';

/**
 * What every bff instance does to its database before it serves: bring data stored in an older shape up to date
 * (each step idempotent, safe with several instances starting at once), then create the declared indexes.
 */
export async function prepareDatabase(conn: Connection, log: Logger, now: Date): Promise<IndexReport> {
  const moved = await migrateCitizenIds(conn, now);
  if (moved) log.info({ moved }, 'citizens moved to userId keys');
  await dropRetired(conn, log);
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
