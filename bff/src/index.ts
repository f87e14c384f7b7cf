export { createApp, type AppDeps, API_VERSION } from './app';
export { loadConfig, ConfigError, type Config } from './config';
export { createLogger, redact, redactString, type Logger } from './log';
export { createCoreClient, signCoreHeaders, type CoreClient } from './clients/core.client';
export { createWechatClient, type WechatClient } from './clients/wechat.client';
export { ensureIndexes, sweepExpired } from './db/indexes';
export { createClaims, claimModel } from './db/claims';
export { createJobRunner, type PeriodicJob } from './jobs/runner';
