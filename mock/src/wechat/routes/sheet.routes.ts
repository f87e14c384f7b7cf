import type { Router } from '@koa/router';
import { AdminInputError, readAdminBody } from '../../infra/admin';
import type { WechatDeps } from '../deps';
import { OPENID_PATTERN, subscriptionKey, type SubscribeAnswer } from '../wechat.state';

const ANSWERS: readonly SubscribeAnswer[] = ['accept', 'reject', 'ban', 'filter'];
/** wx.requestSubscribeMessage shows at most 3 one-time templates at once (errCode 20003 beyond) */
const MAX_TEMPLATES = 3;

const addGrant = (deps: WechatDeps, openid: string, templateId: string, n: number) => {
  const key = subscriptionKey(openid, templateId);
  deps.state.grants.set(key, (deps.state.grants.get(key) ?? 0) + n);
};

/**
 * Test-only: the citizen's subscription sheet (订阅消息 授权弹窗), which WeChat shows inside the app and which no test
 * can tap. It answers what wx.requestSubscribeMessage reports to the mini-program and updates the one-time grants the
 * way WeChat does: each 'accept' adds one grant for that template (spent by the next message sent); 'reject', 'ban'
 * (the template was banned) and 'filter' (filtered as a duplicate title) add none and take none away.
 */
export function registerSheetRoutes(router: Router, deps: WechatDeps): void {
  // Contract relied on by the weapp runtime: POST { openid, tmplIds, answers } → { errMsg, [tmplId]: answer }
  router.post('/request-subscribe-message', async (ctx) => {
    const { openid, tmplIds, answers } = await readAdminBody(ctx);
    if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) throw new AdminInputError('openid must be 6..64 characters of A-Z a-z 0-9 _ -');
    if (!Array.isArray(tmplIds) || !tmplIds.every((t): t is string => typeof t === 'string' && t.trim() !== '')) {
      throw new AdminInputError('tmplIds must be an array of template ids');
    }
    const ids = [...new Set(tmplIds)];
    if (ids.length === 0 || ids.length > MAX_TEMPLATES) {
      // what the mini-program's fail callback receives; nothing is granted
      ctx.body = { errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds', errCode: 20003 };
      return;
    }
    if (typeof answers !== 'object' || answers === null) throw new AdminInputError('answers must be an object { [tmplId]: accept | reject }');
    const given = answers as Record<string, unknown>;
    const out: Record<string, SubscribeAnswer> = {};
    for (const id of ids) {
      const a = given[id];
      if (typeof a !== 'string' || !ANSWERS.includes(a as SubscribeAnswer)) throw new AdminInputError(`answers.${id} must be one of ${ANSWERS.join(', ')}`);
      out[id] = a as SubscribeAnswer;
    }
    for (const [id, a] of Object.entries(out)) if (a === 'accept') addGrant(deps, openid, id, 1);
    deps.state.sheets.push({ openid, answers: out, at: deps.clock.now().toISOString() });
    ctx.body = { errMsg: 'requestSubscribeMessage:ok', ...out };
  });

  /**
   * Older helper kept for callers written before the one-time model: `accept: true` is one 允许 (one grant), or sets
   * the grants left to `remaining`; `accept: false` is a refusal, which grants nothing.
   */
  router.post('/subscriptions', async (ctx) => {
    const { openid, templateId, accept, remaining } = await readAdminBody(ctx);
    if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) throw new AdminInputError('openid is required');
    if (typeof templateId !== 'string' || templateId === '') throw new AdminInputError('templateId is required');
    if (typeof accept !== 'boolean') throw new AdminInputError('accept must be a boolean');
    if (remaining !== undefined && (typeof remaining !== 'number' || !Number.isInteger(remaining) || remaining < 0)) {
      throw new AdminInputError('remaining must be an integer >= 0 (one-time grants left)');
    }
    if (typeof remaining === 'number') deps.state.grants.set(subscriptionKey(openid, templateId), remaining);
    else if (accept) addGrant(deps, openid, templateId, 1);
    ctx.body = { openid, templateId, accept, remaining: deps.state.grants.get(subscriptionKey(openid, templateId)) ?? 0 };
  });

  // grants left per template, for tests: GET /__mock/subscriptions?openid=
  router.get('/subscriptions', (ctx) => {
    const { openid } = ctx.query;
    if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) throw new AdminInputError('openid is required');
    const grants: Record<string, number> = {};
    for (const [key, n] of deps.state.grants) {
      const [who, templateId] = key.split('\n');
      if (who === openid && templateId) grants[templateId] = n;
    }
    ctx.body = { openid, grants, sheets: deps.state.sheets.filter((s) => s.openid === openid) };
  });
}
