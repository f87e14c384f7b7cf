import { randomBytes } from 'node:crypto';
import type { Router } from '@koa/router';
import { ensureAppCredentials, WxError, type WechatDeps } from '../deps';
import { checkCode, unionidFor } from '../wechat.state';

/** 小程序登录 code2Session: GET /sns/jscode2session. */
export function registerLoginRoutes(router: Router, deps: WechatDeps): void {
  router.get('/sns/jscode2session', (ctx) => {
    const { appid, secret, js_code: jsCode, grant_type: grantType } = ctx.query;
    ensureAppCredentials(deps, appid, secret);
    if (grantType !== 'authorization_code') throw new WxError('INVALID_GRANT_TYPE');
    ensureWithinMinuteQuota(deps, deps.appid);
    if (typeof jsCode !== 'string' || jsCode === '') throw new WxError('CODE_MISSING');

    const check = checkCode(deps.state.loginCodes, jsCode, deps.clock);
    if (!check.ok) throw new WxError(check.reason === 'used' ? 'CODE_BEEN_USED' : 'INVALID_CODE');
    check.code.used = true;

    const openid = check.code.subject;
    // Same key order as WeChat; no errcode on success.
    ctx.body = { session_key: randomBytes(16).toString('base64'), openid, unionid: unionidFor(openid) };
  });
}

/** Counts calls per appid in the current minute of the mock clock; the call past the limit gets 45011. */
function ensureWithinMinuteQuota(deps: WechatDeps, appid: string): void {
  const minute = Math.floor(deps.clock.now().getTime() / 60_000);
  const entry = deps.state.quota.get(appid);
  const count = entry && entry.minute === minute ? entry.count + 1 : 1;
  deps.state.quota.set(appid, { minute, count });
  if (count > deps.rateLimitPerMinute) throw new WxError('MINUTE_QUOTA');
}
