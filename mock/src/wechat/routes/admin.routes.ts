import type { Router } from '@koa/router';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import { randomAlnum } from '../../infra/random';
import type { WechatDeps } from '../deps';
import { OPENID_PATTERN, subscriptionKey, type SubscriptionGrant } from '../wechat.state';

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

  router.post('/subscriptions', async (ctx) => {
    const { openid, templateId, accept, remaining } = await readAdminBody(ctx);
    if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) throw new AdminInputError('openid is required');
    if (typeof templateId !== 'string' || templateId === '') throw new AdminInputError('templateId is required');
    if (typeof accept !== 'boolean') throw new AdminInputError('accept must be a boolean');
    if (remaining !== undefined && (typeof remaining !== 'number' || !Number.isInteger(remaining) || remaining < 0)) {
      throw new AdminInputError('remaining must be an integer >= 0 (one-time grants left)');
    }
    const grant: SubscriptionGrant = typeof remaining === 'number' ? { accept, remaining } : { accept };
    deps.state.subscriptions.set(subscriptionKey(openid, templateId), grant);
    ctx.body = { openid, templateId, ...grant };
  });

  router.get('/messages', (ctx) => {
    const { touser } = ctx.query;
    const messages = deps.state.messages.filter((m) => typeof touser !== 'string' || m.touser === touser);
    ctx.body = { messages };
  });
}
