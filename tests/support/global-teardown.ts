export default async function globalTeardown(): Promise<void> {
  const handle = globalThis.__JSB_MONGO__;
  globalThis.__JSB_MONGO__ = undefined;
  await handle?.stop();
}
