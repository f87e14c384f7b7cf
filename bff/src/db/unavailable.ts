/**
 * The database being away (stopped, restarting, unreachable), as the MongoDB driver and mongoose report it. Such a
 * failure is answered 503 SERVICE_UNAVAILABLE; the driver reconnects by itself when the server is back.
 */
const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { name?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.name === 'string' && UNAVAILABLE.has(e.name)) return true;
    // mongoose with bufferCommands (not ours, but models built on another connection may have it)
    if (e.name === 'MongooseError' && typeof e.message === 'string' && /buffering timed out/.test(e.message)) return true;
  }
  return false;
}

/**
 * How the bff connects: no command buffering (a request while the database is down fails at once instead of
 * waiting 10 s in mongoose's buffer) and a short server selection, so a request fails within seconds with a 503
 * rather than hanging; the driver keeps monitoring and reconnects by itself.
 */
export const MONGO_OPTIONS = (dbName: string) => ({ dbName, serverSelectionTimeoutMS: 3000, bufferCommands: false, heartbeatFrequencyMS: 2000 });
