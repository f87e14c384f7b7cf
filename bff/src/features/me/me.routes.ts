import { bindPhoneRequestSchema, bindRealNameRequestSchema, meSchema } from '@jsb/shared';
import type { RouteTable } from '../../http/route';
import type { MeService } from './me.service';

export function meRoutes(t: RouteTable, me: MeService): void {
  t.add({
    method: 'get',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: '我的资料（证件号、手机号均已脱敏）',
    tags: ['me'],
    auth: true,
    response: meSchema,
    handler: ({ auth }) => me.getMe(auth),
  });
  t.add({
    method: 'post',
    path: '/api/v1/me/real-name',
    operationId: 'bindRealName',
    summary: '实名认证：姓名与身份证号码经公安核验后绑定',
    tags: ['me'],
    auth: true,
    body: bindRealNameRequestSchema,
    response: meSchema,
    errors: ['ID_NUMBER_INVALID', 'REAL_NAME_MISMATCH', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'],
    handler: ({ auth, body, ctx }) => me.bindRealName(auth, body, ctx.state.requestId),
  });
  t.add({
    method: 'post',
    path: '/api/v1/me/phone',
    operationId: 'bindPhone',
    summary: '绑定微信手机号（getPhoneNumber 的 code）',
    tags: ['me'],
    auth: true,
    body: bindPhoneRequestSchema,
    response: meSchema,
    errors: ['PHONE_CODE_INVALID', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'],
    handler: ({ auth, body, ctx }) => me.bindPhone(auth, body.code, ctx.state.requestId),
  });
}
