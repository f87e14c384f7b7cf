import Koa from 'koa';
import { Router } from '@koa/router';
import { ADMIN_PREFIX, createAdminRouter, mountAdmin } from '../infra/admin';
import type { MockClock } from '../infra/clock';
import { createFaults, type Faults } from '../infra/faults';
import { coreErrors, sendCoreError, sendCoreUnavailable } from './errors';
import { CORE_FEATURES, type CoreDeps } from './routes';
import { NonceStore, verifySignature } from './signature';
import { createCoreState, resetCoreState, type CoreState } from './state';

export const CORE_PREFIX = '/core/v1';

export interface CoreMockOptions {
  /** Shared with the bff; signs every `/core/v1/*` request. */
  hmacSecret: string;
  /** The only caller the core systems know. Default 'jishiban-bff'. */
  clientId?: string;
  clock: MockClock;
  /** Mount the test-only `/__mock/*` routes. */
  admin?: boolean;
  /** Base URL of the provincial 好差评 system that ratings are relayed to (mock/src/province). */
  provinceUrl?: string;
  /** Signs the pages of the event feed the bff reads (GET /core/v1/events); default: the request HMAC secret. */
  eventsSecret?: string;
}

export interface CoreMock {
  app: Koa;
  state: CoreState;
  faults: Faults;
}

/** The city's core government systems, one Koa app; each business area is a `CoreFeature`. */
export function createCoreMock(opts: CoreMockOptions): CoreMock {
  const state = createCoreState();
  const deps: CoreDeps = { clock: opts.clock, state, provinceUrl: opts.provinceUrl, eventsSecret: opts.eventsSecret ?? opts.hmacSecret };
  const nonces = new NonceStore();
  const faults = createFaults({ defaults: { pathPrefix: CORE_PREFIX } });
  const app = new Koa();
  app.silent = true;

  app.use(coreErrors());

  if (opts.admin) {
    const admin = createAdminRouter({ clock: opts.clock, faults, reset: () => resetCoreState(state) });
    for (const feature of CORE_FEATURES) feature.admin?.(admin, deps);
    mountAdmin(app, admin);
  }

  app.use(faults.middleware(sendCoreUnavailable));

  // Every /core/v1 path, known or not, is signed: an unsigned caller learns nothing, not even a 404.
  const signature = verifySignature({ secret: opts.hmacSecret, clientId: opts.clientId ?? 'jishiban-bff', nonces, bodyLimit: coreBodyLimit });
  app.use((ctx, next) => (isCorePath(ctx.path) ? signature(ctx, next) : next()));

  const api = new Router({ prefix: CORE_PREFIX });
  for (const feature of CORE_FEATURES) feature.routes(api, deps);
  app.use(api.routes());
  app.use(api.allowedMethods());

  app.use((ctx) => {
    if (ctx.path.startsWith(ADMIN_PREFIX)) return; // plain 404: the real systems have no such path
    sendCoreError(ctx, 404, 'NOT_FOUND', '接口不存在');
  });

  return { app, state, faults };
}

/** 补正 files come as base64 in JSON: up to 5 MB of file is about 6.7 MB of body; every other call stays within 1 MB */
const coreBodyLimit = (path: string): number | undefined => (/^\/core\/v1\/cases\/[^/]+\/corrections\/files$/.test(path) ? 8 * 1024 * 1024 : undefined);

const isCorePath = (path: string): boolean => path === CORE_PREFIX || path.startsWith(`${CORE_PREFIX}/`);
