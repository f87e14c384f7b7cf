import type { Router } from '@koa/router';
import { isRecord } from '../../infra/body';
import { ensureAccessToken, readWxJson, WxError, type WechatDeps } from '../deps';
import { OPENID_PATTERN, subscriptionKey, type RecordedMessage } from '../wechat.state';

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

/**
 * Longest value per template keyword type (订阅消息 参数值内容限制), counted in characters.
 * A key is the type name plus a number, e.g. `thing1`, `character_string2`.
 */
const VALUE_LIMITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^thing\d+$/, 20],
  [/^character_string\d+$/, 32],
  [/^phrase\d+$/, 5],
  [/^name\d+$/, 10],
  [/^number\d+$/, 32],
  [/^letter\d+$/, 32],
  [/^symbol\d+$/, 5],
  [/^phone_number\d+$/, 17],
  [/^car_number\d+$/, 8],
];

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

/** Every entry must be `{ value }` with a non-empty string or number within its type's length. */
function checkTemplateData(data: unknown): RecordedMessage['data'] | undefined {
  if (!isRecord(data) || Object.keys(data).length === 0) return undefined;
  const out: RecordedMessage['data'] = {};
  for (const [key, entry] of Object.entries(data)) {
    if (!isRecord(entry)) return undefined;
    const raw = entry.value;
    if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
    const value = String(raw);
    if (value === '') return undefined;
    const limit = VALUE_LIMITS.find(([pattern]) => pattern.test(key))?.[1];
    if (limit !== undefined && [...value].length > limit) return undefined;
    out[key] = { value };
  }
  return out;
}

/** 43101 when the citizen refused this template, or used up the one-time grants set by admin. */
function ensureMayNotify(deps: WechatDeps, openid: string, templateId: string): void {
  const grant = deps.state.subscriptions.get(subscriptionKey(openid, templateId));
  if (!grant) return; // default: the citizen subscribed
  if (!grant.accept) throw new WxError('USER_REFUSED');
  if (grant.remaining !== undefined) {
    if (grant.remaining <= 0) throw new WxError('USER_REFUSED');
    grant.remaining -= 1;
  }
}
