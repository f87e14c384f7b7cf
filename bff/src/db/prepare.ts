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
  const present = new Set((await conn.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of RETIRED.filter((n) => present.has(n))) {
    try {
      await conn.db!.dropCollection(name);
      log.info({ collection: name }, 'retired collection dropped');
    } catch (err) {
      // another instance dropped it first (NamespaceNotFound, code 26; mongo-java-server says only "ns not found")
      const e = err as { code?: number; message?: string };
      if (e.code !== 26 && !/ns not found/i.test(e.message ?? '')) throw err;
    }
  }
}
