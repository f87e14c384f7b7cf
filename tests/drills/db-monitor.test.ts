/**
 * Drill 3b — the database restarts while the MongoDB driver's server monitor is stalled (bff/src/db/monitor-watchdog.ts).
 * The driver stalls its monitor when a check writes to a socket Node has destroyed but not yet reported closed, which
 * happens by chance when a server closes its connections (the database-restart drill hit it in 3 of 58 runs).
 * Here it is made to happen on purpose: the monitor's connection is put where a closing server leaves it for a moment
 * and a check is asked for at that moment, as a waiting server selection does. Then the database stops and comes back
 * on the same port, with the bff's connection code (connectDatabase): operations must work again, as they do after
 * a restart without the stall.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '@jsb/bff';
import { startMongo, freePort, type MongoHandle } from '../../scripts/lib/mongo';
import { sleep, waitFor } from './support';

jest.setTimeout(180_000);

let mongo: MongoHandle | undefined;
let port: number;
const mongoEnv = { ...process.env, MONGODB_URI: '', JSB_SKIP_MONGOD: '1' };
const startOwnMongo = () => startMongo({ port, env: mongoEnv, log: () => {} });

beforeAll(async () => {
  port = await freePort();
  mongo = await startOwnMongo();
});
afterAll(async () => {
  await mongo?.stop();
});

/** the driver's own objects the stall is made with (mongodb 7.x) */
interface DriverServer {
  requestCheck(): void;
  monitor: { connection: { closed: boolean; socket: { destroy(): void } } | null };
}
function theServer(db: Connection): DriverServer {
  const servers = (db.getClient() as unknown as { topology: { s: { servers: Map<string, DriverServer> } } }).topology.s.servers;
  return [...servers.values()][0]!;
}

/**
 * What a closing server sets off: Node has destroyed the monitor's socket after the server's FIN and will emit 'close'
 * only later, so the driver still takes the connection as open; a check asked for right then writes to the
 * destroyed socket and waits for a 'drain' that never comes.
 */
async function stallTheMonitor(db: Connection): Promise<void> {
  const client = db.getClient();
  await new Promise((r) => client.once('serverHeartbeatSucceeded', r));
  await sleep(700); // the driver runs a requested check at once only 500 ms after the last one
  const server = theServer(db);
  const connection = server.monitor.connection!;
  let started = 0;
  const count = () => (started += 1);
  client.on('serverHeartbeatStarted', count);
  connection.socket.destroy();
  expect(connection.closed).toBe(false);
  server.requestCheck();
  client.off('serverHeartbeatStarted', count);
  expect(started).toBe(1); // the check began on the destroyed socket
}

describe('drill: the database restarts while the driver monitor is stalled', () => {
  it('works again once the database is back', async () => {
    const logged: string[] = [];
    const log = { warn: (_o: unknown, msg: string) => void logged.push(msg), error: (_o: unknown, msg: string) => void logged.push(msg) };
    // the bff's connection, with a shorter connect timeout so the watchdog's wait (2 × connect timeout + heartbeat + 5 s) is 15 s
    const { db, watchdog } = await connectDatabase(mongo!.uri, `drill_monitor_${randomBytes(3).toString('hex')}`, log, { connectTimeoutMS: 4000 });
    const things = db.collection('things');
    const client = db.getClient();
    let running = true;
    let unknownAt: number | undefined;
    let load: Promise<unknown> = Promise.resolve();
    try {
      await things.insertOne({ n: 0 });
      let ended = 0;
      client.on('serverHeartbeatSucceeded', () => (ended += 1));
      client.on('serverHeartbeatFailed', () => (ended += 1));
      client.on('serverDescriptionChanged', (e: { newDescription: { type: string } }) => {
        if (e.newDescription.type === 'Unknown') unknownAt ??= Date.now();
      });
      // requests keep writing, as they do in the bff: one of them is cut when the database stops and marks it unknown
      load = Promise.all(
        [0, 1, 2, 3].map(async (w) => {
          for (let i = 0; running; i++) {
            const ok = await things.insertOne({ w, i }).then(
              () => true,
              () => false,
            );
            await sleep(ok ? 0 : 50);
          }
        }),
      );
      await stallTheMonitor(db);
      const endedAtStall = ended;

      const stoppedAt = Date.now();
      await mongo!.stop();
      expect(await waitFor(() => unknownAt !== undefined, 10_000, 100)).toBe(true);
      await sleep(2000);
      mongo = await startOwnMongo();
      const backAt = Date.now();

      const works = await waitFor(
        () =>
          things.insertOne({ n: 2 }).then(
            () => true,
            () => false,
          ),
        60_000,
        500,
      );
      console.log(
        `drill 3b: marked unknown ${unknownAt! - stoppedAt} ms after the stop; writes again ${Date.now() - backAt} ms after the database was back; monitor checks ended since the stall: ${ended - endedAtStall}; watchdog: ${JSON.stringify(logged)}`,
      );
      expect(works).toBe(true);
      expect(logged).toContain('database monitor stalled: restarting it');
    } finally {
      running = false;
      await load;
      watchdog.stop();
      await db.close(true);
    }
  });
});
