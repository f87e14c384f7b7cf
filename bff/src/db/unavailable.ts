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

/**
 * Server errors that mean "shutting down or stepping away", not "your command is wrong": mongod's shutdown and
 * failover codes (InterruptedAtShutdown 11600, ShutdownInProgress 91, InterruptedDueToReplStateChange 11602,
 * PrimarySteppedDown 189, NotWritablePrimary 10107, NotPrimaryNoSecondaryOk 13435, NotPrimaryOrSecondary 13436).
 */
const SHUTDOWN_CODES = new Set([11600, 91, 11602, 189, 10107, 13435, 13436]);
/**
 * FerretDB (v1.24, SQLite) answers a command that was running when it was told to stop with InternalError (code 1)
 * whose text ends in "context canceled" (seen for inserts and for find/count under load while it stopped).
 */
const FERRETDB_STOPPING = /\bcontext canceled\b/;
/**
 * A command written to a connection the server has just closed: the driver (7.x) then rejects with Node's own socket
 * error (EPIPE "This socket has been ended by the other party", raised while it waits for 'drain'), not with a
 * MongoNetworkError. Seen when mongo-java-server closed its connections at shutdown; any server that closes
 * connections (a restart, a failover, a proxy's idle timeout) can cause it. Only a raw error counts: upstream HTTP
 * failures reach the error boundary wrapped in UpstreamError, so a bare EPIPE or ECONNRESET there is the database's.
 */
const SOCKET_GONE = new Set(['EPIPE', 'ECONNRESET']);

export function isDatabaseUnavailable(err: unknown): boolean {
  const raw = err as { name?: string; code?: unknown } | undefined;
  if (raw?.name === 'Error' && typeof raw.code === 'string' && SOCKET_GONE.has(raw.code)) return true;
  for (
    let e = err as { name?: string; message?: string; code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.name === 'string' && UNAVAILABLE.has(e.name)) return true;
    if (e.name === 'MongoServerError' && typeof e.code === 'number') {
      if (SHUTDOWN_CODES.has(e.code)) return true;
      if (e.code === 1 && typeof e.message === 'string' && FERRETDB_STOPPING.test(e.message)) return true;
    }
    // mongoose with bufferCommands (not ours, but models built on another connection may have it)
    if (e.name === 'MongooseError' && typeof e.message === 'string' && /buffering timed out/.test(e.message)) return true;
  }
  return false;
}

/**
 * How the bff connects: no command buffering (a request while the database is down fails at once instead of
 * waiting 10 s in mongoose's buffer) and a short server selection, so a request fails within seconds with a 503
 * rather than hanging; the driver keeps monitoring and reconnects by itself (its monitor watched by
 * monitor-watchdog.ts). Connecting, and each monitor check, gets 10 s rather than the driver's 30: the database is
 * on the same network, and the watchdog calls a check stalled only after twice this plus a heartbeat interval.
 */
export const MONGO_OPTIONS = (dbName: string) => ({
  dbName,
  serverSelectionTimeoutMS: 3000,
  bufferCommands: false,
  heartbeatFrequencyMS: 2000,
  connectTimeoutMS: 10_000,
  // prepareDatabase makes the indexes, one after another, before the bff serves (indexes.ts, with the TTL fallback);
  // mongoose's own background build did it again while the start-up migration read `citizens`, and on
  // mongo-java-server a find racing a createIndexes on its collection fails (its index list is an unsynchronized
  // ArrayList: ConcurrentModificationException, answered "Unknown error: null"), so the bff exited at start
  autoIndex: false,
  autoCreate: false,
});
