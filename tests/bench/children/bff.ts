/**
 * Bench child: one bff instance built with createApp as server.ts builds it, configured from the environment, on a
 * business clock frozen at BENCH_START (the mocks' clock), without periodic jobs (the stack's test instances run none
 * either). BENCH_PREPARE=1: it prepares the database first (migrations, indexes). BENCH_COUNT=1: it counts every
 * database command (by command and collection) and every upstream call, for the `counts` question over IPC.
 */
import mongoose from 'mongoose';
import { createApp, createLogger, loadConfig, prepareDatabase, sweepExpired, upstreamClients } from '@jsb/bff';
import { answerParent, ready } from '../procs';
import { profilerHandlers } from '../profiler';

type Counts = Record<string, number>;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const at = new Date(process.env.BENCH_START ?? Date.now());
  const clock = () => new Date(at.getTime());
  const log = createLogger({ level: config.LOG_LEVEL, destination: process.stderr });
  const counting = process.env.BENCH_COUNT === '1';
  const db = await mongoose
    // as server.ts connects: the indexes are prepareDatabase's (with the TTL fallback FerretDB needs), never mongoose's
    .createConnection(config.MONGODB_URI, {
      dbName: config.MONGODB_DB,
      serverSelectionTimeoutMS: 5000,
      bufferCommands: false,
      monitorCommands: counting,
      autoIndex: false,
      autoCreate: false,
    })
    .asPromise();
  let counts: Counts = {};
  const add = (k: string) => void (counts[k] = (counts[k] ?? 0) + 1);
  if (counting) {
    db.getClient().on('commandStarted', (e) => {
      const coll = e.command[e.commandName];
      add(`db ${e.commandName}${typeof coll === 'string' ? ` ${coll}` : ''}`);
    });
  }
  const countedFetch =
    (name: string): typeof fetch =>
    (input, init) => {
      if (counting) add(`${name} ${(init?.method ?? 'GET').toUpperCase()} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    };
  const built = createApp({
    config,
    db,
    log,
    clock,
    instanceId: `bench-${process.pid}`,
    ...upstreamClients(config, { fetchFor: countedFetch }),
  });
  if (process.env.BENCH_PREPARE === '1') await prepareDatabase(db, log, clock());
  // mongoose's own start-up work for each model, done before READY, so that the commands counted are the requests' own
  await Promise.all(Object.values(db.models).map((m) => m.init()));
  const server = built.app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const port = (server.address() as { port: number }).port;
  answerParent({
    ...profilerHandlers(),
    counts: () => {
      const out = counts;
      counts = {};
      return out;
    },
    // the event feed read until the bff is through, as the job would over a few rounds
    pullEvents: async () => {
      for (let i = 0; i < 50; i++) {
        const r = await built.messages.feed.pull();
        if (!r.refused && !r.unavailable && r.through >= r.head) return r;
      }
      throw new Error('the event feed did not catch up in 50 rounds');
    },
    // the expiry job's one round (db/expiry.ts), timed here, on the instance's own clock
    sweep: async (body) => {
      const t = performance.now();
      const deleted = await sweepExpired(db, new Date((body as { at?: string } | undefined)?.at ?? clock().toISOString()));
      return { deleted, ms: Math.round(performance.now() - t) };
    },
  });
  ready({ url: `http://127.0.0.1:${port}` }, async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await db.close();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
