/**
 * Bench child: the systems we do not own — the core, WeChat, WeChat Pay and the provincial 好差评 system — on one
 * clock frozen at BENCH_START, with their test-only admin paths. WeChat's jscode2session quota is BENCH_WECHAT_QUOTA
 * a minute (the bench signs thousands of citizens in at one frozen minute).
 */
import { createCoreMock, createMockClock, createProvinceMock, createWechatMock, createWxpayMock, listen, loadOrCreateWxpayKeys } from '@jsb/mock';
import { answerParent, ready } from '../procs';
import { seedBookings } from '../growth/core-seed';
import { profilerHandlers } from '../profiler';

async function main(): Promise<void> {
  const env = process.env;
  const clock = createMockClock(new Date(env.BENCH_START ?? Date.now()), { frozen: true });
  const province = createProvinceMock({ clock, admin: true });
  const provinceSrv = await listen(province.app, 0);
  const core = createCoreMock({ hmacSecret: env.CORE_HMAC_SECRET!, clock, admin: true, provinceUrl: provinceSrv.url });
  const wechat = createWechatMock({
    appid: env.WECHAT_APPID!,
    secret: env.WECHAT_SECRET!,
    clock,
    admin: true,
    rateLimitPerMinute: Number(env.BENCH_WECHAT_QUOTA ?? 1_000_000),
  });
  const keys = loadOrCreateWxpayKeys();
  const wxpay = createWxpayMock({
    clock,
    admin: true,
    mchid: keys.mchid,
    appid: env.WECHAT_APPID!,
    merchantCertPem: keys.merchantCertPem,
    platformKeys: keys.platformKeys,
    apiV3Key: keys.apiV3Key,
  });
  const servers = [provinceSrv, await listen(core.app, 0), await listen(wechat.app, 0), await listen(wxpay.app, 0)];
  const [, coreSrv, wechatSrv, wxpaySrv] = servers;
  answerParent({
    ...profilerHandlers(),
    // the growth benchmark gives the core as many bookings as the bff holds appointments
    seedBookings: (body) => seedBookings(core.state, body as Parameters<typeof seedBookings>[1]),
  });
  ready({ core: coreSrv!.url, wechat: wechatSrv!.url, wxpay: wxpaySrv!.url, province: provinceSrv.url }, async () => {
    await Promise.allSettled(servers.map((s) => s.close()));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
