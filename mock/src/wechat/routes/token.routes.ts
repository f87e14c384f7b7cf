import { randomBytes } from 'node:crypto';
import type { Router } from '@koa/router';
import { ensureAppCredentials, readWxJson, WxError, type WechatDeps } from '../deps';
import { ACCESS_TOKEN_TTL_S } from '../wechat.state';

/**
 * 获取稳定版接口调用凭据: POST /cgi-bin/stable_token. The same token comes back, with the seconds it
 * has left, until it expires; `force_refresh: true` mints a new one and the old one stops working.
 */
export function registerTokenRoutes(router: Router, deps: WechatDeps): void {
  router.post('/cgi-bin/stable_token', async (ctx) => {
    const body = await readWxJson(ctx);
    if (body.grant_type !== 'client_credential') throw new WxError('INVALID_GRANT_TYPE');
    ensureAppCredentials(deps, body.appid, body.secret);
    if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') throw new WxError('DATA_FORMAT');

    const nowMs = deps.clock.now().getTime();
    let current = deps.state.accessToken;
    if (!current || current.expiresAtMs <= nowMs || body.force_refresh === true) {
      current = { token: mintAccessToken(), expiresAtMs: nowMs + ACCESS_TOKEN_TTL_S * 1000 };
      deps.state.accessToken = current;
    }
    ctx.body = { access_token: current.token, expires_in: Math.ceil((current.expiresAtMs - nowMs) / 1000) };
  });
}

/** Real tokens look like `86_` + ~130 URL-safe characters. */
function mintAccessToken(): string {
  return '86_' + randomBytes(96).toString('base64url');
}
