import type { Config } from '../config';
import { createCoreClient, type CoreClient } from './core.client';
import { createWechatClient, type WechatClient } from './wechat.client';

/**
 * The city's core systems and WeChat's server APIs, as config describes them: what server.ts runs with, and what the
 * tests and the benchmark start their bff instances with (adding a breaker clock they can move, or a counting fetch).
 */
export function upstreamClients(
  config: Config,
  o: { fetchFor?: (upstream: 'wechat' | 'core') => typeof fetch; breakerNow?: () => number } = {},
): { wechat: WechatClient; core: CoreClient } {
  return {
    wechat: createWechatClient({
      baseUrl: config.WECHAT_API_BASE,
      appid: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      fetch: o.fetchFor?.('wechat'),
    }),
    core: createCoreClient({
      baseUrl: config.CORE_API_BASE,
      clientId: config.CORE_CLIENT_ID,
      secret: config.CORE_HMAC_SECRET,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      fetch: o.fetchFor?.('core'),
      breaker: { cooldownMs: config.CORE_BREAKER_COOLDOWN_MS, ...(o.breakerNow ? { now: o.breakerNow } : {}) },
    }),
  };
}
