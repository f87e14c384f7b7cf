import type { mongo } from 'mongoose';

/**
 * A watchdog for the MongoDB driver's server monitor, which can stall for good (driver 7.8; the code is unchanged on
 * the driver's main branch). When a server closes a connection, Node ends and destroys the socket some moments before
 * it emits 'close', and the driver marks its connection closed only on 'close'. A check the monitor starts in between
 * (a waiting server selection asks for one) writes its `hello` to the destroyed socket: write() returns false without
 * an 'error', the driver waits for a 'drain' that never comes, and no socket timeout runs on a destroyed socket. The
 * monitor never checks the server again, so once an operation has marked the server unknown, every later operation
 * fails server selection until the process restarts, though the database is back. Any server that closes connections
 * can set it off (mongod shutting down, a proxy closing idle connections, mongo-java-server, FerretDB): the database-restart
 * drill caught it (a check started as the database stopped, none ended in the 60 s after it was back), and
 * tests/drills/db-monitor.test.ts makes it happen on purpose.
 *
 * A check that has neither succeeded nor failed well after the longest the driver itself lets one run is a stalled
 * one: on a new connection, connectTimeoutMS to connect and as long again for the handshake; on the streaming protocol,
 * connectTimeoutMS plus the heartbeat interval it may wait for news; so twice connectTimeoutMS, a heartbeat interval and
 * some slack. The watchdog then restarts that server's monitor, which drops the stalled check and starts a fresh one
 * on a new connection.
 */
export interface MonitorWatchdog {
  stop(): void;
}

/** the two log levels the watchdog writes (a pino Logger has them) */
export interface WatchdogLog {
  warn(obj: { address: string; ms: number }, msg: string): void;
  error(obj: { address: string; ms: number }, msg: string): void;
}

/** what the watchdog reaches inside the driver (Topology → Server → Monitor); a driver that no longer has it is logged */
interface DriverMonitor {
  close(): void;
  connect(): void;
}
interface DriverInternals {
  topology?: { s?: { servers?: Map<string, { monitor?: DriverMonitor | null }> } };
}

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const DEFAULT_HEARTBEAT_MS = 10_000;

export function watchMonitor(client: mongo.MongoClient, o: { log: WatchdogLog; everyMs?: number; slackMs?: number; now?: () => number }): MonitorWatchdog {
  const now = o.now ?? Date.now;
  const connectTimeoutMS = client.options.connectTimeoutMS || DEFAULT_CONNECT_TIMEOUT_MS;
  const heartbeatMS = client.options.heartbeatFrequencyMS || DEFAULT_HEARTBEAT_MS;
  const stalledAfterMs = 2 * connectTimeoutMS + heartbeatMS + (o.slackMs ?? 5000);
  /** per server address: when its current check started */
  const checking = new Map<string, number>();

  const started = (e: { connectionId: string }) => {
    if (!checking.has(e.connectionId)) checking.set(e.connectionId, now());
  };
  const ended = (e: { connectionId: string }) => checking.delete(e.connectionId);
  client.on('serverHeartbeatStarted', started);
  client.on('serverHeartbeatSucceeded', ended);
  client.on('serverHeartbeatFailed', ended);
  // a server that left the topology (or a client that closed) has no monitor left to watch
  const left = (e: { address: string }) => checking.delete(e.address);
  client.on('serverClosed', left);

  const timer = setInterval(() => {
    for (const [address, since] of checking) {
      const ms = now() - since;
      if (ms < stalledAfterMs) continue;
      const monitor = (client as unknown as DriverInternals).topology?.s?.servers?.get(address)?.monitor;
      if (!monitor || typeof monitor.close !== 'function' || typeof monitor.connect !== 'function') {
        o.log.error({ address, ms }, 'database monitor stalled and cannot be restarted (the driver changed): restart the bff');
        checking.set(address, now()); // say it again after another full wait, not every tick
        continue;
      }
      o.log.warn({ address, ms }, 'database monitor stalled: restarting it');
      checking.delete(address);
      monitor.close();
      monitor.connect();
    }
  }, o.everyMs ?? 1000);
  timer.unref();

  return {
    stop() {
      clearInterval(timer);
      client.off('serverHeartbeatStarted', started);
      client.off('serverHeartbeatSucceeded', ended);
      client.off('serverHeartbeatFailed', ended);
      client.off('serverClosed', left);
    },
  };
}
