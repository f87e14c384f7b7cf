import type { Router } from '@koa/router';
import { isRecord } from '../../infra/body';
import { ensureAccessToken, readWxJson, WxError, type WechatDeps } from '../deps';
import { OPENID_PATTERN, subscriptionKey, type RecordedMessage } from '../wechat.state';
import { valueAllowed } from './template-values';

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

/** 发送订阅消息: POST /cgi-bin/message/subscribe/send?access_token=. */
export function registerSubscribeRoutes(router: Router, deps: WechatDeps): void {
  router.post('/cgi-bin/message/subscribe/send', async (ctx) => {
    ensureAccessToken(ctx, deps);
    const body = await readWxJson(ctx);
    const { touser, template_id: templateId, page, miniprogram_state: mpState, lang } = body;

    if (typeof touser !== 'string' || !OPENID_PATTERN.test(touser)) throw new WxError('INVALID_OPENID');
    if (typeof templateId !== 'string' || templateId.trim() === '') throw new WxError('INVALID_TEMPLATE_ID');
    if (page !== undefined && typeof page !== 'string') throw new WxError('ARGUMENT_INVALID');
    if (mpState !== undefined && !MINIPROGRAM_STATES.includes(String(mpState))) throw new WxError('ARGUMENT_INVALID');
    if (lang !== undefined && !LANGS.includes(String(lang))) throw new WxError('ARGUMENT_INVALID');
    const data = checkTemplateData(body.data);
    if (!data) throw new WxError('ARGUMENT_INVALID');

    ensureMayNotify(deps, touser, templateId);

    const message: RecordedMessage = {
      msgid: deps.state.nextMsgid++,
      touser,
      template_id: templateId,
      ...(typeof page === 'string' ? { page } : {}),
      data,
      ...(mpState !== undefined ? { miniprogram_state: String(mpState) } : {}),
      ...(lang !== undefined ? { lang: String(lang) } : {}),
      sentAt: deps.clock.now().toISOString(),
    };
    deps.state.messages.push(message);
    ctx.body = { errcode: 0, errmsg: 'ok', msgid: message.msgid };
  });
}

/** Every entry must be `{ value }` with a non-empty string or number that its keyword type allows. */
function checkTemplateData(data: unknown): RecordedMessage['data'] | undefined {
  if (!isRecord(data) || Object.keys(data).length === 0) return undefined;
  const out: RecordedMessage['data'] = {};
  for (const [key, entry] of Object.entries(data)) {
    if (!isRecord(entry)) return undefined;
    const raw = entry.value;
    if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
    const value = String(raw);
    if (value === '') return undefined;
    if (!valueAllowed(key, value)) return undefined;
    out[key] = { value };
  }
  return out;
}

/**
 * WeChat's one-time subscriptions (一次性订阅): a message needs a grant the citizen gave by tapping 允许 on the sheet
 * for this template; sending spends it. No grant left (never asked, refused, or used up): 43101, nothing sent.
 */
function ensureMayNotify(deps: WechatDeps, openid: string, templateId: string): void {
  const key = subscriptionKey(openid, templateId);
  const left = deps.state.grants.get(key) ?? 0;
  if (left <= 0) throw new WxError('USER_REFUSED');
  deps.state.grants.set(key, left - 1);
}
