/** Reads config once, builds real clients, listens, runs periodic work, and shuts down gracefully. */
import { createApp } from './app';
import { loadConfig, ConfigError } from './config';
import { createLogger } from './log';
import { upstreamClients } from './clients/upstreams';
import { applyServerTimeouts } from './http/server-timeouts';
import { prepareDatabase } from './db/prepare';
import { connectDatabase } from './db/connect';
import { createJobRunner } from './jobs/runner';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const log = createLogger({ level: config.LOG_LEVEL });
  const { db, watchdog } = await connectDatabase(config.MONGODB_URI, config.MONGODB_DB, log);
  const clock = () => new Date();
  const { app, jobs, claims, instanceId } = createApp({
    config,
    db,
    clock,
    log,
    ...upstreamClients(config),
  });
  await prepareDatabase(db, log, clock());
  const runner = createJobRunner({ jobs, claims, owner: instanceId, clock, log });
  runner.start();

  const server = app.listen(config.BFF_PORT, config.BFF_HOST);
  applyServerTimeouts(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.BFF_PORT;
  log.info({ port }, 'bff listening');
  process.stdout.write(`bff: http://${config.BFF_HOST}:${port}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'bff stopping');
    runner.stop();
    watchdog.stop();
    server.close(() => {
      void db.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`bff failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
