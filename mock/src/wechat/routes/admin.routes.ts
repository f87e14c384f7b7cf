import type { Router } from '@koa/router';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { randomAlnum } from '../../infra/random';
import type { WechatDeps } from '../deps';
import { OPENID_PATTERN } from '../wechat.state';
import { registerSheetRoutes } from './sheet.routes';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** Test-only: play the citizen's phone (wx.login, getPhoneNumber, 订阅) and read what was sent. */
export function registerWechatAdminRoutes(router: Router, deps: WechatDeps): void {
  // Contract relied on by outside checks: POST { openid } → { code }. Without openid a new citizen is made.
  router.post('/login-code', async (ctx) => {
    const { openid } = await readAdminBody(ctx);
    if (openid !== undefined && (typeof openid !== 'string' || !OPENID_PATTERN.test(openid))) {
      throw new AdminInputError('openid must be 6..64 characters of A-Z a-z 0-9 _ -');
    }
    const subject = typeof openid === 'string' ? openid : 'o' + randomAlnum(27);
    const code = randomAlnum(32);
    deps.state.loginCodes.set(code, { subject, issuedAtMs: deps.clock.now().getTime(), used: false });
    ctx.status = 201;
    ctx.body = { code, openid: subject };
  });

  router.post('/phone-code', async (ctx) => {
    const { phoneNumber } = await readAdminBody(ctx);
    if (typeof phoneNumber !== 'string' || !PHONE_PATTERN.test(phoneNumber)) {
      throw new AdminInputError('phoneNumber must be an 11-digit mainland mobile number');
    }
    const code = randomAlnum(64).toLowerCase();
    deps.state.phoneCodes.set(code, { subject: phoneNumber, issuedAtMs: deps.clock.now().getTime(), used: false });
    ctx.status = 201;
    ctx.body = { code };
  });

  registerSheetRoutes(router, deps);

  router.get('/messages', (ctx) => {
    const { touser } = ctx.query;
    const messages = deps.state.messages.filter((m) => typeof touser !== 'string' || m.touser === touser);
    ctx.body = { messages };
  });
}
