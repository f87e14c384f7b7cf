import type { Router } from '@koa/router';
import { ensureAccessToken, readWxJson, WxError, type WechatDeps } from '../deps';
import { checkCode } from '../wechat.state';

/** 获取手机号: POST /wxa/business/getuserphonenumber?access_token=. */
export function registerPhoneRoutes(router: Router, deps: WechatDeps): void {
  router.post('/wxa/business/getuserphonenumber', async (ctx) => {
    ensureAccessToken(ctx, deps);
    const body = await readWxJson(ctx);
    if (typeof body.code !== 'string' || body.code === '') throw new WxError('INVALID_CODE');

    const check = checkCode(deps.state.phoneCodes, body.code, deps.clock);
    if (!check.ok) throw new WxError('INVALID_CODE');
    check.code.used = true;

    const phone = check.code.subject;
    ctx.body = {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(deps.clock.now().getTime() / 1000), appid: deps.appid },
      },
    };
  });
}
