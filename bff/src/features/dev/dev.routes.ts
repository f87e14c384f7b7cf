import { devCodeSchema, devLoginCodeRequestSchema, devPhoneCodeRequestSchema } from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { WechatClient } from '../../clients/wechat.client';

/**
 * Development sign-in for the H5 build, which has no wx.login: the bff asks the WeChat mock to mint a code.
 * Mounted only when DEV_LOGIN is on, which config refuses in production.
 */
export function devRoutes(t: RouteTable, wechat: WechatClient): void {
  t.add({
    method: 'post',
    path: '/__dev/login-code',
    operationId: 'devLoginCode',
    summary: '开发环境：为测试用户生成 wx.login code（仅 H5 开发登录）',
    tags: ['dev'],
    auth: false,
    body: devLoginCodeRequestSchema,
    response: devCodeSchema,
    handler: async ({ body }) => ({ code: await wechat.devLoginCode(body.openid) }),
  });
  t.add({
    method: 'post',
    path: '/__dev/phone-code',
    operationId: 'devPhoneCode',
    summary: '开发环境：为测试手机号生成 getPhoneNumber code',
    tags: ['dev'],
    auth: false,
    body: devPhoneCodeRequestSchema,
    response: devCodeSchema,
    handler: async ({ body }) => ({ code: await wechat.devPhoneCode(body.phoneNumber) }),
  });
}
