/**
 * `npx tsx scripts/db-gaps.ts [--quick]`: measures, on each MongoDB emulator the helper can start, the guarantees the
 * bff's design depends on (README, "The database"). Without --quick it also waits 70 s to see whether a TTL index
 * ever deletes anything (MongoDB's TTL monitor runs every 60 s).
 */
import mongoose from 'mongoose';
import { EMULATORS, startMongo, type Emulator } from './lib/mongo';

type Db = mongoose.mongo.Db;
const quick = process.argv.includes('--quick');
const TTL_WAIT_MS = 70_000;

async function conditionalWinners(dbs: Db[], tries = 5): Promise<number> {
  let most = 0;
  for (let t = 0; t < tries; t++) {
    const c = dbs[0]!.collection('cond');
    await c.insertOne({ _id: `t${t}` as never, state: 'pending' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        dbs[i % dbs.length]!.collection('cond').findOneAndUpdate({ _id: `t${t}` as never, state: 'pending' }, { $set: { state: 'done', by: i } }),
      ),
    );
    most = Math.max(most, answers.filter(Boolean).length);
  }
  return most;
}

async function incFinal(dbs: Db[], tries = 3): Promise<number> {
  let least = Infinity;
  for (let t = 0; t < tries; t++) {
    await dbs[0]!.collection('inc').insertOne({ _id: `t${t}` as never, n: 0 });
    await Promise.all(Array.from({ length: 200 }, (_, i) => dbs[i % dbs.length]!.collection('inc').updateOne({ _id: `t${t}` as never }, { $inc: { n: 1 } })));
    least = Math.min(least, ((await dbs[0]!.collection('inc').findOne({ _id: `t${t}` as never })) as { n: number } | null)?.n ?? 0);
  }
  return least;
}

async function uniqueWinners(dbs: Db[]): Promise<number> {
  await dbs[0]!.collection('uniq').createIndex({ key: 1 }, { unique: true });
  const r = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => dbs[i % dbs.length]!.collection('uniq').insertOne({ key: 'same', i })));
  return r.filter((x) => x.status === 'fulfilled').length;
}

/** creates a TTL index and an already expired document; the returned check says, after the wait, what became of it */
async function ttl(db: Db): Promise<() => Promise<string>> {
  const c = db.collection('ttl');
  try {
    await c.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  } catch (err) {
    const refused = `refused (code ${(err as { code?: number }).code})`;
    return async () => refused;
  }
  await c.insertOne({ expiresAt: new Date(Date.now() - 3600_000) });
  return async () => {
    if (quick) return 'index accepted (expiry not waited for: --quick)';
    const left = await c.countDocuments();
    return `index accepted; an expired document ${left ? `still there after ${TTL_WAIT_MS / 1000} s` : `deleted within ${TTL_WAIT_MS / 1000} s`}`;
  };
}

async function indexedQueryMs(db: Db, n: number): Promise<number> {
  const c = db.collection(`q${n}`);
  await c.createIndex({ k: 1 });
  for (let i = 0; i < n; i += 1000) await c.insertMany(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ k: `k${i + j}`, pad: 'x'.repeat(200) })));
  const query = (i: number) => c.findOne({ k: `k${(i * 7919) % n}` });
  for (let i = 0; i < 20; i++) await query(i); // warm-up (the JVM compiles its hot paths)
  const started = performance.now();
  for (let i = 0; i < 100; i++) await query(i);
  return (performance.now() - started) / 100;
}

/**
 * Lookups by _id at two sizes (issue 14, what bff/src/db/by-id.ts relies on): `{ _id }` alone, `{ _id: { $in } }` of
 * 20, and `{ _id, owner }` (an owner check in the query). Mean ms of 30 each.
 */
async function idQueriesMs(db: Db, n: number): Promise<string> {
  const c = db.collection<{ _id: string; owner: string; pad: string }>(`ids${n}`);
  for (let i = 0; i < n; i += 1000)
    await c.insertMany(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ _id: `d${i + j}`, owner: `u${(i + j) % 500}`, pad: 'x'.repeat(200) })));
  const id = (i: number) => `d${(i * 7919) % n}`;
  const time = async (query: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await query(i); // warm-up
    const started = performance.now();
    for (let i = 0; i < 30; i++) await query(i);
    return ((performance.now() - started) / 30).toFixed(2);
  };
  const alone = await time((i) => c.findOne({ _id: id(i) }));
  const among = await time((i) => c.find({ _id: { $in: Array.from({ length: 20 }, (_, k) => id(i * 20 + k)) } }).toArray());
  const owned = await time((i) => c.findOne({ _id: id(i), owner: `u${((i * 7919) % n) % 500}` }));
  return `${alone} / ${among} / ${owned}`;
}

