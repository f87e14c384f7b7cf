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
  return ensureIndexes(conn, log);
}
