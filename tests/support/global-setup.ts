import { startMongo, type MongoHandle } from '../../scripts/lib/mongo';

declare global {
  var __JSB_MONGO__: MongoHandle | undefined;
}

/** One MongoDB-compatible server for the whole run; each test file uses its own database on it. */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__JSB_MONGO__) return;
  const handle = await startMongo({ log: (l) => process.stderr.write(`${l}\n`) });
  globalThis.__JSB_MONGO__ = handle;
  process.env.MONGODB_URI = handle.uri;
  process.env.JSB_MONGO_KIND = handle.kind;
  process.stderr.write(`\ntests run against: ${handle.description}\n`);
}