/** How the server plans `{ _id }` (FerretDB answers `explain` with SQLite's plan: SEARCH uses an index, SCAN does not). */
async function idPlan(db: Db): Promise<string> {
  const c = db.collection<{ _id: string }>('plan');
  await c.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: `p${i}` })));
  const ex = (await db.command({ explain: { find: 'plan', filter: { _id: 'p7' } } }).catch((err: Error) => ({ refused: err.message }))) as Record<
    string,
    unknown
  >;
  if (ex.refused) return `explain refused: ${String(ex.refused)}`;
  const plan = (ex.queryPlanner as { Plan?: string[]; winningPlan?: unknown } | undefined) ?? {};
  return JSON.stringify(plan.Plan ?? plan.winningPlan ?? ex).slice(0, 120);
}

async function pushSlice(db: Db): Promise<string> {
  const c = db.collection<{ _id: string; xs: number[] }>('push');
  await c.insertOne({ _id: 'p', xs: [1, 2, 3] });
  await c.updateOne({ _id: 'p' }, { $push: { xs: { $each: [4, 5], $slice: -2 } } });
  const xs = (await c.findOne({ _id: 'p' }))?.xs;
  return JSON.stringify(xs) === '[4,5]' ? 'applied' : `ignored (${JSON.stringify(xs)})`;
}

async function transaction(client: mongoose.mongo.MongoClient, db: Db): Promise<string> {
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await db.collection('tx').insertOne({ a: 1 }, { session });
    });
    return 'committed';
  } catch (err) {
    return `refused: ${String((err as Error).message).slice(0, 80)}`;
  } finally {
    await session.endSession();
  }
}

interface Server {
  emulator: Emulator;
  handle: Awaited<ReturnType<typeof startMongo>>;
  clients: mongoose.mongo.MongoClient[];
  dbs: Db[];
  ttlCheck: () => Promise<string>;
}

async function open(emulator: Emulator): Promise<Server> {
  const handle = await startMongo({ env: { ...process.env, MONGODB_URI: '', JSB_DATABASE: emulator }, log: () => {} });
  const clients = await Promise.all([0, 1, 2, 3].map(() => mongoose.mongo.MongoClient.connect(handle.uri)));
  const dbs = clients.map((c) => c.db('gaps'));
  return { emulator, handle, clients, dbs, ttlCheck: await ttl(dbs[0]!) };
}

/** one server at a time, so that the two do not share the machine's cores while timed */
async function measure({ handle, clients, dbs }: Server): Promise<Record<string, string>> {
  const ms = async (n: number) => (await indexedQueryMs(dbs[0]!, n)).toFixed(2);
  return {
    server: handle.description.replace(/ at mongodb.*/, ''),
    'conditional findOneAndUpdate, 50 at once (most winners of 5 tries)': String(await conditionalWinners(dbs)),
    '200 × $inc at once (lowest final value of 3 tries)': String(await incFinal(dbs)),
    'unique secondary index, 20 inserts of one key at once (inserted)': String(await uniqueWinners(dbs)),
    'indexed non-_id findOne, 2k / 20k documents (ms, mean of 100)': `${await ms(2000)} / ${await ms(20_000)}`,
    'by _id at 2k documents: { _id } / { _id: { $in } } of 20 / { _id, owner } (ms)': await idQueriesMs(dbs[0]!, 2000),
    'by _id at 20k documents: the same (ms)': await idQueriesMs(dbs[0]!, 20_000),
    'the plan of { _id } (explain)': await idPlan(dbs[0]!),
    '$push with $slice': await pushSlice(dbs[0]!),
    'multi-document transaction': await transaction(clients[0]!, dbs[0]!),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const servers = await Promise.all(EMULATORS.map((e) => open(e)));
  try {
    const results: Record<string, string>[] = [];
    for (const server of servers) results.push(await measure(server));
    if (!quick) await new Promise((r) => setTimeout(r, Math.max(0, TTL_WAIT_MS - (Date.now() - started))));
    for (const [i, server] of servers.entries()) results[i]!['TTL index'] = await server.ttlCheck();
    for (const key of Object.keys(results[0]!)) console.log(`${key}:\n${results.map((r) => `  ${r[key]}`).join('\n')}`);
  } finally {
    for (const s of servers) {
      await Promise.all(s.clients.map((c) => c.close()));
      await s.handle.stop();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
