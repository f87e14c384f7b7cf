import mongoose, { type Connection } from 'mongoose';
import { MONGO_OPTIONS } from './unavailable';
import { watchMonitor, type MonitorWatchdog, type WatchdogLog } from './monitor-watchdog';

/**
 * The bff's database connection (MONGO_OPTIONS) with the watchdog over the driver's server monitor
 * (monitor-watchdog.ts). `overrides` are for tests that need a stall to show sooner.
 */
export async function connectDatabase(
  uri: string,
  dbName: string,
  log: WatchdogLog,
  overrides: { heartbeatFrequencyMS?: number; connectTimeoutMS?: number } = {},
): Promise<{ db: Connection; watchdog: MonitorWatchdog }> {
  const db = await mongoose.createConnection(uri, { ...MONGO_OPTIONS(dbName), ...overrides }).asPromise();
  return { db, watchdog: watchMonitor(db.getClient(), { log }) };
}
