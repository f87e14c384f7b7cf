import { refreshRequestSchema, tokenPairSchema, wechatLoginRequestSchema } from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { AuthService } from './auth.service';

export function authRoutes(t: RouteTable, auth: AuthService): void {
  t.add({
    method: 'post',
    path: '/api/v1/auth/wechat-login',
    operationId: 'wechatLogin',
    summary: '用 wx.login 的 code 登录（首次登录即注册）',
    tags: ['auth'],
    auth: false,
    body: wechatLoginRequestSchema,
    response: tokenPairSchema,
    errors: ['WECHAT_CODE_INVALID', 'WECHAT_CODE_USED', 'WECHAT_RATE_LIMITED', 'RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'],
    // sign-ins are limited per client address and per openid: 429 RATE_LIMITED with Retry-After
    handler: ({ body, ctx }) => auth.login(body.code, body.device, ctx.ip || 'unknown'),
  });
  t.add({
    method: 'post',
    path: '/api/v1/auth/refresh',
    operationId: 'refreshSession',
    summary: '用刷新凭证换一对新凭证（旧的作废；重复使用旧凭证会注销整个登录）',
    tags: ['auth'],
    auth: false,
    body: refreshRequestSchema,
    response: tokenPairSchema,
    errors: ['REFRESH_INVALID', 'REFRESH_REUSED', 'SESSION_REVOKED'],
    handler: ({ body }) => auth.refresh(body.refreshToken),
  });
  t.add({
    method: 'post',
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    summary: '退出登录：本次登录的所有凭证立即失效',
    tags: ['auth'],
    auth: true,
    response: null,
    handler: async ({ auth: a }) => auth.logout(a),
  });
}
