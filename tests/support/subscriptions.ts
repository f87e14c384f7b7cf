/**
 * What the mini-program does at the moment a notice matters (issue 12): wx.requestSubscribeMessage shows WeChat's
 * subscription sheet (played here by the WeChat mock's test-only route), then the app tells the bff what the citizen
 * answered, so both sides count the same one-time consents.
 */
import type { Subscriptions } from '@jsb/shared';
import { call } from './http';
import type { Stack } from './stack';

export type SheetAnswers = Record<string, 'accept' | 'reject'>;

export async function answerSheet(s: Pick<Stack, 'wechatUrl'>, openid: string, answers: SheetAnswers): Promise<Record<string, string>> {
  const r = await call<Record<string, string>>(s.wechatUrl, 'POST', '/__mock/request-subscribe-message', {
    body: { openid, tmplIds: Object.keys(answers), answers },
  });
  if (r.status !== 200 || r.body.errMsg !== 'requestSubscribeMessage:ok') throw new Error(`subscription sheet ${r.status} ${r.text}`);
  return r.body;
}

/** The sheet, then the report to the bff: returns the bff's count of consents left per template. */
export async function subscribe(
  s: Pick<Stack, 'wechatUrl' | 'bffUrl'>,
  c: { openid: string; accessToken: string },
  answers: SheetAnswers,
): Promise<Subscriptions> {
  const { errMsg: _e, ...result } = await answerSheet(s, c.openid, answers);
  const r = await call<Subscriptions>(s.bffUrl, 'POST', '/api/v1/messages/subscriptions', { token: c.accessToken, body: { answers: result } });
  if (r.status !== 200) throw new Error(`report subscriptions ${r.status} ${r.text}`);
  return r.body;
}
