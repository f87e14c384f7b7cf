import Koa from 'koa';
import { Router } from '@koa/router';
import { createAdminRouter, mountAdmin } from '../infra/admin';
import type { MockClock } from '../infra/clock';
import { createFaults, type Faults } from '../infra/faults';
import { type WechatDeps, wxErrors } from './deps';
import { sendWxSystemError } from './errors';
import { registerWechatAdminRoutes } from './routes/admin.routes';
import { registerLoginRoutes } from './routes/login.routes';
import { registerPhoneRoutes } from './routes/phone.routes';
import { registerSubscribeRoutes } from './routes/subscribe.routes';
import { registerTokenRoutes } from './routes/token.routes';
import { createWechatState, type WechatState } from './wechat.state';
import { errorBoundary } from '../infra/errors';

export interface WechatMockOptions {
  appid: string;
  secret: string;
  clock: MockClock;
  /** Mount the test-only `/__mock/*` routes. The real WeChat has nothing like them. */
  admin?: boolean;
  /** jscode2session calls per appid per mock-clock minute before 45011. Default 100. */
  rateLimitPerMinute?: number;
}

export interface WechatMock {
  app: Koa;
  state: WechatState;
  faults: Faults;
}

/** WeChat's mini-program server APIs (api.weixin.qq.com) with their real shapes and errcodes. */
export function createWechatMock(opts: WechatMockOptions): WechatMock {
  const state = createWechatState();
  const deps: WechatDeps = {
    appid: opts.appid,
    secret: opts.secret,
    clock: opts.clock,
    state,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 100,
  };
  const faults = createFaults();
  const app = new Koa();
  app.silent = true;

  app.use(errorBoundary('mock-wechat', { systemError: (ctx) => sendWxSystemError(ctx, 500) }));

  if (opts.admin) {
    const admin = createAdminRouter({
      clock: opts.clock,
      faults,
      reset: () => Object.assign(state, createWechatState()),
    });
    registerWechatAdminRoutes(admin, deps);
    mountAdmin(app, admin);
  }

  app.use(faults.middleware(sendWxSystemError));
  app.use(wxErrors());

  const api = new Router();
  registerLoginRoutes(api, deps);
  registerTokenRoutes(api, deps);
  registerPhoneRoutes(api, deps);
  registerSubscribeRoutes(api, deps);
  app.use(api.routes());
  app.use(api.allowedMethods());

  return { app, state, faults };
}
